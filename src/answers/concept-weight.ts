// How much a concept weighs and whether it is specific, from how many passages hold its primary alternative.
import type { Alternative, Concept } from './resolve-query.js';
import type { Vocabulary } from './vocabulary.js';

/** A term found in more than this share of passages is the story's topic (China, Russia), not what a question is about. */
export const TOPIC_SHARE = 0.5;

/** A phrase weighs as much as its rarest word: `ln(1 + N / df)`. Unknown concepts weigh as much as the rarest known word. */
export function alternativeWeight(alternative: Alternative | undefined, vocabulary: Vocabulary): number {
  if (!alternative) return vocabulary.idf('');
  return Math.max(...alternative.terms.map((t) => vocabulary.idf(t)));
}

/** The weight of a concept: that of its primary alternative (the word itself when the knowledge uses it). */
export function conceptWeight(concept: Concept, vocabulary: Vocabulary): number {
  return alternativeWeight(concept.alternatives[0], vocabulary);
}

/** Whether a concept is specific: its primary alternative is not in most passages. */
export function isSpecific(concept: Concept, vocabulary: Vocabulary): boolean {
  const primary = concept.alternatives[0];
  if (!primary) return false;
  const rarest = Math.min(...primary.terms.map((t) => vocabulary.documentFrequency(t)));
  return rarest / vocabulary.passageCount <= TOPIC_SHARE;
}

/** How much a term found each way counts, relative to the word itself (in ranking and in coverage). */
export const MATCH_BOOST = { exact: 1, family: 0.9, alias: 0.8, fuzzy: 0.85, prefix: 0.5 } as const;

/** How much a name the story uses often (Xi, Jinping, Moscow) counts towards coverage, relative to other words. */
export const NAME_WEIGHT = 0.5;

/**
 * What a concept contributes to the question's coverage: its weight, times how surely it matched (its primary
 * alternative's boost), halved for a name of the story: the names say who, the other words say what is asked.
 */
export function coverageWeight(concept: Concept, vocabulary: Vocabulary): number {
  const primary = concept.alternatives[0];
  if (!primary) return conceptWeight(concept, vocabulary);
  const isName = primary.terms.every((t) => vocabulary.isName(t));
  return conceptWeight(concept, vocabulary) * MATCH_BOOST[primary.kind] * (isName ? NAME_WEIGHT : 1);
}
