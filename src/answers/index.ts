// The answers module's public face: build an engine over the knowledge and ask it questions.
export { createAnswerEngine, NO_ANSWER_TEXT, type AnswerEngine, type AnswerEngineOptions } from './answer-engine.js';
export { normaliseQuery, MAX_QUESTION_LENGTH } from './normalise-query.js';
export { MAX_ANSWER_LENGTH } from './quote.js';
export type { Answer, AnswerSource, Suggestion, AbstainReason } from './types.js';
export { openAnswerEngine } from './open-answer-engine.js';
