// Decides whether the knowledge covers a question, from which of its words matched: a rule, not a score cut.
import { conceptWeight, coverageWeight, isSpecific } from './concept-weight.js';
import type { Concept } from './resolve-query.js';
import type { AbstainReason } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** Share of the question's weight its matched words must carry. */
export const MIN_COVERAGE = 0.5;

/** The verdict, with the share behind it for logs and tests. */
export interface Coverage {
  answerable: boolean;
  reason?: AbstainReason;
  /** Sum of the weights of matched concepts over the sum of all concepts' weights. */
  coverage: number;
}

/**
 * The rule: answer only when (1) no unmatched word was typed as a name or a figure, (2) at least one matched
 * concept is specific (not in most passages), and (3) matched concepts carry at least half the question's weight.
 * A concept weighs its inverse document frequency, times how surely it matched, halved for the story's names;
 * an unknown word weighs as much as the rarest known one.
 */
export function judgeCoverage(concepts: readonly Concept[], vocabulary: Vocabulary): Coverage {
  if (concepts.length === 0) return { answerable: false, reason: 'empty', coverage: 0 };
  if (concepts.some((c) => c.alternatives.length === 0 && c.namelike)) {
    return { answerable: false, reason: 'unknown-name', coverage: 0 };
  }
  let matched = 0;
  let total = 0;
  for (const concept of concepts) {
    if (concept.alternatives.length === 0) {
      total += conceptWeight(concept, vocabulary);
      continue;
    }
    const weight = coverageWeight(concept, vocabulary);
    total += weight;
    matched += weight;
  }
  const coverage = matched / total;
  const answerable = concepts.some((c) => isSpecific(c, vocabulary)) && coverage >= MIN_COVERAGE;
  return answerable ? { answerable, coverage } : { answerable, reason: 'not-covered', coverage };
}
