// What the 👍 / 👎 buttons and the "Ask the editors" button carry: the question and the passage the answer quoted.
import { SLACK_LIMITS } from './slack-message.js';

/** Action ids. */
export const FEEDBACK_ACTION_ID = 'answer_feedback';
export const ASK_EDITORS_ACTION_ID = 'ask_editors';

/** A click's meaning. */
export interface FeedbackValue {
  verdict: 'up' | 'down' | 'ask';
  question: string;
  passage: string | null;
}

/** Encodes a value for a button (at most 2,000 characters: the question is cut to fit). */
export function encodeFeedbackValue(value: FeedbackValue): string {
  const room = SLACK_LIMITS.buttonValue - JSON.stringify({ v: value.verdict, p: value.passage, q: '' }).length - 8;
  return JSON.stringify({ v: value.verdict, p: value.passage, q: value.question.slice(0, room) });
}

/** Decodes a button value; undefined when it is not one of ours. */
export function decodeFeedbackValue(text: string | undefined): FeedbackValue | undefined {
  try {
    const value = JSON.parse(text ?? '') as { v?: unknown; p?: unknown; q?: unknown };
    if ((value.v === 'up' || value.v === 'down' || value.v === 'ask') && typeof value.q === 'string' && (typeof value.p === 'string' || value.p === null)) {
      return { verdict: value.v, question: value.q, passage: value.p };
    }
  } catch {
    // Not JSON: not a value this app made.
  }
  return undefined;
}
