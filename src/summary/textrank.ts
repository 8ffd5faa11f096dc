// TextRank over sentences: a sentence matters when it shares weighted words with many other sentences.

/** Damping factor of the random walk (the usual 0.85). */
export const DAMPING = 0.85;
const ITERATIONS = 100;
const EPSILON = 1e-9;

/** A sentence as a sparse vector of term weights. */
export type TermVector = ReadonlyMap<string, number>;

/** TF-IDF vectors for sentences given as term lists (idf over the sentences themselves). */
export function tfidfVectors(sentences: readonly (readonly string[])[]): TermVector[] {
  const df = new Map<string, number>();
  for (const terms of sentences) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return sentences.map((terms) => {
    const vector = new Map<string, number>();
    for (const t of terms) vector.set(t, (vector.get(t) ?? 0) + 1);
    for (const [t, tf] of vector) vector.set(t, tf * Math.log(1 + sentences.length / (df.get(t) ?? 1)));
    return vector;
  });
}

/** Cosine similarity of two sparse vectors (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  const norm = (v: TermVector): number => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

/** PageRank scores over the sentence similarity graph; they sum to 1. Deterministic. */
export function textRank(vectors: readonly TermVector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const weights = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const outSum = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const next = scores.map((_, i) => {
      let incoming = 0;
      for (let j = 0; j < n; j += 1) {
        const w = weights[j]?.[i] ?? 0;
        const out = outSum[j] ?? 0;
        if (w > 0 && out > 0) incoming += (w / out) * (scores[j] ?? 0);
      }
      return (1 - DAMPING) / n + DAMPING * incoming;
    });
    const change = next.reduce((s, v, i) => s + Math.abs(v - (scores[i] ?? 0)), 0);
    scores = next;
    if (change < EPSILON) break;
  }
  const total = scores.reduce((s, v) => s + v, 0);
  return scores.map((s) => s / total);
}
