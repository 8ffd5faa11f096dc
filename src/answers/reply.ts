// Turns a decision into the reply: the quoted answer with its source, the candidates when not sure, or an honest
// "not covered" with the closest passages when any holds a word of the question.
import type { Knowledge, KnowledgeDocument, Passage } from '../knowledge/index.js';
import type { Decision, ScoredCandidate } from './decide.js';
import type { DecisionDefaults } from './decision-defaults.js';
import { sourceOf, suggestionOf } from './describe-passage.js';
import { quotePassage } from './quote.js';
import type { Concept } from './resolve-query.js';
import type { AbstainReason, Answer, Suggestion } from './types.js';

/** The primary answer text when the engine does not answer. */
export const NO_ANSWER_TEXT = 'That is not covered in the briefing.';
/** The primary answer text when the engine is not sure: the candidates follow. */
export const NOT_SURE_TEXT = "I'm not sure the briefing answers that.";

/** Makes replies for one knowledge (suggestion labels are made once per passage). */
export function replyTo(
  knowledge: Knowledge,
  defaults: Pick<DecisionDefaults, 'shown' | 'offerAt'>,
  maxAnswerLength: number,
): (question: string, decision: Decision, concepts: readonly Concept[]) => Answer {
  // Made by the first answer that needs it, not when the engine is (see createAnswerEngine).
  let documents: Map<string, KnowledgeDocument> | undefined;
  const documentOf = (id: string): KnowledgeDocument => (documents ??= new Map(knowledge.documents.map((d) => [d.id, d]))).get(id) as KnowledgeDocument;
  const labels = new Map<Passage, Suggestion>();
  const suggestionFor = ({ candidate }: ScoredCandidate): Suggestion =>
    labels.get(candidate.passage) ?? (labels.set(candidate.passage, suggestionOf(candidate.passage, documentOf(candidate.passage.docId))).get(candidate.passage) as Suggestion);

  return function reply(question, decision, concepts) {
    const { outcome, confidence, ranked, trace } = decision;
    const base = {
      question,
      outcome,
      confidence,
      trace,
      matchedWords: concepts.filter((c) => c.alternatives.length > 0).map((c) => c.text),
      unmatchedWords: concepts.filter((c) => c.alternatives.length === 0).map((c) => c.text),
    };
    const best = ranked[0];
    if (outcome === 'answer' && best) {
      const chosen = best.candidate.passage;
      const quoted = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.terms)));
      return {
        ...base,
        answered: true,
        answer: quotePassage(chosen.text, quoted, maxAnswerLength),
        source: sourceOf(chosen, documentOf(chosen.docId)),
        suggestions: ranked.slice(1, 1 + defaults.shown).map(suggestionFor),
      };
    }
    if (outcome === 'not-sure') {
      return { ...base, answered: false, answer: NOT_SURE_TEXT, reason: 'not-sure', suggestions: ranked.slice(0, defaults.shown).map(suggestionFor) };
    }
    // Not covered: the closest passages only when the best is not far off and they hold a word of the question itself.
    const closest = confidence >= defaults.offerAt ? ranked.filter((s) => s.candidate.features.literalCoverage > 0).slice(0, defaults.shown) : [];
    // A name the best passage's article never mentions (or, with no candidate, the knowledge never does).
    const nameUnknown = best ? best.candidate.features.unknownName > 0 : concepts.some((c) => c.namelike && c.alternatives.length === 0);
    const reason: AbstainReason = concepts.every((c) => c.frame) ? 'empty' : nameUnknown ? 'unknown-name' : 'not-covered';
    return { ...base, answered: false, answer: NO_ANSWER_TEXT, reason, suggestions: closest.map(suggestionFor) };
  };
}
