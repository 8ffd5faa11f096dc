// What the "Share in channel" button carries: enough to rebuild the same reply when it is clicked.
import { SLACK_LIMITS } from './slack-message.js';

/** The action id of the Share button. */
export const SHARE_ACTION_ID = 'share_in_channel';

/** The reply to share: an answer to a question, the summary, or the help. */
export type ShareValue = { kind: 'answer'; question: string } | { kind: 'summary' };

/** Encodes a share value for a button (at most 2,000 characters). */
export function encodeShareValue(value: ShareValue): string {
  if (value.kind === 'summary') return JSON.stringify(value);
  return JSON.stringify({ kind: 'answer', question: value.question.slice(0, SLACK_LIMITS.buttonValue - 64) });
}

/** Decodes a button value; undefined when it is not one of ours. */
export function decodeShareValue(text: string | undefined): ShareValue | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<{ kind: string; question: unknown }>;
    if (value.kind === 'summary') return { kind: 'summary' };
    if (value.kind === 'answer' && typeof value.question === 'string') return { kind: 'answer', question: value.question };
  } catch {
    // Not JSON: not a value this app made.
  }
  return undefined;
}
