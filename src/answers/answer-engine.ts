// The answer engine: question in, quoted answer with its source (or an honest "not in the briefing") out.
import type { AliasTable, Knowledge, KnowledgeDocument, Passage } from '../knowledge/index.js';
import { judgeCoverage } from './abstention.js';
import { conceptWeight, isSpecific, MATCH_BOOST } from './concept-weight.js';
import { compileAliases } from './aliases.js';
import { sourceOf, suggestionOf } from './describe-passage.js';
import { normaliseQuery, MAX_QUESTION_LENGTH } from './normalise-query.js';
import { buildPassageIndex, type PassageIndex, type RankedPassage, type SearchConcept } from './passage-index.js';
import { MAX_ANSWER_LENGTH, quotePassage } from './quote.js';
import { resolveQuery, type Concept } from './resolve-query.js';
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
}

/** How many recent answers the engine remembers: a question asked again (after the daily post, say) is not searched again. */
export const ANSWER_CACHE_SIZE = 500;

/** Answers questions from one knowledge base. */
export interface AnswerEngine {
  readonly knowledge: Knowledge;
  /** Answers one question (raw Slack text is fine). Never throws for any string. */
  answer(question: string): Answer;
}

/** Share of an FAQ question's weight a question must cover for that FAQ answer to be preferred. */
export const FAQ_CLOSENESS = 0.6;
/** Suggestions offered with a reply. */
export const MAX_SUGGESTIONS = 3;
/** The primary answer text when the engine does not answer. */
export const NO_ANSWER_TEXT = 'That is not covered in the briefing.';

/** Builds the index over `knowledge` (once) and returns the engine. */
export function createAnswerEngine(knowledge: Knowledge, options: AnswerEngineOptions = {}): AnswerEngine {
  const index = options.index ?? buildPassageIndex(knowledge);
  const aliases = compileAliases(options.aliases ?? {});
  const documents = new Map(knowledge.documents.map((d) => [d.id, d]));
  const documentOf = (p: Passage): KnowledgeDocument => documents.get(p.docId) as KnowledgeDocument;
  // A passage's suggestion label needs sentence splitting: made once per passage, when first needed.
  const labels = new Map<Passage, Suggestion>();
  const suggestionFor = (p: Passage): Suggestion => labels.get(p) ?? labels.set(p, suggestionOf(p)).get(p) as Suggestion;
  const faqSuggestions = knowledge.passages.filter((p) => p.kind === 'faq').slice(0, MAX_SUGGESTIONS).map(suggestionFor);

  const recent = new Map<string, Answer>();
  const cacheSize = options.cacheSize ?? ANSWER_CACHE_SIZE;

  const answerAfresh = (question: string): Answer => {
    const concepts = resolveQuery(question, index.vocabulary, aliases);
    const words = {
      matchedWords: concepts.filter((c) => c.alternatives.length > 0).map((c) => c.text),
      unmatchedWords: concepts.filter((c) => c.alternatives.length === 0).map((c) => c.text),
    };
    const noAnswer = (reason: AbstainReason): Answer => ({
      answered: false,
      question,
      answer: NO_ANSWER_TEXT,
      suggestions: faqSuggestions,
      reason,
      ...words,
    });

    const verdict = judgeCoverage(concepts, index.vocabulary);
    if (!verdict.answerable) return noAnswer(verdict.reason ?? 'not-covered');
    const matched = concepts.filter((c) => c.alternatives.length > 0);
    const specific = new Set(matched.flatMap((c, i) => (isSpecific(c, index.vocabulary) ? [i] : [])));
    const ranked = index.search(matched.map((c) => searchConceptOf(c, index))).filter((r) => r.concepts.some((i) => specific.has(i)));
    const terms = new Set(matched.flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
    const best = closestFaq(index, ranked, matched) ?? ranked[0];
    const chosen = best && index.passages[best.position];
    if (!chosen) return noAnswer('not-covered');
    const suggestions: Suggestion[] = ranked
      .filter((r) => r !== best)
      .slice(0, MAX_SUGGESTIONS)
      .map((r) => suggestionFor(index.passages[r.position] as Passage));
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

function searchConceptOf(concept: Concept, index: PassageIndex): SearchConcept {
  return {
    alternatives: concept.alternatives.map((a) => ({ terms: a.terms, boost: MATCH_BOOST[a.kind] })),
    weight: conceptWeight(concept, index.vocabulary),
  };
}

// An FAQ entry whose question and the asker's question cover each other closely (by weight), best ranked first.
function closestFaq(index: PassageIndex, ranked: readonly RankedPassage[], concepts: readonly Concept[]): RankedPassage | undefined {
  const { vocabulary } = index;
  const asked = concepts.reduce((sum, c) => sum + conceptWeight(c, vocabulary), 0);
  return ranked.find(({ position }) => {
    const question = index.questionTerms.get(position);
    if (!question) return false;
    const terms = new Set(question);
    const holds = (c: Concept): boolean => c.alternatives.some((a) => a.terms.every((t) => terms.has(t)));
    const faqWeight = [...terms].reduce((sum, t) => sum + vocabulary.idf(t), 0);
    const covered = new Set(concepts.filter(holds).flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
    const faqCovered = [...terms].filter((t) => covered.has(t)).reduce((sum, t) => sum + vocabulary.idf(t), 0);
    const askedCovered = concepts.filter(holds).reduce((sum, c) => sum + conceptWeight(c, vocabulary), 0);
    return faqWeight > 0 && faqCovered / faqWeight >= FAQ_CLOSENESS && askedCovered / asked >= FAQ_CLOSENESS;
  });
}
