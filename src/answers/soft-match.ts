// Words of a question the knowledge says otherwise: how close in use (GloVe) the passage's own words come to each
// question word the passage does not hold ("grab" and "stolen", "diverted" and "rerouted").
import { type Passage, splitDateline } from '../knowledge/index.js';
import { DIMENSIONS as VECTOR_DIMENSIONS, type WordVectors } from '../lexicon/index.js';
import { coverageFactor, coverageWeight } from './concept-weight.js';
import type { PassageMatch, Vocabulary } from '../search/index.js';
import type { Concept } from './resolve-query.js';
import { tokenize } from '../text/index.js';

/** Least similarity in use for a passage's word to count for a question word it does not hold. */
export const MIN_SIMILARITY_IN_USE = 0.45;
/** What such a word counts for, times the similarity: as much as a loose relative at most. */
export const IN_USE_SHARE = 0.5;

/** A local copy: an imported binding read in a hot loop costs a lookup each time. */
const DIMENSIONS = VECTOR_DIMENSIONS;
const MEMO_LIMIT = 2_000;

/** The distinct content words of passages that have a vector, side by side in one array, made when first needed. */
export class PassageWords {
  private readonly memo = new Map<Passage, Int8Array>();

  constructor(private readonly vectors: () => WordVectors | undefined) {}

  of(passage: Passage): Int8Array {
    let words = this.memo.get(passage);
    if (!words) {
      const vectors = this.vectors();
      const seen = new Set<string>();
      const found: Int8Array[] = [];
      if (vectors) {
        for (const t of tokenize(`${passage.question ?? ''} ${splitDateline(passage.text).body}`)) {
          if (!t.term || seen.has(t.folded)) continue;
          seen.add(t.folded);
          const v = vectors.vector(t.folded);
          if (v) found.push(v);
        }
      }
      words = new Int8Array(found.length * DIMENSIONS);
      found.forEach((v, i) => (words as Int8Array).set(v, i * DIMENSIONS));
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(passage, words);
    }
    return words;
  }
}

/** The highest cosine between `word` and any of `words` (vectors of unit length scaled to bytes, side by side). */
export function closestInUse(word: Int8Array, words: Int8Array): number {
  let best = -1;
  for (let at = 0; at < words.length; at += DIMENSIONS) {
    let dot = 0;
    for (let d = 0; d < DIMENSIONS; d += 1) dot += (word[d] as number) * (words[at + d] as number);
    if (dot > best) best = dot;
  }
  return best / (127 * 127);
}

/** The question's single words, to credit a passage for each it does not hold by a word used alike. */
export class UnheldWords {
  private readonly weights: number[];
  private readonly words: (Int8Array | undefined)[];

  constructor(private readonly concepts: readonly Concept[], vocabulary: Vocabulary, vectors: WordVectors) {
    this.weights = concepts.map((c) => (c.frame ? 0 : coverageWeight(c, vocabulary)));
    this.words = concepts.map((c) => (c.frame || c.text.includes(' ') ? undefined : vectors.vector(c.text.toLowerCase())));
  }

  /**
   * What a passage scores beyond its match: for each question word it holds less well than a word of its own used
   * alike ({@link MIN_SIMILARITY_IN_USE}), the word's weight times the difference.
   */
  credit(match: PassageMatch, passageWords: Int8Array): number {
    let extra = 0;
    this.concepts.forEach((concept, c) => {
      const word = this.words[c];
      const weight = this.weights[c] ?? 0;
      if (!word || weight === 0) return;
      const alternative = match.held[match.offset + c] as number;
      const held = alternative >= 0 ? (match.strength[match.offset + c] as number) * coverageFactor(concept.alternatives[alternative] as Concept['alternatives'][number]) : 0;
      // Held at least as well as any word used alike could hold it: nothing to measure.
      if (held >= IN_USE_SHARE) return;
      const similarity = closestInUse(word, passageWords);
      const soft = similarity >= MIN_SIMILARITY_IN_USE ? IN_USE_SHARE * similarity : 0;
      if (soft > held) extra += weight * (soft - held);
    });
    return extra;
  }
}
