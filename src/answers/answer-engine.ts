// The answer engine: question in, quoted answer with its source (or an honest "not sure" or "not in the briefing") out.
import { newestFirst, type AliasTable, type Knowledge, type KnowledgeDocument } from '../knowledge/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { buildPassageIndex, type PassageIndex, type SearchConcept } from '../search/index.js';
import { expandShorthand, normaliseQuery, MAX_QUESTION_LENGTH } from '../text/index.js';
import { compileAliases } from './aliases.js';
import { gatherCandidates, type Candidate, type CandidateScope } from './candidates.js';
import { decide, type Decision } from './decide.js';
import { DECISION_DEFAULTS, FUSED_DECISION_DEFAULTS, type DecisionDefaults } from './decision-defaults.js';
import { meaningFeatures, type Meaning } from './meaning.js';
import { PassageTerms } from './proximity.js';
import { PassageFacts } from './stated-facts.js';
import { MAX_ANSWER_LENGTH } from './quote.js';
import { rankDocuments } from './rank-documents.js';
import { replyTo } from './reply.js';
export { NO_ANSWER_TEXT, NOT_SURE_TEXT } from './reply.js';
import { resolveQuery, type Concept, type QueryContext } from './resolve-query.js';
import { DocumentVectors, meanVector, PassageVectors } from './similarity.js';
import { PassageWords, UnheldWords } from './soft-match.js';
import { SpelledOut } from './spelled-out.js';
import type { Answer } from './types.js';

/** Options of {@link createAnswerEngine}. */
export interface AnswerEngineOptions {
  /** Extra words to search for a word or phrase (from `knowledge/aliases.json`). Default: none. */
  aliases?: AliasTable;
  /** Longest stretch of a question that is searched. Default: {@link MAX_QUESTION_LENGTH}. */
  maxQuestionLength?: number;
  /** Longest primary answer. Default: {@link MAX_ANSWER_LENGTH}. */
  maxAnswerLength?: number;
  /** An index already built (or loaded from the cache) for this knowledge. Default: built now. */
  index?: PassageIndex;
  /** Answers remembered for questions asked again (by their normalised text). Default {@link ANSWER_CACHE_SIZE}; 0: none. */
  cacheSize?: number;
  /** General English (WordNet, word vectors): open one per process (`openLexicon`) and give it to every engine. */
  lexicon: Lexicon;
  /** Passages readers said do not answer a question (feedback): another passage answers it, or none. */
  avoid?: AvoidedPassages;
  /** The decision's weights and thresholds. Default: {@link DECISION_DEFAULTS}. */
  decision?: DecisionDefaults;
  /**
   * The team's embedding model: a question whose vector and whose candidates' vectors are all at hand is decided with
   * the meaning features too (`fusedDecision`); any other, lexically. Default: none (always lexical).
   */
  meaning?: Meaning;
  /** The decision with the meaning features. Default: {@link FUSED_DECISION_DEFAULTS}. */
  fusedDecision?: DecisionDefaults;
}

/** Passages not to give for a question; `version` changes whenever they do (cached answers are then forgotten). */
export interface AvoidedPassages {
  readonly version: number;
  avoid(question: string): ReadonlySet<string>;
}

/** Where to look for one answer: a thread's article first, without the passages the thread already quoted. */
export interface AnswerScope {
  /** Passage ids not to give (the thread quoted them). */
  exclude?: ReadonlySet<string>;
  /** A document id: when it holds any word of the question, only its passages are weighed. */
  within?: string;
}

/** How many recent answers the engine remembers: a question asked again (after the daily post, say) is not searched again. */
export const ANSWER_CACHE_SIZE = 500;

/** Answers questions from one knowledge base. */
export interface AnswerEngine {
  readonly knowledge: Knowledge;
  /** Answers one question (raw Slack text is fine), within `scope` when given. Never throws for any string. */
  answer(question: string, scope?: AnswerScope): Answer;
  /** The answer and the whole decision behind it: every candidate with its features and confidence (never cached). */
  explain(question: string, scope?: AnswerScope): { answer: Answer; decision: Decision };
}

/** Builds the index over `knowledge` (once) and returns the engine. */
export function createAnswerEngine(knowledge: Knowledge, options: AnswerEngineOptions): AnswerEngine {
  const { lexicon } = options;
  const index = options.index ?? buildPassageIndex(knowledge, lexicon);
  // The team's own aliases win over those the articles define.
  const aliases = compileAliases({ ...index.derivedAliases, ...options.aliases });
  let spelledOut: SpelledOut | undefined;
  const context: QueryContext = {
    vocabulary: index.vocabulary,
    lexical: index.lexical,
    lexicon,
    aliases,
    memo: new Map(),
    nearWords: () => index.nearWords(),
    spelledOut: (abbreviation, namesOnly) => (spelledOut ??= new SpelledOut(index.passages)).phrases(abbreviation, namesOnly),
  };
  const defaults = options.decision ?? DECISION_DEFAULTS;
  const fused = options.fusedDecision ?? FUSED_DECISION_DEFAULTS;
  const meaning = options.meaning;
  // When two articles cover a question equally, the newer one answers.
  // The tables over every document are made by the first question that needs them, not when the knowledge changes
  // (a live update at 10,000 articles then holds the event loop for the index's change alone).
  let newestMemo: Map<string, number> | undefined;
  const newest = (): Map<string, number> => (newestMemo ??= new Map(newestFirst(knowledge.documents).map((d, i) => [d.id, i])));
  const terms = new PassageTerms();
  const stated = new PassageFacts();
  const vectors = new PassageVectors(() => lexicon.vectors);
  const documentVectors = new DocumentVectors(() => lexicon.vectors);
  let byId: Map<string, KnowledgeDocument> | undefined;
  const documentOf = (docId: string): KnowledgeDocument | undefined => (byId ??= new Map(knowledge.documents.map((d) => [d.id, d]))).get(docId);
  const words = new PassageWords(() => lexicon.vectors);
  const reply = replyTo(knowledge, defaults, options.maxAnswerLength ?? MAX_ANSWER_LENGTH);
  const replyFused = meaning ? replyTo(knowledge, fused, options.maxAnswerLength ?? MAX_ANSWER_LENGTH) : reply;

  // One search of the whole knowledge; the best passages of the best-covering articles are weighed in one ranking.
  const decideOn = (question: string, within?: AnswerScope): { decision: Decision; concepts: Concept[]; fused: boolean } => {
    const searched = expandShorthand(question);
    const concepts = resolveQuery(searched, context);
    if (concepts.every((c) => c.frame)) return { decision: decide([], defaults), concepts, fused: false };
    const ranked = rankDocuments(concepts, index.search(concepts.map(searchConceptOf)), index.passages, index.vocabulary, index.order, newest());
    const thread = within?.within ? ranked.filter((d) => d.docId === within.within) : [];
    const found = thread.length > 0 ? thread : ranked;
    const vectorsNow = lexicon.vectors;
    const scope: CandidateScope = {
      index,
      vocabulary: index.vocabulary,
      terms,
      facts: (passage) => stated.of(passage),
      vectors,
      documentVectors,
      documentOf,
      words,
      rarity: (word) => vectorsNow?.rarity(word) ?? 1,
      ...(vectorsNow ? { asked: meanVector(searched, vectorsNow), unheld: new UnheldWords(concepts, index.vocabulary, vectorsNow) } : {}),
    };
    const avoided = options.avoid?.avoid(question);
    const skip = within?.exclude ? new Set([...(avoided ?? []), ...within.exclude]) : avoided;
    const asked = meaning?.question(searched);
    if (asked) {
      const candidates = gatherCandidates(searched, concepts, found, scope, fused.limits, skip);
      const vectors = candidates.map((c) => meaning?.passage(c.passage));
      if (vectors.every((v): v is Float32Array => v !== undefined)) {
        meaningFeatures(asked, vectors).forEach((m, i) => Object.assign((candidates[i] as Candidate).features, m));
        return { decision: decide(candidates, fused), concepts, fused: true };
      }
    }
    const candidates = gatherCandidates(searched, concepts, found, scope, defaults.limits, skip);
    return { decision: decide(candidates, defaults), concepts, fused: false };
  };

  const recent = new Map<string, Answer>();
  let avoidVersion = options.avoid?.version ?? 0;
  const cacheSize = options.cacheSize ?? ANSWER_CACHE_SIZE;
  const normalise = (raw: string): string => normaliseQuery(raw, options.maxQuestionLength ?? MAX_QUESTION_LENGTH);
  const decided = (question: string, within?: AnswerScope): { answer: Answer; decision: Decision } => {
    const { decision, concepts, fused: byMeaning } = decideOn(question, within);
    return { answer: byMeaning ? { ...replyFused(question, decision, concepts), byMeaning } : reply(question, decision, concepts), decision };
  };
  // An answer decided with the meaning features is remembered apart: the same question may be answered lexically
  // while the endpoint is down or the passages are being embedded.
  const FUSED_KEY = '\u0001';

  return {
    knowledge,
    explain: (raw, within) => decided(normalise(raw), within),
    answer(raw, within) {
      const question = normalise(raw);
      if (within?.exclude?.size || within?.within) return decided(question, within).answer;
      // Readers' feedback changed what not to answer with: answers remembered before may be among them.
      if (options.avoid && options.avoid.version !== avoidVersion) {
        avoidVersion = options.avoid.version;
        recent.clear();
      }
      const asked = meaning?.question(expandShorthand(question)) ? FUSED_KEY + question : question;
      const known = recent.get(asked);
      if (known) {
        // Most recently used last: the oldest is the first to go.
        recent.delete(asked);
        recent.set(asked, known);
        return known;
      }
      const fresh = decided(question).answer;
      if (cacheSize > 0) {
        const key = fresh.byMeaning ? FUSED_KEY + question : question;
        recent.set(key, fresh);
        if (recent.size > cacheSize) recent.delete(recent.keys().next().value as string);
      }
      return fresh;
    },
  };
}

// A frame word neither counts nor finds passages: it is not searched.
function searchConceptOf(concept: Concept): SearchConcept {
  return { alternatives: concept.frame ? [] : concept.alternatives.map((a) => ({ terms: a.terms, boost: a.strength })) };
}
