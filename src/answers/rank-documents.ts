// Weighs what the index found for a question: how much of it each document covers, and which passages hold most.
import type { Passage } from '../knowledge/index.js';
import { coverageFactor, coverageWeight, TOPIC_SHARE } from './concept-weight.js';
import type { PassageMatch } from './passage-index.js';
import type { Concept } from './resolve-query.js';
import type { Vocabulary } from './vocabulary.js';

/** How much a question-frame word (`latest`, `how many`) weighs in ranking, relative to a content word. */
export const FRAME_WEIGHT = 0;
/** How much more a passage may score for one concept by holding it better (BM25) than the others that hold it. */
export const BM25_TIEBREAK = 0.2;

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
  /** Whether it holds a concept that is not the topic of most of its passages (not just the story's names). */
  specific: boolean;
  /** Its passages that hold any concept, best first. */
  passages: RankedPassage[];
}

/**
 * Groups the matches by document, best first: by coverage, then by their best passage. A concept weighs its
 * inverse document frequency (halved for the story's names, a quarter for frame words in ranking); an unknown word
 * weighs as much as the rarest known one.
 */
export function rankDocuments(
  concepts: readonly Concept[],
  matches: readonly PassageMatch[],
  passages: readonly Passage[],
  passageCounts: ReadonlyMap<string, number>,
  vocabulary: Vocabulary,
): RankedDocument[] {
  const weights = concepts.map((c) => coverageWeight(c, vocabulary));
  const bestScore = concepts.map(() => 0);
  for (const match of matches) concepts.forEach((_, c) => (bestScore[c] = Math.max(bestScore[c] ?? 0, match.score[c] ?? 0)));
  const total = concepts.reduce((sum, c, i) => sum + (c.frame ? 0 : (weights[i] ?? 0)), 0);
  const byDocument = new Map<string, RankedPassage[]>();
  for (const match of matches) {
    let score = 0;
    let covered = 0;
    concepts.forEach((concept, c) => {
      const strength = match.strength[c] ?? 0;
      const held = concept.alternatives[match.held[c] ?? -1];
      if (strength === 0 || !held) return;
      const tiebreak = 1 + (BM25_TIEBREAK * (match.score[c] ?? 0)) / Math.max(bestScore[c] ?? 0, Number.EPSILON);
      score += (weights[c] ?? 0) * (concept.frame ? FRAME_WEIGHT : 1) * strength * tiebreak;
      if (!concept.frame) covered += (weights[c] ?? 0) * strength * coverageFactor(held);
    });
    const docId = (passages[match.position] as Passage).docId;
    const list = byDocument.get(docId) ?? byDocument.set(docId, []).get(docId);
    list?.push({ match, score, coverage: total > 0 ? covered / total : 0 });
  }
  const ranked = [...byDocument].map(([docId, list]): RankedDocument => {
    list.sort((a, b) => b.score - a.score || a.match.position - b.match.position);
    const count = passageCounts.get(docId) ?? list.length;
    let covered = 0;
    let specific = false;
    concepts.forEach((concept, c) => {
      if (concept.frame) return;
      // Specific when the best way this document says the concept is not in most of its passages.
      let best = 0;
      let holding = 0;
      for (const { match } of list) {
        const held = concept.alternatives[match.held[c] ?? -1];
        if (!held) continue;
        const strength = (match.strength[c] ?? 0) * coverageFactor(held);
        if (strength > best + 1e-9) {
          best = strength;
          holding = 1;
        } else if (strength > best - 1e-9) holding += 1;
      }
      covered += (weights[c] ?? 0) * best;
      if (holding > 0 && holding / count <= TOPIC_SHARE) specific = true;
    });
    return { docId, coverage: total > 0 ? covered / total : 0, specific, passages: list };
  });
  return ranked.sort((a, b) => b.coverage - a.coverage || (b.passages[0]?.score ?? 0) - (a.passages[0]?.score ?? 0));
}
