// The searchable form of the knowledge: what the index over every passage offers (search, live updates, its data
// form for the cache), and the constants it is tuned with. Built in build-passage-index.ts, restored in
// load-passage-index.ts; documents can be added, changed and removed in place, so the index answers as one built from
// scratch over the same documents would.
import type MiniSearch from 'minisearch';
import type { AliasPairs, AliasTable, KnowledgeDocument, Passage } from '../knowledge/index.js';
import type { LexicalTable, LexicalTableData, VectorTable } from '../lexicon/index.js';
import type { CommonTerms } from './common-terms.js';
import type { PassageMatch, SearchConcept } from './search-passages.js';
import type { Vocabulary, VocabularyData } from './vocabulary.js';

/** Field boosts. Equal: a close FAQ question is preferred by the engine's closeness rule, not by ranking. */
export const FIELD_BOOST = { question: 1, text: 1 } as const;
/** A term in more passages than this (and than {@link COMMON_SHARE} of them) is common: it only re-ranks candidates. */
export const COMMON_MIN = 1_000;
export const COMMON_SHARE = 0.01;
/** MiniSearch's BM25+ parameters (its defaults), set explicitly so common words can be scored the same way. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

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

/** When a term counts as common: in more than `commonMin` passages and more than `commonShare` of them. */
export interface IndexTuning {
  commonMin: number;
  commonShare: number;
}

/** The tuning the index is built with. */
export const TUNING: IndexTuning = { commonMin: COMMON_MIN, commonShare: COMMON_SHARE };
