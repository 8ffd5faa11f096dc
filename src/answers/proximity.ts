// How close together a passage holds the words of a question: "analysts were divided on the price" answers "what do
// analysts think of the price" better than a passage with the two words sentences apart.
import { type Passage, splitDateline } from '../knowledge/index.js';
import type { Concept } from './resolve-query.js';
import { searchTerms } from '../text/index.js';

/** Passages whose terms are remembered for measuring closeness (the top few of each question are). */
const MEMO_LIMIT = 2_000;

/** The terms of passages, in order, as the index holds them (an FAQ entry's question, then its answer). */
export class PassageTerms {
  private readonly memo = new Map<Passage, string[]>();

  of(passage: Passage): string[] {
    let terms = this.memo.get(passage);
    if (!terms) {
      terms = searchTerms(`${passage.question ?? ''} ${splitDateline(passage.text).body}`);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(passage, terms);
    }
    return terms;
  }
}

/**
 * How close together `terms` holds the concepts it holds (each through any of its alternatives' terms): the number
 * of concepts over the length of the shortest stretch of terms holding them all; 0 when it holds fewer than two.
 */
export function closeness(terms: readonly string[], concepts: readonly Concept[]): number {
  const owner = new Map<string, number[]>();
  concepts.forEach((concept, c) => {
    if (concept.frame) return;
    for (const a of concept.alternatives) for (const t of a.terms) owner.set(t, [...(owner.get(t) ?? []), c]);
  });
  const hits: { at: number; concept: number }[] = [];
  terms.forEach((t, at) => {
    for (const concept of owner.get(t) ?? []) hits.push({ at, concept });
  });
  const wanted = new Set(hits.map((h) => h.concept)).size;
  if (wanted < 2) return 0;
  // Shortest window over the hits (in order of position) that holds every concept found.
  const counts = new Map<number, number>();
  let best = Infinity;
  let start = 0;
  for (let end = 0; end < hits.length; end += 1) {
    const added = hits[end] as { at: number; concept: number };
    counts.set(added.concept, (counts.get(added.concept) ?? 0) + 1);
    while (counts.size === wanted) {
      const first = hits[start] as { at: number; concept: number };
      best = Math.min(best, added.at - first.at + 1);
      const left = (counts.get(first.concept) ?? 1) - 1;
      if (left === 0) counts.delete(first.concept);
      else counts.set(first.concept, left);
      start += 1;
    }
  }
  // One word standing for two concepts is not two words side by side.
  return Number.isFinite(best) ? Math.min(1, wanted / best) : 0;
}
