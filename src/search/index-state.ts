// Everything the passage index holds, and how a document goes in and out: the passages by position, MiniSearch's
// index, the vocabulary, the lexical table, the common terms and the knowledge's order, each kept in step with the
// others as documents come and go.
import MiniSearch from 'minisearch';
import { aliasPairs, mergeAliasPairs, type AliasPairs, type AliasTable, type KnowledgeDocument, type Passage } from '../knowledge/index.js';
import type { LexicalTable, Lexicon, VectorTable } from '../lexicon/index.js';
import { CommonTerms } from './common-terms.js';
import { analyse, asIs, MINISEARCH_OPTIONS, splitTerms, type IndexedPassage } from './indexed-passage.js';
import { buildLexicalTable, isLexicalWord, PhraseFinder, sameWord } from './lexical-words.js';
import type { IndexChange, IndexTuning } from './passage-index.js';
import { isWordShaped, Vocabulary, type SurfaceChange } from './vocabulary.js';

/** The index's state: built from documents, or restored from its data form (see index-data.ts). */
export class IndexState {
  readonly passages: (Passage | undefined)[] = [];
  readonly questionTerms = new Map<number, string[]>();
  readonly positions = new Map<string, number[]>();
  readonly documents = new Map<string, KnowledgeDocument>();
  readonly aliases = new Map<string, AliasPairs>();
  readonly phraseCounts = new Map<string, number>();
  readonly finder: PhraseFinder;
  /** Each new passage's distinct terms, while building from scratch (for the common-term bitsets). */
  building: Map<number, string[]> | undefined = new Map();
  lexical?: LexicalTable;
  common?: CommonTerms;
  derivedAliases: AliasTable = {};
  ranks = new Int32Array(0);
  /** The passage count above which a term was common at the last change. */
  threshold = Infinity;
  /** The knowledge's word-shaped words with vectors, once asked for (names are told apart when searching). */
  vectorTable?: VectorTable;

  constructor(
    readonly lexicon: Lexicon,
    readonly tuning: IndexTuning,
    readonly miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS),
    readonly vocabulary = new Vocabulary(),
  ) {
    this.finder = new PhraseFinder(lexicon);
  }

  /** Takes in one document's passages (MiniSearch's part is left to the caller: at once, or in chunks); their terms go into `touched`. */
  addDocument(document: KnowledgeDocument, touched?: Set<string>): IndexedPassage[] {
    this.documents.set(document.id, document);
    this.aliases.set(document.id, aliasPairs(document.passages.flatMap((p) => [p.text, p.question ?? ''])));
    const positions: number[] = [];
    const indexed = document.passages.map((passage) => {
      const position = this.passages.length;
      this.passages.push(passage);
      positions.push(position);
      const analysed = analyse(passage, this.finder);
      for (const [phrase, terms] of analysed.phrases) {
        const count = (this.phraseCounts.get(phrase) ?? 0) + 1;
        this.phraseCounts.set(phrase, count);
        if (count === 1) this.lexical?.addWord(this.lexicon, { word: phrase, terms }, sameWord);
      }
      this.followSurface(this.vocabulary.addPassage(analysed.words));
      const distinct = [...new Set(analysed.words.map((w) => w.term))];
      for (const term of distinct) touched?.add(term);
      if (this.building) this.building.set(position, distinct);
      else for (const term of distinct) if (this.common?.has(term)) this.common.set(term, position);
      if (analysed.question.length > 0) this.questionTerms.set(position, analysed.question);
      return analysed.indexed(position);
    });
    this.positions.set(document.id, positions);
    return indexed;
  }

  /** Takes one document out again; its terms go into `touched`. */
  removeDocument(id: string, touched?: Set<string>): void {
    for (const position of this.positions.get(id) ?? []) {
      const passage = this.passages[position];
      if (!passage) continue;
      const analysed = analyse(passage, this.finder);
      this.miniSearch.remove(analysed.indexed(position));
      for (const [phrase, terms] of analysed.phrases) {
        const count = (this.phraseCounts.get(phrase) ?? 0) - 1;
        if (count > 0) this.phraseCounts.set(phrase, count);
        else {
          this.phraseCounts.delete(phrase);
          this.lexical?.removeWord(this.lexicon, { word: phrase, terms });
        }
      }
      this.followSurface(this.vocabulary.removePassage(analysed.words));
      for (const term of new Set(analysed.words.map((w) => w.term))) {
        this.common?.clear(term, position);
        touched?.add(term);
      }
      this.questionTerms.delete(position);
      this.passages[position] = undefined;
    }
    this.positions.delete(id);
    this.documents.delete(id);
    this.aliases.delete(id);
  }

  /**
   * Applies a change of documents in place: the documents that went or are replaced taken out, the new ones put in,
   * then what depends on all of them settled.
   */
  update(change: IndexChange): void {
    // The terms of every passage that went or came: only they can have become common, or stopped being.
    const touched = new Set<string>();
    for (const id of [...change.removed, ...change.added.map((d) => d.id)]) if (this.documents.has(id)) this.removeDocument(id, touched);
    for (const document of change.added) for (const passage of this.addDocument(document, touched)) this.miniSearch.add(passage);
    this.settle(touched);
  }

  /** Completes a build (or a restore): the lookup trees, the lexical table, the common terms, the order. */
  finish(lexical?: LexicalTable, common?: CommonTerms): void {
    this.vocabulary.prepare();
    this.lexical = lexical ?? buildLexicalTable(this.lexicon, this.vocabulary, this.phrases());
    const threshold = this.commonThreshold();
    if (common) this.common = common;
    else {
      const terms: string[][] = [];
      for (const [position, distinct] of this.building ?? []) terms[position] = distinct;
      this.common = CommonTerms.fromPassages(terms, (t) => this.vocabulary.documentFrequency(t) > threshold);
    }
    this.building = undefined;
    this.settle();
  }

  /** After documents came or went: which terms are common, the knowledge's order, its aliases. */
  settle(touched?: Iterable<string>): void {
    const common = this.common;
    const threshold = this.commonThreshold();
    if (common && touched) {
      for (const term of [...common.terms()]) if (this.vocabulary.documentFrequency(term) <= threshold) common.dropTerm(term);
      // A lower bar (fewer passages) may make any term common; otherwise only a term whose passages changed.
      const candidates = threshold < this.threshold ? this.vocabulary.terms() : touched;
      for (const term of candidates) {
        if (!common.has(term) && this.vocabulary.documentFrequency(term) > threshold) common.addTerm(term, this.postings(term));
      }
    }
    this.threshold = threshold;
    // The ranks' array is kept and grown with room to spare (a new one per change is garbage the size of the index).
    if (this.ranks.length < this.passages.length) this.ranks = new Int32Array(Math.ceil(this.passages.length * 1.25) + 64);
    const ranks = this.ranks;
    let rank = 0;
    const ordered = [...this.documents.values()].sort((a, b) => compareFiles(a.file, b.file));
    for (const document of ordered) for (const position of this.positions.get(document.id) ?? []) ranks[position] = rank++;
    this.derivedAliases = mergeAliasPairs(ordered.map((d) => this.aliases.get(d.id) ?? []));
  }

  /** The knowledge's words with their vectors, made when first asked for (then kept up to date as words come and go). */
  nearWords(): VectorTable | undefined {
    this.vectorTable ??= vectorTableOf(this.lexicon, this.vocabulary);
    return this.vectorTable;
  }

  /** The WordNet phrases the passages hold, with their terms. */
  phrases(): [string, string[]][] {
    return [...this.phraseCounts.keys()].map((phrase) => [phrase, this.finder.phrases.get(phrase) ?? []]);
  }

  private commonThreshold(): number {
    return Math.max(this.tuning.commonMin, this.tuning.commonShare * this.vocabulary.passageCount);
  }

  private postings(term: string): number[] {
    return this.miniSearch.search(term, { tokenize: splitTerms, processTerm: asIs }).map((r) => r.id as number);
  }

  // The lexical table follows the knowledge's words as they come and go (while building, it is made at the end).
  private followSurface(change: SurfaceChange): void {
    for (const [folded] of change.removed) this.vectorTable?.remove(folded);
    for (const [folded] of change.added) if (isWordShaped(folded)) this.vectorTable?.add(folded);
    if (!this.lexical) return;
    for (const [folded, term] of change.removed) if (isLexicalWord(folded)) this.lexical.removeWord(this.lexicon, { word: folded, terms: [term] });
    for (const [folded, term] of change.added) if (isLexicalWord(folded)) this.lexical.addWord(this.lexicon, { word: folded, terms: [term] }, sameWord);
  }
}

/** File names in the knowledge's own order (as the folder lists them, sorted). */
function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The word vectors of a vocabulary's words (not its figures), to find the words used like a reader's.
function vectorTableOf(lexicon: Lexicon, vocabulary: Vocabulary): VectorTable | undefined {
  return lexicon.vectors?.table([...vocabulary.surfaceEntries()].map(([folded]) => folded).filter(isWordShaped));
}
