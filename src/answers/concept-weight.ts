// How much a concept weighs and whether it is specific, from how many passages hold its primary alternative.
import type { Alternative, Concept } from './resolve-query.js';
import type { Vocabulary } from '../search/index.js';

/** A phrase weighs as much as its rarest word: `ln(1 + N / df)`. Unknown concepts weigh as much as the rarest known word. */
export function alternativeWeight(alternative: Alternative | undefined, vocabulary: Vocabulary): number {
  if (!alternative) return vocabulary.idf('');
  return Math.max(...alternative.terms.map((t) => vocabulary.idf(t)));
}

/**
 * The weight of a concept: that of its primary alternative (the word itself when the knowledge uses it); a word the
 * knowledge only has loose relatives of weighs as an unknown word would (what was asked is not in the knowledge).
 */
export function conceptWeight(concept: Concept, vocabulary: Vocabulary): number {
  const primary = concept.alternatives[0];
  return alternativeWeight(primary && coverageFactor(primary) === 1 ? primary : undefined, vocabulary);
}


/** How much a name the story uses often (its people and places) counts, relative to other words. */
export const NAME_WEIGHT = 0.5;
/** A name in more than this share of passages is one of the story's own (a rarer one is what a question is about). */
export const STORY_NAME_SHARE = 0.2;

/**
 * What a concept weighs in coverage and ranking: its weight, times how precise the word is in general English (a word
 * of many senses says less), halved for a name of the story (the names say who, the other words say what is asked).
 */
export function coverageWeight(concept: Concept, vocabulary: Vocabulary): number {
  return conceptWeight(concept, vocabulary) * concept.precision * (isStoryName(concept, vocabulary) ? NAME_WEIGHT : 1);
}

/** Whether a concept is one of the story's own names: written as a name, in more than a fifth of the passages. */
export function isStoryName(concept: Concept, vocabulary: Vocabulary): boolean {
  const primary = concept.alternatives[0];
  return (
    primary !== undefined &&
    primary.terms.every((t) => vocabulary.isName(t) && vocabulary.documentFrequency(t) > STORY_NAME_SHARE * vocabulary.passageCount)
  );
}

/** Relations that say a word is about the same topic, not the same thing: they rank, but cover a question less. */
const LOOSE_RELATIONS: ReadonlySet<string> = new Set(['broader', 'narrower', 'similar', 'gloss', 'near']);
/** What a loose relation's strength counts for in coverage. */
export const LOOSE_COVERAGE = 0.5;

/** How much a match of `alternative` counts towards coverage, relative to its strength: halved for a loose relative. */
export function coverageFactor(alternative: Alternative): number {
  return LOOSE_RELATIONS.has(alternative.kind) ? LOOSE_COVERAGE : 1;
}
