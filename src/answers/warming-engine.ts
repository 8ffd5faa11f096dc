// Stands in for the engine: while the index is still being built it says so (the bot acknowledges and replies
// meanwhile), then it hands each question to the engine of the moment, which is switched whole when the knowledge
// changes (a question is answered wholly from the old knowledge or wholly from the new).
import type { Knowledge } from '../knowledge/index.js';
import type { AnswerEngine } from './answer-engine.js';
import type { Answer } from './types.js';
import { normaliseQuery } from '../text/index.js';

/** The reply while warming up. */
export const WARMING_UP_TEXT = "I'm still reading the briefing. Please ask again in a few seconds.";

/** An engine that says it is warming up until `ready` hands it the real one, then delegates to the latest one. */
export interface WarmingEngine extends AnswerEngine {
  /** Puts `engine` in service (the first time: the end of warming up; later: the knowledge changed). */
  ready(engine: AnswerEngine): void;
  readonly isReady: boolean;
}

/** Wraps the knowledge (already loaded) until the real engine arrives. */
export function createWarmingEngine(knowledge: Knowledge): WarmingEngine {
  let real: AnswerEngine | undefined;
  return {
    get knowledge() {
      return real?.knowledge ?? knowledge;
    },
    get isReady() {
      return real !== undefined;
    },
    ready(engine) {
      real = engine;
    },
    explain(question, scope) {
      return real ? real.explain(question, scope) : { answer: notReady(normaliseQuery(question)), decision: { outcome: 'not-covered', confidence: 0, ranked: [], trace: [] } };
    },
    answer(question, scope) {
      if (real) return real.answer(question, scope);
      return notReady(normaliseQuery(question));
    },
  };
}

// The reply while the index is being built.
const notReady = (question: string): Answer => ({
  answered: false,
  outcome: 'not-covered',
  confidence: 0,
  trace: [],
  question,
  answer: WARMING_UP_TEXT,
  suggestions: [],
  reason: 'warming-up',
  matchedWords: [],
  unmatchedWords: [],
});
