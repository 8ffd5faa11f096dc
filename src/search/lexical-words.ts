// The knowledge's words and WordNet phrases, for its lexical table: what general English is looked up for.
import { LexicalTable, type KnowledgeWord, type Lexicon } from '../lexicon/index.js';
import { searchTerms, type Token } from '../text/index.js';
import type { Vocabulary } from './vocabulary.js';

/** Phrases of two or three words that WordNet knows (`united_states`, `arrest_warrant`), found while indexing. */
export class PhraseFinder {
  /** Phrase → its search terms, for the phrases found so far. */
  readonly phrases = new Map<string, string[]>();
  private readonly checked = new Set<string>();

  constructor(private readonly lexicon: Lexicon) {}

  /** The WordNet phrases among a passage's words (runs that start and end with a searched word), each once. */
  scan(tokens: readonly Token[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (let i = 0; i < tokens.length; i += 1) {
      for (const length of [2, 3]) {
        const span = tokens.slice(i, i + length);
        if (span.length < length || !span[0]?.term || !span.at(-1)?.term || span.some((t) => /\d/u.test(t.folded))) continue;
        if (!this.lexicon.mayBePhrase(span.map((t) => t.folded))) continue;
        const phrase = span.map((t) => t.folded).join('_');
        const known = this.phrases.get(phrase);
        if (known) {
          found.set(phrase, known);
          continue;
        }
        if (this.checked.has(phrase)) continue;
        if (this.checked.size >= MAX_CHECKED) this.checked.clear();
        this.checked.add(phrase);
        if (this.lexicon.lemmas(phrase).length > 0) {
          const terms = span.flatMap((t) => (t.term ? [t.term] : []));
          this.phrases.set(phrase, terms);
          found.set(phrase, terms);
        }
      }
    }
    return found;
  }
}

/** Distinct word runs remembered as checked (a large knowledge repeats most of them). */
const MAX_CHECKED = 200_000;

/** Whether a reader's form is already the knowledge's word (its stems): no need to look it up. */
export function sameWord(form: string, terms: readonly string[]): boolean {
  return searchTerms(form.replace(/_/gu, ' ')).join(' ') === terms.join(' ');
}

/** Whether a knowledge word is looked up in general English (figures are not). */
export function isLexicalWord(folded: string): boolean {
  return !/^[\d.]+$/u.test(folded);
}

/** Builds the lexical table for the knowledge's words (from its vocabulary) and the phrases found in it. */
export function buildLexicalTable(lexicon: Lexicon, vocabulary: Vocabulary, phrases: Iterable<[string, readonly string[]]>): LexicalTable {
  const words: KnowledgeWord[] = [];
  for (const [folded, term] of vocabulary.surfaceEntries()) {
    if (isLexicalWord(folded)) words.push({ word: folded, terms: [term] });
  }
  for (const [phrase, terms] of phrases) words.push({ word: phrase, terms });
  return LexicalTable.build(lexicon, words, sameWord);
}
