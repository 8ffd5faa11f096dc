// Weighs what the index found for a question: how much of it each document covers, and which passages hold most.
import type { Passage } from '../knowledge/index.js';
import { coverageFactor, coverageWeight } from './concept-weight.js';
import type { PassageMatch, Vocabulary } from '../search/index.js';
import type { Concept } from './resolve-query.js';

/** How much more a passage may score for one concept by holding it better (BM25) than the others that hold it. */
export const BM25_TIEBREAK = 0.2;
/** Best passages of two documents this close (a share of the better) count as equal: the newer document wins. */
export const EQUAL_SHARE = 0.05;
/** Documents returned, best first (the answer comes from the first; suggestions from the first few). */
export const MAX_DOCUMENTS = 5;

/** A passage and how well it holds the question. */
export interface RankedPassage {
  match: PassageMatch;
  /** Sum over concepts of weight × strength held, the rarest concepts weighing most; BM25 breaks near ties. */
  score: number;
  /** Share of the question's weight the passage holds by itself. */
  coverage: number;
}

/** A document and how much of the question it covers. */
export interface RankedDocument {
  docId: string;
  /** Share of the question's weight its passages hold, together (frame words left out). */
  coverage: number;
  /** Per concept (in question order): the best share of it any of its passages holds (0: the document never says it). */
  held: Float64Array;
  /** Its passages that hold any concept, best first. */
  passages: RankedPassage[];
}

// Per document while ranking: the best coverage strength of each concept, and the best passage score (for ties
// between documents).
interface Tally {
  docId: string;
  best: Float64Array;
  top: number;
  members: number[];
  /** The earliest of its matched passages in the knowledge's order. */
  first: number;
}

/**
 * The documents that cover the question best ({@link MAX_DOCUMENTS}), by coverage, then by their best passage.
 * A concept weighs its inverse document frequency times its precision (halved for the story's names; frame words are
 * not searched); an unknown word weighs as much as the rarest known one.
 */
export function rankDocuments(
  concepts: readonly Concept[],
  matches: readonly PassageMatch[],
  passages: readonly (Passage | undefined)[],
  vocabulary: Vocabulary,
  order: (position: number) => number = (position) => position,
  newest: ReadonlyMap<string, number> = new Map(),
): RankedDocument[] {
  const n = concepts.length;
  const weights = concepts.map((c) => coverageWeight(c, vocabulary));
  const total = concepts.reduce((sum, c, i) => sum + (c.frame ? 0 : (weights[i] ?? 0)), 0);
  const factors = concepts.map((c) => c.alternatives.map(coverageFactor));
  const bestScore = new Float64Array(n);
  for (const { offset, score } of matches) for (let c = 0; c < n; c += 1) bestScore[c] = Math.max(bestScore[c] as number, score[offset + c] as number);

  const scores = new Float64Array(matches.length);
  const coverages = new Float64Array(matches.length);
  const tallies = new Map<string, Tally>();
  matches.forEach(({ position, offset, held, strength, score }, m) => {
    const docId = (passages[position] as Passage).docId;
    let tally = tallies.get(docId);
    if (!tally) tallies.set(docId, (tally = { docId, best: new Float64Array(n), top: 0, members: [], first: Infinity }));
    let ranked = 0;
    let covered = 0;
    for (let c = 0; c < n; c += 1) {
      const alternative = held[offset + c] as number;
      if (alternative < 0) continue;
      const value = strength[offset + c] as number;
      ranked += (weights[c] as number) * value * (1 + (BM25_TIEBREAK * (score[offset + c] as number)) / Math.max(bestScore[c] as number, Number.EPSILON));
      if (concepts[c]?.frame) continue;
      const cover = value * (factors[c]?.[alternative] ?? 1);
      covered += (weights[c] as number) * cover;
      if (cover > (tally.best[c] as number)) tally.best[c] = cover;
    }
    scores[m] = ranked;
    coverages[m] = total > 0 ? covered / total : 0;
    tally.top = Math.max(tally.top, ranked);
    tally.members.push(m);
    tally.first = Math.min(tally.first, order(position));
  });

  // The names a question uses tell which article it is about, whatever its other words find elsewhere.
  const names = concepts.map((c) => c.namelike && c.alternatives.length > 0);
  const documents = [...tallies.values()].map((tally) => {
    let covered = 0;
    let named = 0;
    for (let c = 0; c < n; c += 1) {
      covered += (weights[c] as number) * (tally.best[c] as number);
      if (names[c]) named += tally.best[c] as number;
    }
    return { tally, coverage: total > 0 ? covered / total : 0, named };
  });
  // Equal cover: the better best passage, unless the two are about as good, then the newer article (`newest`: 0 for
  // the newest), then file order.
  const age = (docId: string): number => newest.get(docId) ?? Number.MAX_SAFE_INTEGER;
  const better = (a: number, b: number): number => (Math.abs(a - b) > EQUAL_SHARE * Math.max(a, b) ? a - b : 0);
  documents.sort(
    (a, b) =>
      b.named - a.named ||
      (Math.abs(b.coverage - a.coverage) > 1e-9 ? b.coverage - a.coverage : 0) ||
      better(b.tally.top, a.tally.top) ||
      age(a.tally.docId) - age(b.tally.docId) ||
      b.tally.top - a.tally.top ||
      a.tally.first - b.tally.first,
  );
  return documents.slice(0, MAX_DOCUMENTS).map(({ tally, coverage }) => ({
    docId: tally.docId,
    coverage,
    held: tally.best,
    passages: tally.members
      .map((m) => ({ match: matches[m] as PassageMatch, score: scores[m] as number, coverage: coverages[m] as number }))
      .sort((a, b) => b.score - a.score || order(a.match.position) - order(b.match.position)),
  }));
}
