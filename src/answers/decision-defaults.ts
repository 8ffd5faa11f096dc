// Every weight and threshold of the answer-or-decline decision, in one object callers can read back.
import type { CandidateLimits } from './candidates.js';
import type { FeatureName } from './features.js';
import fitted from './fitted-decision.json' with { type: 'json' };
import fittedFused from './fitted-fused-decision.json' with { type: 'json' };

/** The decision's settings: how features combine into a confidence, and where the outcomes change. */
export interface DecisionDefaults {
  /** Each feature's weight in the confidence's logit (see features.ts for what each measures). */
  weights: Readonly<Record<FeatureName, number>>;
  /** The logit's constant. */
  bias: number;
  /**
   * Highest confidence of a passage that does not state the kind of answer the question asks for (`typeMiss`: a "when"
   * with no time, a "how old" with no age). Such passages are almost never right (21 of 2,400 on the development
   * sets), but a linear weight cannot say "whatever else holds"; the cap can.
   */
  typeMissCap: number;
  /** Confidence at or above which the best candidate is quoted as the answer. */
  answerAt: number;
  /** Confidence at or above which (below `answerAt`) the bot says it is not sure and shows its best candidates. */
  notSureAt: number;
  /**
   * Below `notSureAt` the briefing does not cover the question; the closest passages are still offered when the best
   * is at least this confident and holds a word of the question itself (chatter gets none).
   */
  offerAt: number;
  /** How many candidates are weighed, from how many articles. */
  limits: CandidateLimits;
  /** Candidates shown when not sure, and related passages shown under an answer. */
  shown: number;
}

/**
 * Hand-set weights, kept to compare the fit against: the passage and its article covering the question (the words
 * themselves most), leading the other candidates, words used alike, the kind of answer asked for, and nothing named
 * that the article never mentions.
 */
export const HAND_SET_WEIGHTS: Readonly<Record<FeatureName, number>> = {
  passageCoverage: 4,
  ordinaryCoverage: 2,
  missedWords: -0.5,
  literalCoverage: 0,
  looseShare: -1,
  rarestHeld: 1,
  documentBehind: -2,
  margin: 2,
  closeness: 0.5,
  similarity: 3,
  documentSimilarity: -2,
  unvectored: 1,
  softCredit: 2,
  typeFit: 0,
  typeExact: 1,
  typeMiss: -2,
  faqMatch: 1.5,
  unknownName: -4,
  oneWord: -1,
  personal: -1,
  firstRanked: 0.5,
  meaning: 0,
  meaningLead: 0,
};

/** The decision with the hand-set weights (kept to compare the fit against). */
export const HAND_SET_DECISION: DecisionDefaults = {
  weights: HAND_SET_WEIGHTS,
  bias: -6,
  typeMissCap: 0.2,
  answerAt: 0.6,
  notSureAt: 0.33,
  offerAt: 0.3,
  limits: { candidates: 12, documents: 3, closenessRank: 0.3, similarityRank: 0.5 },
  shown: 3,
};

/**
 * The decision as shipped: the weights and thresholds `npm run fit` fitted on the development sets (see
 * `fitted-decision.json` for what they were fitted on and how they did with each article held out).
 */
export const DECISION_DEFAULTS: DecisionDefaults = {
  ...HAND_SET_DECISION,
  weights: { ...HAND_SET_WEIGHTS, ...(fitted.weights as Partial<Record<FeatureName, number>>) },
  bias: fitted.bias,
  answerAt: fitted.answerAt,
  notSureAt: fitted.notSureAt,
  offerAt: fitted.offerAt,
};

/**
 * How many of the lexical search's best candidates the fused decision weighs when the team's embedding model is
 * configured: more than the lexical decision's, so a passage saying the question in other words can be lifted.
 */
export const FUSED_CANDIDATES = 20;

/**
 * The decision when the team's embedding model answers (`EMBEDDINGS_URL`): every lexical feature and the two meaning
 * features, fitted together by `npm run fit -- --embeddings --write` with embeddings from the evaluation's model
 * (see `fitted-fused-decision.json`), over {@link FUSED_CANDIDATES} candidates.
 */
export const FUSED_DECISION_DEFAULTS: DecisionDefaults = {
  ...HAND_SET_DECISION,
  limits: { ...HAND_SET_DECISION.limits, candidates: FUSED_CANDIDATES },
  weights: { ...HAND_SET_WEIGHTS, ...(fittedFused.weights as Partial<Record<FeatureName, number>>) },
  bias: fittedFused.bias,
  answerAt: fittedFused.answerAt,
  notSureAt: fittedFused.notSureAt,
  offerAt: fittedFused.offerAt,
};
