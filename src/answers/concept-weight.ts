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
