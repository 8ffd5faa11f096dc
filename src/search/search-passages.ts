// Searches the index for a question's concepts: which passages hold each concept, and how strongly.
import type { Passage } from '../knowledge/index.js';
import type { CommonTerms } from './common-terms.js';
import type { Vocabulary } from './vocabulary.js';

/** An alternative at least this strong says the concept itself (the word, its family, a synonym). */
const STRONG_BOOST = 0.8;
/** Candidates kept from a common word when a question has nothing rarer; whole documents are added up to this many. */
export const MAX_CANDIDATES = 2_000;

/** One thing asked about, as the index searches it: the ways the knowledge may say it, each with its strength. */
export interface SearchConcept {
  alternatives: readonly { terms: readonly string[]; boost: number }[];
}

/**
 * How one passage holds each concept of a question. The arrays are shared by all the matches of a question: this
 * passage's entry for concept `c` is at `offset + c`.
 */
export interface PassageMatch {
  /** Position of the passage in `passages`. */
  position: number;
  offset: number;
  /** Per concept (in question order): the strongest alternative the passage holds, or -1. */
  held: Int8Array;
  /** Per concept: that alternative's boost times the square of the share of its terms held (a phrase half there: a quarter). */
  strength: Float64Array;
  /** Per concept: the BM25+ scores of the held terms times the same factor, to tell passages that hold it apart. */
  score: Float64Array;
}

/** What a search reads: the passages, their vocabulary and common-word bitsets, and each term's BM25 scores. */
export interface SearchSources {
  /** The passages by position (holes where a document was removed). */
  passages: readonly (Passage | undefined)[];
  /** A position's place in the knowledge's own order, for ties. */
  order(position: number): number;
  vocabulary: Vocabulary;
  common: CommonTerms;
  /** The BM25 score of each passage holding `term`. */
  scoresOf(term: string): ReadonlyMap<number, number>;
  /** What a common word adds to a passage that holds it. */
  commonScore(term: string): number;
}

/**
 * The passages that hold any of the concepts, and how (see {@link PassageMatch}), in no order. Candidates come from
 * the rarer words said strongly (the word, its family, a synonym); common words and loose relatives only mark the
 * candidates that hold them. With no rarer strong word, the candidates are the passages holding the most of the
 * strong common words; with only loose relatives, those relatives' passages. Whole documents join while they are
 * few, so that whether a document holds a word is known exactly.
 */
export function searchPassages(concepts: readonly SearchConcept[], sources: SearchSources): PassageMatch[] {
  const { common, vocabulary, scoresOf } = sources;
  const strong = new Set<string>();
  const all = new Set<string>();
  for (const c of concepts) {
    for (const a of c.alternatives) {
      for (const t of a.terms) {
        all.add(t);
        if (a.boost >= STRONG_BOOST) strong.add(t);
      }
    }
  }
  const scores = new Map<string, ReadonlyMap<number, number>>();
  const candidates = new Set<number>();
  for (const t of strong) {
    if (common.has(t)) continue;
    const found = scoresOf(t);
    scores.set(t, found);
    for (const p of found.keys()) candidates.add(p);
  }
  if (candidates.size === 0) {
    const strongCommon = [...strong].filter((t) => common.has(t)).sort((a, b) => vocabulary.documentFrequency(a) - vocabulary.documentFrequency(b));
    for (const p of mostHeld(common, strongCommon, sources.order)) candidates.add(p);
  }
  const loose = [...all].filter((t) => !scores.has(t) && !common.has(t));
  for (const t of loose) {
    const found = scoresOf(t);
    if (candidates.size === 0) for (const p of found.keys()) candidates.add(p);
    scores.set(t, found);
  }
  addWholeDocuments(candidates, sources.passages);
  for (const t of loose) scores.set(t, restrict(scores.get(t) as ReadonlyMap<number, number>, candidates));
  for (const t of [...all].filter((t) => common.has(t))) scores.set(t, commonHeld(t, candidates, sources));
  return matchesOf(concepts, scores);
}

// Whole documents, while they are few (a document's passages are side by side in `passages`).
function addWholeDocuments(candidates: Set<number>, passages: readonly (Passage | undefined)[]): void {
  const documents = new Set<string>();
  let size = 0;
  const ranges: [number, number][] = [];
  for (const p of candidates) {
    const docId = passages[p]?.docId ?? '';
    if (documents.has(docId)) continue;
    documents.add(docId);
    let from = p;
    while (from > 0 && passages[from - 1]?.docId === docId) from -= 1;
    let to = p + 1;
    while (to < passages.length && passages[to]?.docId === docId) to += 1;
    ranges.push([from, to]);
    size += to - from;
    if (size > MAX_CANDIDATES) return;
  }
  for (const [from, to] of ranges) for (let p = from; p < to; p += 1) candidates.add(p);
}

function restrict(scores: ReadonlyMap<number, number>, to: ReadonlySet<number>): Map<number, number> {
  const kept = new Map<number, number>();
  for (const [p, score] of scores) if (to.has(p)) kept.set(p, score);
  return kept;
}

// What a common word adds to each passage at `positions` that holds it (from its bitset).
function commonHeld(term: string, positions: Iterable<number>, sources: SearchSources): Map<number, number> {
  const score = sources.commonScore(term);
  const held = new Map<number, number>();
  for (const p of positions) if (sources.common.holds(term, p)) held.set(p, score);
  return held;
}

// With only common words, the candidates are the passages holding the most of them (`terms`: rarest first).
function mostHeld(common: CommonTerms, terms: readonly string[], order: (position: number) => number): number[] {
  const [first, ...others] = terms;
  if (first === undefined) return [];
  const counted: { position: number; count: number }[] = [];
  for (const position of common.positions(first)) {
    counted.push({ position, count: others.filter((t) => common.holds(t, position)).length });
  }
  return counted.sort((a, b) => b.count - a.count || order(a.position) - order(b.position)).slice(0, MAX_CANDIDATES).map((c) => c.position);
}

// For each passage holding any alternative, the strongest alternative of each concept it holds. The per-concept
// arrays of all matches share three buffers (a question may match thousands of passages).
function matchesOf(concepts: readonly SearchConcept[], scores: ReadonlyMap<string, ReadonlyMap<number, number>>): PassageMatch[] {
  const size = concepts.length;
  const slots = new Map<number, number>();
  concepts.forEach(({ alternatives }) => {
    for (const { terms } of alternatives) for (const t of terms) for (const position of scores.get(t)?.keys() ?? []) if (!slots.has(position)) slots.set(position, slots.size);
  });
  const held = new Int8Array(slots.size * size).fill(-1);
  const strength = new Float64Array(slots.size * size);
  const score = new Float64Array(slots.size * size);
  const sums = new Map<number, { score: number; held: number }>();
  concepts.forEach((concept, c) => {
    concept.alternatives.forEach(({ terms, boost }, a) => {
      sums.clear();
      for (const term of terms) {
        for (const [position, value] of scores.get(term) ?? []) {
          const sum = sums.get(position);
          if (sum) {
            sum.score += value;
            sum.held += 1;
          } else sums.set(position, { score: value, held: 1 });
        }
      }
      for (const [position, sum] of sums) {
        const at = (slots.get(position) as number) * size + c;
        const factor = boost * (sum.held / terms.length) ** 2;
        const current = strength[at] as number;
        if (factor < current || (factor === current && sum.score * factor <= (score[at] as number))) continue;
        held[at] = a;
        strength[at] = factor;
        score[at] = sum.score * factor;
      }
    });
  });
  return [...slots].map(([position, slot]) => ({ position, offset: slot * size, held, strength, score }));
}
