// The team's own embedding model, as the engine sees it: vectors already fetched for the question and the passages
// (fetching them is the embeddings module's work), and the features the decision weighs from them.
import type { Passage } from '../knowledge/index.js';
import { expandShorthand, MAX_QUESTION_LENGTH, normaliseQuery } from '../text/index.js';

/** Vectors of meaning the engine may read without waiting: undefined for what has not been embedded (yet). */
export interface Meaning {
  /** The vector of a question (as {@link meaningText} gives it), when it has been fetched. */
  question(text: string): Float32Array | undefined;
  /** The vector of a passage (as {@link passageMeaningText} gives it), when it has been fetched. */
  passage(passage: Passage): Float32Array | undefined;
}

/** The text of a question that is embedded: as the engine searches it (Slack markup out, shorthand read). */
export function meaningText(raw: string): string {
  return expandShorthand(normaliseQuery(raw, MAX_QUESTION_LENGTH));
}

/** Longest passage text embedded: about what embedding models read (512 tokens); the rest would be cut off or refused. */
export const MAX_MEANING_TEXT = 2_000;

/** The text of a passage that is embedded: an FAQ entry's question with its answer, a paragraph as written. */
export function passageMeaningText(passage: Passage): string {
  const text = passage.question ? `${passage.question}\n${passage.text}` : passage.text;
  return text.length > MAX_MEANING_TEXT ? text.slice(0, MAX_MEANING_TEXT) : text;
}

/** Cosine of two vectors of one model (0 when their lengths differ or either is zero). */
export function meaningCosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < a.length; d += 1) {
    const x = a[d] as number;
    const y = b[d] as number;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

/** The meaning features of each candidate (in their order): its cosine with the question, and its lead over the best other's. */
export function meaningFeatures(asked: Float32Array, passages: readonly Float32Array[]): { meaning: number; meaningLead: number }[] {
  const cosines = passages.map((p) => meaningCosine(asked, p));
  const order = [...cosines].sort((a, b) => b - a);
  const [best = 0, second = best] = order;
  return cosines.map((c) => ({ meaning: c, meaningLead: c - (c === best ? second : best) }));
}
