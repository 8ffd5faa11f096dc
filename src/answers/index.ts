// The answers module's public face: build an engine over the knowledge and ask it questions.
export { createAnswerEngine, NO_ANSWER_TEXT, NOT_SURE_TEXT, type AnswerEngine, type AnswerEngineOptions, type AnswerScope, type AvoidedPassages } from './answer-engine.js';
export { expandShorthand, normaliseQuery, MAX_QUESTION_LENGTH } from '../text/index.js';
export { cutAtWord, MAX_ANSWER_LENGTH } from './quote.js';
export { suggestionHeading } from './describe-passage.js';
export type { Answer, AnswerSource, Suggestion, AbstainReason } from './types.js';
export type { Decision, Outcome, ScoredCandidate, TraceTerm } from './decide.js';
export { DECISION_DEFAULTS, FUSED_CANDIDATES, FUSED_DECISION_DEFAULTS, HAND_SET_DECISION, type DecisionDefaults } from './decision-defaults.js';
export { meaningCosine, meaningText, passageMeaningText, type Meaning } from './meaning.js';
export { FEATURE_DESCRIPTIONS, FEATURE_NAMES, type FeatureName, type Features } from './features.js';
export { loadAnswerEngine, openAnswerEngine, type LoadedEngine } from './open-answer-engine.js';
export { questionsToTry, QUESTIONS_TO_TRY_DEFAULTS } from './questions-to-try.js';
export { answerInThread, kindOf, refined, type FollowUpKind, type ThreadAnswer, type ThreadTurn } from './follow-up.js';
export { createWarmingEngine, WARMING_UP_TEXT, type WarmingEngine } from './warming-engine.js';
