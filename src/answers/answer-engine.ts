// The answer engine: question in, quoted answer with its source (or an honest "not in the briefing") out.
import { newestFirst, type AliasTable, type Knowledge, type KnowledgeDocument, type Passage } from '../knowledge/index.js';
import { judgeDocument, judgePassage, judgeQuestion } from './abstention.js';
import { sharedLexicon, type Lexicon } from '../lexicon/index.js';
import { closestFaq, figureCandidates } from './choose-passage.js';
import { compileAliases } from './aliases.js';
import { sourceOf, suggestionOf } from './describe-passage.js';
import { expandShorthand, normaliseQuery, MAX_QUESTION_LENGTH } from '../text/index.js';
import { buildPassageIndex, type PassageIndex, type SearchConcept, type Vocabulary } from '../search/index.js';
import { closeness, PassageTerms } from './proximity.js';
import { PassageWords, UnheldWords } from './soft-match.js';
import { SpelledOut } from './spelled-out.js';
import { cosine, meanVector, PassageVectors } from './similarity.js';
import { MAX_ANSWER_LENGTH, quotePassage } from './quote.js';
import { rankDocuments, type RankedDocument, type RankedPassage } from './rank-documents.js';
import { DocumentViews } from './document-view.js';
import { resolveQuery, type Concept, type QueryContext } from './resolve-query.js';
import type { AbstainReason, Answer, Suggestion } from './types.js';

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
  /** General English (WordNet). Default: the process' shared lexicon. */
  lexicon?: Lexicon;
  /** Passages readers said do not answer a question (feedback): another passage answers it, or none. */
  avoid?: AvoidedPassages;
}

/** Passages not to give for a question; `version` changes whenever they do (cached answers are then forgotten). */
export interface AvoidedPassages {
  readonly version: number;
  avoid(question: string): ReadonlySet<string>;
}

/** How many recent answers the engine remembers: a question asked again (after the daily post, say) is not searched again. */
export const ANSWER_CACHE_SIZE = 500;

/** Answers questions from one knowledge base. */
export interface AnswerEngine {
  readonly knowledge: Knowledge;
  /** Answers one question (raw Slack text is fine). Never throws for any string. */
  answer(question: string): Answer;
}

/** Passages re-ranked by closeness and similarity. */
export const RERANKED = 8;
/** How much more a passage holding the question's words side by side scores than one holding them far apart. */
export const CLOSENESS_WEIGHT = 0.3;
/** How much more a passage whose words are used like the question's (cosine 1) scores than an unrelated one. */
export const SIMILARITY_WEIGHT = 0.5;
/** Suggestions offered with a reply. */
export const MAX_SUGGESTIONS = 3;
/** The primary answer text when the engine does not answer. */
export const NO_ANSWER_TEXT = 'That is not covered in the briefing.';

/** Builds the index over `knowledge` (once) and returns the engine. */
export function createAnswerEngine(knowledge: Knowledge, options: AnswerEngineOptions = {}): AnswerEngine {
  const lexicon = options.lexicon ?? sharedLexicon();
  const index = options.index ?? buildPassageIndex(knowledge, undefined, lexicon);
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
  const documents = new Map(knowledge.documents.map((d) => [d.id, d]));
  const documentOf = (p: Passage): KnowledgeDocument => documents.get(p.docId) as KnowledgeDocument;
  // A passage's suggestion label needs sentence splitting: made once per passage, when first needed.
  const labels = new Map<Passage, Suggestion>();
  const suggestionFor = (p: Passage): Suggestion => labels.get(p) ?? labels.set(p, suggestionOf(p)).get(p) as Suggestion;
  const byAge = newestFirst(knowledge.documents);
  // What to suggest when the briefing does not cover a question: FAQ questions, the newest article's first.
  const faqSuggestions = byAge
    .flatMap((d) => d.passages.filter((p) => p.kind === 'faq').slice(0, MAX_SUGGESTIONS))
    .slice(0, MAX_SUGGESTIONS)
    .map(suggestionFor);

  const recent = new Map<string, Answer>();
  let avoidVersion = options.avoid?.version ?? 0;
  const cacheSize = options.cacheSize ?? ANSWER_CACHE_SIZE;

  const passageCounts = new Map(knowledge.documents.map((d) => [d.id, d.passages.length]));
  // When two articles cover a question equally, the newer one answers.
  const newest = new Map(byAge.map((d, i) => [d.id, i]));
  const passageTerms = new PassageTerms();
  const passageVectors = new PassageVectors(() => lexicon.vectors);
  const passageWords = new PassageWords(() => lexicon.vectors);
  // The best few passages again: among near equals, those that hold the question's words close together, and those
  // whose words are used like the question's, first.
  const rerank = (ranked: readonly RankedPassage[], concepts: readonly Concept[], question: string, vocabulary: Vocabulary): RankedPassage[] => {
    if (ranked.length < 2) return [...ranked];
    const vectors = lexicon.vectors;
    const asked = vectors ? meanVector(question, vectors) : undefined;
    const unheld = vectors ? new UnheldWords(concepts, vocabulary, vectors) : undefined;
    const top = ranked.slice(0, RERANKED).map((r) => {
      const passage = index.passages[r.match.position] as Passage;
      const near = closeness(passageTerms.of(passage), concepts);
      const alike = Math.max(0, cosine(asked, passageVectors.of(passage)));
      const said = unheld?.credit(r.match, passageWords.of(passage)) ?? 0;
      return { r, score: (r.score + said) * (1 + CLOSENESS_WEIGHT * near) * (1 + SIMILARITY_WEIGHT * alike) };
    });
    return [...top.sort((a, b) => b.score - a.score).map((x) => x.r), ...ranked.slice(RERANKED)];
  };

  // The passage of a document to quote, if the document covers the question: one that holds enough of the question by
  // itself; among those, close wording and stated amounts count.
  type Chosen = { best: RankedPassage; concepts: Concept[] };
  const passageFrom = (covering: RankedDocument | undefined, concepts: Concept[], searched: string, vocabulary: Vocabulary, question: string): Chosen | undefined => {
    if (!covering || !judgeDocument(covering)) return undefined;
    const avoided = options.avoid?.avoid(question);
    const holding = covering.passages.filter((r) => judgePassage(r) && !avoided?.has(index.passages[r.match.position]?.id ?? ''));
    const scope = { passages: index.passages, questionTerms: index.questionTerms, vocabulary };
    const candidates = rerank(figureCandidates(searched, concepts, holding, scope), concepts, searched, vocabulary);
    const best = closestFaq(scope, candidates, concepts) ?? candidates[0];
    return best && { best, concepts };
  };

  // With several articles, the one that covers the question best is asked as if it were alone (its own words,
  // weights and links); it answers, or no one does. (Asking the second best too when the best does not answer gave
  // more right answers and more answers to what the briefing does not cover, about as many of each.)
  const views = new DocumentViews(index, documents, context);
  const fromOneArticle = (covering: RankedDocument | undefined, searched: string, question: string): Chosen | AbstainReason | undefined => {
    const view = covering && views.of(covering.docId);
    if (!view) return undefined;
    const concepts = resolveQuery(searched, view.context);
    // A name the question uses that only another article holds is a name this one never mentions.
    const early = judgeQuestion(concepts);
    if (early) return early;
    const matches = index.searchAmong(concepts.map(searchConceptOf), view.positions);
    const [alone] = rankDocuments(concepts, matches, index.passages, new Map([[view.docId, view.positions.length]]), view.vocabulary, index.order);
    return passageFrom(alone, concepts, searched, view.vocabulary, question);
  };

  const answerAfresh = (question: string): Answer => {
    const searched = expandShorthand(question);
    const concepts = resolveQuery(searched, context);
    const words = {
      matchedWords: concepts.filter((c) => c.alternatives.length > 0).map((c) => c.text),
      unmatchedWords: concepts.filter((c) => c.alternatives.length === 0).map((c) => c.text),
    };
    // Not answered: the passages that hold most of the question (the reader may find there what was meant), or the FAQ.
    const noAnswer = (reason: AbstainReason, closest: Suggestion[] = []): Answer => ({
      answered: false,
      question,
      answer: NO_ANSWER_TEXT,
      suggestions: closest.length > 0 ? closest : faqSuggestions,
      reason,
      ...words,
    });

    const early = judgeQuestion(concepts);
    if (early === 'empty') return noAnswer(early);
    const matches = index.search(concepts.map(searchConceptOf));
    const found = rankDocuments(concepts, matches, index.passages, passageCounts, index.vocabulary, index.order, newest);
    const picked =
      early ??
      (knowledge.documents.length > 1 ? fromOneArticle(found[0], searched, question) : passageFrom(found[0], concepts, searched, index.vocabulary, question));
    // The next best passages: the covering document's first, then the best of the other documents that cover most.
    const nextBest = (except?: Passage): Suggestion[] =>
      found
        .slice(0, MAX_SUGGESTIONS + 1)
        .flatMap((d) => d.passages.slice(0, MAX_SUGGESTIONS + 1))
        .filter((r) => r.coverage > 0 && index.passages[r.match.position] !== except)
        .slice(0, MAX_SUGGESTIONS)
        .map((r) => suggestionFor(index.passages[r.match.position] as Passage));
    if (typeof picked === 'string') return noAnswer(picked, nextBest());
    const chosen = picked && index.passages[picked.best.match.position];
    if (!picked || !chosen) return noAnswer('not-covered', nextBest());
    const terms = new Set(picked.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
    const suggestions = nextBest(chosen);
    return {
      answered: true,
      question,
      answer: quotePassage(chosen.text, terms, options.maxAnswerLength ?? MAX_ANSWER_LENGTH),
      source: sourceOf(chosen, documentOf(chosen)),
      suggestions,
      ...words,
    };
  };

  return {
    knowledge,
    answer(raw) {
      const question = normaliseQuery(raw, options.maxQuestionLength ?? MAX_QUESTION_LENGTH);
      // Readers' feedback changed what not to answer with: answers remembered before may be among them.
      if (options.avoid && options.avoid.version !== avoidVersion) {
        avoidVersion = options.avoid.version;
        recent.clear();
      }
      const known = recent.get(question);
      if (known) {
        // Most recently used last: the oldest is the first to go.
        recent.delete(question);
        recent.set(question, known);
        return known;
      }
      const fresh = answerAfresh(question);
      if (cacheSize > 0) {
        recent.set(question, fresh);
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
