// The MiniSearch index over every passage (FAQ questions as a field of their own), its vocabulary, and search.
import MiniSearch from 'minisearch';
import { deriveAliases, type AliasTable, type Knowledge, type Passage } from '../knowledge/index.js';
import { splitDateline } from '../knowledge/dateline.js';
import { LexicalTable, sharedLexicon, type LexicalTableData, type Lexicon } from '../lexicon/index.js';
import { CommonTerms } from './common-terms.js';
import { buildLexicalTable, PhraseFinder } from './lexical-words.js';
import { searchPassages, type PassageMatch, type SearchConcept } from './search-passages.js';
import { tokenize, type Token } from './tokenize.js';
import { Vocabulary, type VocabularyData, type VocabularyWord } from './vocabulary.js';

/** Field boosts. Equal: a close FAQ question is preferred by the engine's closeness rule, not by ranking. */
export const FIELD_BOOST = { question: 1, text: 1 } as const;
/** A term in more passages than this (and than {@link COMMON_SHARE} of them) is common: it only re-ranks candidates. */
export const COMMON_MIN = 1_000;
export const COMMON_SHARE = 0.01;
/** Passage scores of recent terms remembered, in entries (a term's scores are fixed for an index). */
const SCORE_MEMO_ENTRIES = 200_000;
/** MiniSearch's BM25+ parameters (its defaults), set explicitly so common words can be scored the same way. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

interface IndexedPassage {
  id: number;
  question: string;
  text: string;
}

export type { PassageMatch, SearchConcept } from './search-passages.js';

/** The searchable form of the knowledge. */
export interface PassageIndex {
  passages: readonly Passage[];
  vocabulary: Vocabulary;
  /** What the words a reader may use stand for in this knowledge (general English, built from WordNet). */
  lexical: LexicalTable;
  /** The aliases the articles define themselves (acronyms, short forms in brackets, second names). */
  derivedAliases: AliasTable;
  /** Search terms of an FAQ passage's question, by passage position. */
  questionTerms: ReadonlyMap<number, readonly string[]>;
  /**
   * The passages that hold any of the concepts, and how (see {@link PassageMatch}), in no order. For each concept a
   * passage keeps its strongest alternative, so synonyms of one word do not add up. Common words do not pull in
   * passages of their own: they only mark the passages the rarer words found.
   */
  search(concepts: readonly SearchConcept[]): PassageMatch[];
  /** The index as plain data, for the index cache (see index-cache.ts). */
  toData(): PassageIndexData;
}

/** The index as plain data: MiniSearch's own form plus the vocabulary, FAQ question terms and common-term bitsets. */
export interface PassageIndexData {
  miniSearch: ReturnType<MiniSearch['toJSON']>;
  vocabulary: VocabularyData;
  lexical: LexicalTableData;
  derivedAliases: AliasTable;
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
export function buildPassageIndex(knowledge: Knowledge, tuning: IndexTuning = TUNING, lexicon: Lexicon = sharedLexicon()): PassageIndex {
  const parts = newParts(lexicon);
  const documents = knowledge.passages.map((p, i) => indexPassage(p, i, parts));
  parts.miniSearch.addAll(documents);
  return assemble(knowledge, parts, tuning);
}

/** Indexes every passage in chunks, yielding to the event loop between them, so the process keeps serving. */
export async function buildPassageIndexAsync(knowledge: Knowledge, chunkSize = 500, lexicon: Lexicon = sharedLexicon()): Promise<PassageIndex> {
  const parts = newParts(lexicon);
  const documents: IndexedPassage[] = [];
  for (let start = 0; start < knowledge.passages.length; start += chunkSize) {
    knowledge.passages.slice(start, start + chunkSize).forEach((p, i) => documents.push(indexPassage(p, start + i, parts)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await parts.miniSearch.addAllAsync(documents, { chunkSize });
  return assemble(knowledge, parts);
}

/**
 * Restores an index saved with `toData()` for the same knowledge, in one go (about 0.8 s for 110,000 passages):
 * MiniSearch's `loadJSAsync` would let the event loop in, but its timer pause every thousand entries made the same
 * load take 4.6 s.
 */
export function loadPassageIndex(knowledge: Knowledge, data: PassageIndexData): PassageIndex {
  return assemble(knowledge, {
    miniSearch: MiniSearch.loadJS<IndexedPassage>(data.miniSearch, MINISEARCH_OPTIONS),
    vocabulary: Vocabulary.fromJSON(data.vocabulary),
    lexical: LexicalTable.fromJSON(data.lexical),
    derivedAliases: data.derivedAliases,
    questionTerms: new Map(data.questionTerms),
    passageTerms: [],
    common: CommonTerms.fromJSON(data.common),
  });
}

interface Parts {
  miniSearch: MiniSearch<IndexedPassage>;
  vocabulary: Vocabulary;
  questionTerms: Map<number, string[]>;
  /** Each passage's distinct terms, while building (for the common-term bitsets). */
  passageTerms: string[][];
  common?: CommonTerms;
  /** WordNet phrases met while building; the lexical table once built (or loaded). */
  phrases?: PhraseFinder;
  lexical?: LexicalTable;
  lexicon?: Lexicon;
  derivedAliases?: AliasTable;
}

function newParts(lexicon: Lexicon): Parts {
  const miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  return { miniSearch, vocabulary: new Vocabulary(), questionTerms: new Map(), passageTerms: [], phrases: new PhraseFinder(lexicon), lexicon };
}

function indexPassage(passage: Passage, id: number, parts: Parts): IndexedPassage {
  const questionTokens = tokenize(passage.question ?? '');
  const textTokens = tokenize(splitDateline(passage.text).body);
  parts.phrases?.scan(questionTokens);
  parts.phrases?.scan(textTokens);
  const question = termsOf(questionTokens);
  const text = termsOf(textTokens);
  parts.vocabulary.addPassage([...question, ...text]);
  parts.passageTerms[id] = [...new Set([...question, ...text].map((w) => w.term))];
  if (question.length > 0) parts.questionTerms.set(id, question.map((w) => w.term));
  return { id, question: question.map((w) => w.term).join(' '), text: text.map((w) => w.term).join(' ') };
}

function termsOf(tokens: readonly Token[]): VocabularyWord[] {
  return tokens.flatMap(({ folded, term, capitalised, sentenceStart }) =>
    term ? [{ folded, term, capitalised, sentenceStart }] : [],
  );
}

function assemble(knowledge: Knowledge, parts: Parts, tuning: IndexTuning = TUNING): PassageIndex {
  const { miniSearch, vocabulary, questionTerms } = parts;
  vocabulary.prepare();
  const lexical = parts.lexical ?? buildLexicalTable(parts.lexicon ?? sharedLexicon(), vocabulary, parts.phrases?.phrases ?? new Map());
  const derivedAliases = parts.derivedAliases ?? deriveAliases(knowledge.passages.flatMap((p) => [p.text, p.question ?? '']));
  const threshold = Math.max(tuning.commonMin, tuning.commonShare * vocabulary.passageCount);
  const common = parts.common ?? CommonTerms.fromPassages(parts.passageTerms, (t) => vocabulary.documentFrequency(t) > threshold);
  parts.passageTerms.length = 0;
  const n = vocabulary.passageCount;
  // BM25+ of one occurrence in a passage of average length: what a common word adds to a passage that holds it.
  const commonScore = (term: string): number => {
    const df = vocabulary.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (BM25.d + 1) * FIELD_BOOST.text;
  };
  // A term's scores never change for this index: the recent ones are kept (up to a number of entries in all).
  const recentScores = new Map<string, Map<number, number>>();
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

  return {
    passages: knowledge.passages,
    vocabulary,
    lexical,
    derivedAliases,
    questionTerms,
    toData: () => ({
      miniSearch: miniSearch.toJSON(),
      vocabulary: vocabulary.toJSON(),
      lexical: lexical.toJSON(),
      derivedAliases,
      questionTerms: [...questionTerms],
      common: common.toJSON(),
    }),
    search: (concepts) => searchPassages(concepts, { passages: knowledge.passages, vocabulary, common, scoresOf, commonScore }),
  };
}
