// The knowledge's words and WordNet phrases, for its lexical table: what general English is looked up for.
import { LexicalTable, type KnowledgeWord, type Lexicon } from '../lexicon/index.js';
import { searchTerms, type Token } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';

/** Phrases of two or three words that WordNet knows (`united_states`, `arrest_warrant`), found while indexing. */
export class PhraseFinder {
  /** Phrase → its search terms, for the phrases found so far. */
  readonly phrases = new Map<string, string[]>();
  private readonly checked = new Set<string>();

  constructor(private readonly lexicon: Lexicon) {}

  /** Looks for WordNet phrases among a passage's words: runs that start and end with a searched word. */
  scan(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i += 1) {
      for (const length of [2, 3]) {
        const span = tokens.slice(i, i + length);
        if (span.length < length || !span[0]?.term || !span.at(-1)?.term || span.some((t) => /\d/u.test(t.folded))) continue;
        if (!this.lexicon.mayBePhrase(span.map((t) => t.folded))) continue;
        const phrase = span.map((t) => t.folded).join('_');
        if (this.checked.has(phrase)) continue;
        if (this.checked.size >= MAX_CHECKED) this.checked.clear();
        this.checked.add(phrase);
        if (this.lexicon.lemmas(phrase).length > 0) this.phrases.set(phrase, span.flatMap((t) => (t.term ? [t.term] : [])));
      }
    }
  }
}

/** Distinct word runs remembered as checked (a large knowledge repeats most of them). */
const MAX_CHECKED = 200_000;

/** Builds the lexical table for the knowledge's words (from its vocabulary) and the phrases found in it. */
export function buildLexicalTable(lexicon: Lexicon, vocabulary: Vocabulary, phrases: ReadonlyMap<string, readonly string[]>): LexicalTable {
  const words: KnowledgeWord[] = [];
  for (const [folded, term] of vocabulary.surfaceEntries()) {
    if (!/^[\d.]+$/u.test(folded)) words.push({ word: folded, terms: [term] });
  }
  for (const [phrase, terms] of phrases) words.push({ word: phrase, terms });
  return LexicalTable.build(lexicon, words, (form, terms) => searchTerms(form.replace(/_/gu, ' ')).join(' ') === terms.join(' '));
}
