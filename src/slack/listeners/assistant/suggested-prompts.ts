// The assistant panel's suggested prompts: questions the knowledge in service answers, newest article first, each
// checked against the engine (never written by hand), worked out once per version of the knowledge.
import { newestFirst, type Knowledge } from '../../../knowledge/index.js';
import { questionsToTry, type AnswerEngine } from '../../../answers/index.js';

/** Slack shows at most four prompts. */
export const MAX_PROMPTS = 4;
/** Longest prompt title Slack shows whole. */
const TITLE_LENGTH = 60;

/** A suggested prompt: the title Slack shows, and the question sent when it is picked. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

/**
 * For the assistant listener: up to four prompts the engine answers from its knowledge, two per article at most,
 * worked out once per version of the knowledge (remembered for the listener's lifetime).
 */
export function suggestedPrompts(): (engine: AnswerEngine) => SuggestedPrompt[] {
  const known = new WeakMap<Knowledge, SuggestedPrompt[]>();
  return function promptsFor(engine) {
    const knowledge = engine.knowledge;
    const cached = known.get(knowledge);
    if (cached) return cached;
    const prompts: SuggestedPrompt[] = [];
    for (const document of newestFirst(knowledge.documents).slice(0, MAX_PROMPTS)) {
      for (const question of questionsToTry(document, engine, { max: 2 })) {
        if (prompts.length < MAX_PROMPTS) prompts.push({ title: question.length > TITLE_LENGTH ? `${question.slice(0, TITLE_LENGTH - 1)}…` : question, message: question });
      }
      if (prompts.length >= MAX_PROMPTS) break;
    }
    // While the index is still being read no question is answered: nothing is remembered until one is.
    if (prompts.length > 0) known.set(knowledge, prompts);
    return prompts;
  };
}
