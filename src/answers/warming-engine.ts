// Stands in for the engine while the index is still being built, so the bot can acknowledge and reply meanwhile.
import type { Knowledge } from '../knowledge/index.js';
import type { AnswerEngine } from './answer-engine.js';
import { normaliseQuery } from './normalise-query.js';

/** The reply while warming up. */
export const WARMING_UP_TEXT = "I'm still reading the briefing. Please ask again in a few seconds.";

/** An engine that says it is warming up until `ready` hands it the real one, then delegates. */
export interface WarmingEngine extends AnswerEngine {
  ready(engine: AnswerEngine): void;
  readonly isReady: boolean;
}

/** Wraps the knowledge (already loaded) until the real engine arrives. */
export function createWarmingEngine(knowledge: Knowledge): WarmingEngine {
  let real: AnswerEngine | undefined;
  return {
    knowledge,
    get isReady() {
      return real !== undefined;
    },
    ready(engine) {
      real = engine;
    },
    answer(question) {
      if (real) return real.answer(question);
      return { answered: false, question: normaliseQuery(question), answer: WARMING_UP_TEXT, suggestions: [], reason: 'warming-up', matchedWords: [], unmatchedWords: [] };
    },
  };
}
