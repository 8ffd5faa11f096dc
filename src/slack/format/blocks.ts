// Small builders for the Block Kit blocks this app uses.
import type { types } from '@slack/bolt';

/** A section of mrkdwn text. */
export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A context line of mrkdwn text. */
export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** A header (plain text). */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

/** A row of one button. */
export function button(actionId: string, label: string, value: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: actionId, text: { type: 'plain_text', text: label, emoji: true }, value }],
  };
}
