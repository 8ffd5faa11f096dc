// The one decision: each candidate's confidence from its features, the most confident first, and what to do with the
// question: answer it, say it is not sure and show the candidates, or say the briefing does not cover it.
import type { Candidate } from './candidates.js';
import type { DecisionDefaults } from './decision-defaults.js';
import { FEATURE_NAMES, type FeatureName } from './features.js';

/** What the bot does with a question. */
export type Outcome = 'answer' | 'not-sure' | 'not-covered';

/** One feature's part in a confidence: its value times its weight (the trace `--explain` prints). */
export interface TraceTerm {
  feature: FeatureName | 'bias';
  value: number;
  weight: number;
}

/** A candidate and how sure the bot is that it answers the question. */
export interface ScoredCandidate {
  candidate: Candidate;
  /** The chance that this passage answers the question, in [0, 1]. */
  confidence: number;
}

/** The decision on one question. */
export interface Decision {
  outcome: Outcome;
  /** The best candidate's confidence (0 with none). */
  confidence: number;
  /** Every candidate, most confident first. */
  ranked: ScoredCandidate[];
  /** How the best candidate's confidence was made: the bias, then each feature's value × weight. */
  trace: TraceTerm[];
}

/**
 * The confidence of one candidate: the logistic of the bias plus each feature times its weight, at most
 * `typeMissCap` for a passage that does not state the kind of answer asked for.
 */
export function confidenceOf(candidate: Candidate, defaults: DecisionDefaults): number {
  let z = defaults.bias;
  for (const name of FEATURE_NAMES) z += defaults.weights[name] * candidate.features[name];
  const confidence = 1 / (1 + Math.exp(-z));
  return candidate.features.typeMiss > 0 ? Math.min(confidence, defaults.typeMissCap) : confidence;
}

/** Weighs every candidate and decides: answer at {@link DecisionDefaults.answerAt}, not sure from `notSureAt`, else not covered. */
export function decide(candidates: readonly Candidate[], defaults: DecisionDefaults): Decision {
  const ranked = candidates
    .map((candidate) => ({ candidate, confidence: confidenceOf(candidate, defaults) }))
    .sort((a, b) => b.confidence - a.confidence || a.candidate.position - b.candidate.position);
  const top = ranked[0];
  const confidence = top?.confidence ?? 0;
  const outcome: Outcome = !top ? 'not-covered' : confidence >= defaults.answerAt ? 'answer' : confidence >= defaults.notSureAt ? 'not-sure' : 'not-covered';
  const trace: TraceTerm[] = top
    ? [{ feature: 'bias', value: 1, weight: defaults.bias }, ...FEATURE_NAMES.map((feature) => ({ feature, value: top.candidate.features[feature], weight: defaults.weights[feature] }))]
    : [];
  return { outcome, confidence, ranked, trace };
}
