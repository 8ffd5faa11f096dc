// The MiniSearch index over every passage (FAQ questions as a field of their own), its vocabulary, and search.
// Documents can be added, changed and removed in place: every derived table follows, so the index answers as one
// built from scratch over the same documents would.
import MiniSearch from 'minisearch';
import { aliasPairs, mergeAliasPairs, type AliasPairs, type AliasTable, type Knowledge, type KnowledgeDocument, type Passage, splitDateline } from '../knowledge/index.js';
import { LexicalTable, type LexicalTableData, type Lexicon, type VectorTable } from '../lexicon/index.js';
import { CommonTerms } from './common-terms.js';
import { buildLexicalTable, isLexicalWord, PhraseFinder, sameWord } from './lexical-words.js';
import { searchPassages, type PassageMatch, type SearchConcept } from './search-passages.js';
import { tokenize, type Token } from '../text/index.js';
import { isWordShaped, Vocabulary, type SurfaceChange, type VocabularyData, type VocabularyWord } from './vocabulary.js';

/** Field boosts. Equal: a close FAQ question is preferred by the engine's closeness rule, not by ranking. */
export const FIELD_BOOST = { question: 1, text: 1 } as const;
/** A term in more passages than this (and than {@link COMMON_SHARE} of them) is common: it only re-ranks candidates. */
export const COMMON_MIN = 1_000;
export const COMMON_SHARE = 0.01;
/** Passage scores of recent terms remembered, in entries (a term's scores are fixed until the index changes). */
const SCORE_MEMO_ENTRIES = 200_000;
/** MiniSearch's BM25+ parameters (its defaults), set explicitly so common words can be scored the same way. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

interface IndexedPassage {
  id: number;
  question: string;
  text: string;
}

export type { PassageMatch, SearchConcept } from './search-passages.js';

/** What changed in an update: documents added (or replacing one of the same id) and documents removed (by id). */
export interface IndexChange {
  added: readonly KnowledgeDocument[];
  removed: readonly string[];
}

/** The searchable form of the knowledge. */
export interface PassageIndex {
  /**
   * The passages by position (a search match's `position`). Positions are stable: a removed document leaves holes,
   * and an added one takes new positions at the end.
   */
  readonly passages: readonly (Passage | undefined)[];
  readonly vocabulary: Vocabulary;
  /** What the words a reader may use stand for in this knowledge (general English, built from WordNet). */
  readonly lexical: LexicalTable;
  /** The aliases the articles define themselves (acronyms, short forms in brackets, second names). */
  readonly derivedAliases: AliasTable;
  /** Search terms of an FAQ passage's question, by passage position. */
  readonly questionTerms: ReadonlyMap<number, readonly string[]>;
  /** Where a position stands in the knowledge's own order (documents by file name, passages in order): for ties. */
  order(position: number): number;
  /** The knowledge's words with their vectors (made when first needed, then kept up to date), to find words used alike. */
  nearWords(): VectorTable | undefined;
  /**
   * The passages that hold any of the concepts, and how (see {@link PassageMatch}), in no order. For each concept a
   * passage keeps its strongest alternative, so synonyms of one word do not add up. Common words do not pull in
   * passages of their own: they only mark the passages the rarer words found.
   */
  search(concepts: readonly SearchConcept[]): PassageMatch[];
  /**
   * Applies a change of documents in place (synchronously: a question is answered before it or after it, never in
   * between). Documents of `added` that the index holds are replaced.
   */
  update(change: IndexChange): void;
  /** The index as plain data, for the index cache (see index-cache.ts). */
  toData(): PassageIndexData;
}

/** The index as plain data: MiniSearch's own form plus everything derived from the documents. */
export interface PassageIndexData {
  miniSearch: ReturnType<MiniSearch['toJSON']>;
  vocabulary: VocabularyData;
  lexical: LexicalTableData;
  /** Per document, the aliases its text defines. */
  aliasPairs: [string, AliasPairs][];
  /** The WordNet phrases the passages hold, their terms, and how many passages hold each. */
  phrases: [string, string[], number][];
  /** The passage id at each position (null: a hole). */
  slots: (string | null)[];
  questionTerms: [number, string[]][];
  common: ReturnType<CommonTerms['toJSON']>;
}

const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);
const asIs = (term: string): string => term;
const MINISEARCH_OPTIONS = { fields: ['question', 'text'], storeFields: [], tokenize: splitTerms, processTerm: asIs };

/** When a term counts as common: in more than `commonMin` passages and more than `commonShare` of them. */
export interface IndexTuning {
  commonMin: number;
  commonShare: number;
}

const TUNING: IndexTuning = { commonMin: COMMON_MIN, commonShare: COMMON_SHARE };

/** Indexes every passage at once (small knowledge, tests, the CLI). */
export function buildPassageIndex(knowledge: Knowledge, lexicon: Lexicon, tuning: IndexTuning = TUNING): PassageIndex {
  const state = new IndexState(lexicon, tuning);
  const indexed = knowledge.documents.flatMap((d) => state.addDocument(d));
  state.miniSearch.addAll(indexed);
  return state.finish();
}

/** Indexes every passage in chunks, yielding to the event loop between them, so the process keeps serving. */
export async function buildPassageIndexAsync(knowledge: Knowledge, lexicon: Lexicon, chunkSize = 500): Promise<PassageIndex> {
  const state = new IndexState(lexicon, TUNING);
  const indexed: IndexedPassage[] = [];
  let since = 0;
  for (const document of knowledge.documents) {
    indexed.push(...state.addDocument(document));
    since += document.passages.length;
    if (since >= chunkSize) {
      since = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await state.miniSearch.addAllAsync(indexed, { chunkSize });
  return state.finish();
}

/**
 * Restores an index saved with `toData()` for the same knowledge, in one go (about 0.8 s for 110,000 passages):
 * MiniSearch's `loadJSAsync` would let the event loop in, but its timer pause every thousand entries made the same
 * load take 4.6 s.
 * @throws Error when the data does not fit the knowledge (a passage it names is missing).
 */
export function loadPassageIndex(knowledge: Knowledge, data: PassageIndexData, lexicon: Lexicon): PassageIndex {
  const state = new IndexState(lexicon, TUNING, MiniSearch.loadJS<IndexedPassage>(data.miniSearch, MINISEARCH_OPTIONS), Vocabulary.fromJSON(data.vocabulary));
  state.restore(knowledge, data);
  return state.finish(LexicalTable.fromJSON(data.lexical), CommonTerms.fromJSON(data.common));
}

/**
 * {@link loadPassageIndex} in slices of at most `sliceMs` of the event loop each (the bot acks Slack meanwhile). MiniSearch's
 * own `loadJSAsync` waits a timer every thousand terms (4.6 s for what loads in 0.8 s); this restores the same
 * structure, term by term, as `loadJS` does (MiniSearch 7's serialization version 2), yielding with `setImmediate`.
 * @throws Error when the data does not fit the knowledge.
 */
export async function loadPassageIndexAsync(knowledge: Knowledge, data: PassageIndexData, lexicon: Lexicon, sliceMs = LOAD_SLICE_MS): Promise<PassageIndex> {
  const serialized = data.miniSearch as unknown as SerializedMiniSearch;
  if (serialized.serializationVersion !== 2) return loadPassageIndex(knowledge, data, lexicon);
  let sliceStart = performance.now();
  const breathe = async (): Promise<void> => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
  // The counts and ids as loadJS makes them, then the terms into MiniSearch's own map, each a slice at a time.
  const miniSearch = MiniSearch.loadJS<IndexedPassage>(
    { ...data.miniSearch, index: [], documentIds: {}, fieldLength: {}, storedFields: {} } as unknown as Parameters<typeof MiniSearch.loadJS>[0],
    MINISEARCH_OPTIONS,
  );
  const inside = miniSearch as unknown as {
    _index: { set(term: string, fields: Map<number, Map<number, number>>): void };
    _documentIds: Map<number, unknown>;
    _fieldLength: Map<number, unknown>;
    _storedFields: Map<number, unknown>;
    _idToShortId: Map<unknown, number>;
  };
  for (const [into, from] of [[inside._documentIds, serialized.documentIds], [inside._fieldLength, serialized.fieldLength], [inside._storedFields, serialized.storedFields]] as const) {
    for (const shortId in from) {
      into.set(parseInt(shortId, 10), from[shortId]);
      await breathe();
    }
  }
  for (const [shortId, id] of inside._documentIds) inside._idToShortId.set(id, shortId);
  const terms = inside._index;
  for (const [term, fields] of serialized.index) {
    terms.set(term, postingsOf(fields));
    await breathe();
  }
  await breathe();
  const vocabulary = Vocabulary.fromJSON(data.vocabulary);
  await breathe();
  for (const _ of vocabulary.preparing()) await breathe();
  const state = new IndexState(lexicon, TUNING, miniSearch, vocabulary);
  for (const _ of state.restoring(knowledge, data)) await breathe();
  const lexical = LexicalTable.fromJSON(data.lexical);
  await breathe();
  const common = CommonTerms.fromJSON(data.common);
  await breathe();
  return state.finish(lexical, common);
}

/** A term's postings as MiniSearch holds them: field id → short document id → count. */
type Postings = Map<number, Map<number, number>>;

/** A term's postings from MiniSearch's serialized form (or as they are, when already revived). */
function postingsOf(fields: Record<string, Record<string, number>> | Postings): Postings {
  if (fields instanceof Map) return fields;
  const byField: Postings = new Map();
  for (const fieldId of Object.keys(fields)) {
    const frequencies = new Map<number, number>();
    for (const [shortId, count] of Object.entries(fields[fieldId] as Record<string, number>)) frequencies.set(parseInt(shortId, 10), count);
    byField.set(parseInt(fieldId, 10), frequencies);
  }
  return byField;
}

/**
 * For {@link readIndexCache}: MiniSearch's postings made into the maps the index holds as each line of them is read,
 * for {@link loadPassageIndexAsync} (the plain objects are then garbage at once, not half the heap at the end).
 */
export const reviveIndexLine = (path: readonly string[], value: unknown): unknown =>
  path.length === 2 && path[0] === 'miniSearch' && path[1] === 'index' && Array.isArray(value)
    ? (value as [string, Record<string, Record<string, number>>][]).map(([term, fields]) => [term, postingsOf(fields)])
    : value;

/** Entries a restore goes through between looks at the clock. */
const RESTORE_STEP = 2_000;

/** Longest stretch of the event loop one slice of a restore takes. */
export const LOAD_SLICE_MS = 20;

/** MiniSearch 7's serialized form, as far as the restore reads it. */
interface SerializedMiniSearch {
  serializationVersion: number;
  documentIds: Record<string, unknown>;
  fieldLength: Record<string, unknown>;
  storedFields: Record<string, unknown>;
  index: [string, Record<string, Record<string, number>> | Postings][];
}

// Everything the index holds, and how a document goes in and out.
class IndexState {
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

  /** Positions and tables from saved data, for `knowledge` (whose passages the data names). */
  restore(knowledge: Knowledge, data: PassageIndexData): void {
    for (const _ of this.restoring(knowledge, data));
  }

  /** {@link restore} a step at a time: it yields every {@link RESTORE_STEP} entries (an async restore lets the event loop in). */
  *restoring(knowledge: Knowledge, data: PassageIndexData): Generator<void> {
    const byId = new Map<string, Passage>();
    let done = 0;
    for (const p of knowledge.passages) {
      byId.set(p.id, p);
      if (++done % RESTORE_STEP === 0) yield;
    }
    for (let position = 0; position < data.slots.length; position += 1) {
      const id = data.slots[position] ?? null;
      const passage = id === null ? undefined : byId.get(id);
      if (id !== null && !passage) throw new Error(`the index names a passage the knowledge does not have: ${id}`);
      this.passages[position] = passage;
      if (passage) (this.positions.get(passage.docId) ?? this.positions.set(passage.docId, []).get(passage.docId))?.push(position);
      if (++done % RESTORE_STEP === 0) yield;
    }
    for (const document of knowledge.documents) {
      if (!this.positions.has(document.id)) throw new Error(`the index does not hold ${document.file}`);
      this.documents.set(document.id, document);
    }
    for (const [id, pairs] of data.aliasPairs) this.aliases.set(id, pairs);
    for (const [phrase, terms, count] of data.phrases) {
      this.finder.phrases.set(phrase, terms);
      this.phraseCounts.set(phrase, count);
      if (++done % RESTORE_STEP === 0) yield;
    }
    for (const [position, terms] of data.questionTerms) this.questionTerms.set(position, terms);
    this.building = undefined;
  }

  /** Completes a build (or a restore) and returns the index. */
  finish(lexical?: LexicalTable, common?: CommonTerms): PassageIndex {
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
    return this.view();
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

  private view(): PassageIndex {
    const { miniSearch, vocabulary, questionTerms } = this;
    const lexical = (): LexicalTable => this.lexical as LexicalTable;
    const aliases = (): AliasTable => this.derivedAliases;
    const ranks = (): Int32Array => this.ranks;
    // A term's scores never change until the index does: the recent ones are kept (up to a number of entries in all).
    let recentScores = new Map<string, Map<number, number>>();
    let remembered = 0;
    const scoresOf = (term: string): Map<number, number> => {
      const known = recentScores.get(term);
      if (known) return known;
      const results = miniSearch.search(term, { tokenize: splitTerms, processTerm: asIs, boost: FIELD_BOOST, bm25: BM25 });
      const scores = new Map(results.map((r) => [r.id as number, r.score]));
      if (remembered + scores.size > SCORE_MEMO_ENTRIES) {
        recentScores.clear();
        remembered = 0;
      }
      recentScores.set(term, scores);
      remembered += scores.size;
      return scores;
    };
    // BM25+ of one occurrence in a passage of average length: what a common word adds to a passage that holds it.
    const commonScore = (term: string): number => {
      const n = vocabulary.passageCount;
      const df = vocabulary.documentFrequency(term);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (BM25.d + 1) * FIELD_BOOST.text;
    };
    const order = (position: number): number => ranks()[position] ?? position;
    return {
      passages: this.passages,
      vocabulary,
      get lexical() {
        return lexical();
      },
      get derivedAliases() {
        return aliases();
      },
      questionTerms,
      order,
      nearWords: () => {
        this.vectorTable ??= vectorTableOf(this.lexicon, vocabulary);
        return this.vectorTable;
      },
      search: (concepts) =>
        searchPassages(concepts, { passages: this.passages, vocabulary, common: this.common as CommonTerms, scoresOf, commonScore, order }),
      update: (change) => {
        // The terms of every passage that went or came: only they can have become common, or stopped being.
        const touched = new Set<string>();
        for (const id of [...change.removed, ...change.added.map((d) => d.id)]) if (this.documents.has(id)) this.removeDocument(id, touched);
        for (const document of change.added) for (const passage of this.addDocument(document, touched)) miniSearch.add(passage);
        this.settle(touched);
        recentScores = new Map();
        remembered = 0;
      },
      toData: () => ({
        miniSearch: miniSearch.toJSON(),
        vocabulary: vocabulary.toJSON(),
        lexical: (this.lexical as LexicalTable).toJSON(),
        aliasPairs: [...this.aliases],
        phrases: this.phrases().map(([phrase, terms]) => [phrase, terms, this.phraseCounts.get(phrase) ?? 1]),
        slots: this.passages.map((p) => p?.id ?? null),
        questionTerms: [...questionTerms],
        common: (this.common as CommonTerms).toJSON(),
      }),
    };
  }

  private phrases(): [string, string[]][] {
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

// A passage's words as the index reads them: its FAQ question's, then its text's (dateline left out).
const passageTokens = (passage: Passage): [Token[], Token[]] => [tokenize(passage.question ?? ''), tokenize(splitDateline(passage.text).body)];

/** The words of a passage as the vocabulary records them. */
export function passageWords(passage: Passage): VocabularyWord[] {
  return passageTokens(passage).flatMap(termsOf);
}

/** The word vectors of a vocabulary's words (not its figures), to find the words used like a reader's. */
export function vectorTableOf(lexicon: Lexicon, vocabulary: Vocabulary): VectorTable | undefined {
  return lexicon.vectors?.table([...vocabulary.surfaceEntries()].map(([folded]) => folded).filter(isWordShaped));
}

// One passage as the index holds it: its words, its FAQ question's terms, its WordNet phrases, its MiniSearch fields.
function analyse(passage: Passage, finder: PhraseFinder) {
  const [questionTokens, textTokens] = passageTokens(passage);
  const phrases = new Map([...finder.scan(questionTokens), ...finder.scan(textTokens)]);
  const question = termsOf(questionTokens);
  const text = termsOf(textTokens);
  return {
    words: [...question, ...text],
    question: question.map((w) => w.term),
    phrases,
    indexed: (id: number): IndexedPassage => ({ id, question: question.map((w) => w.term).join(' '), text: text.map((w) => w.term).join(' ') }),
  };
}

function termsOf(tokens: readonly Token[]): VocabularyWord[] {
  return tokens.flatMap(({ folded, term, capitalised, sentenceStart }) => (term ? [{ folded, term, capitalised, sentenceStart }] : []));
}
