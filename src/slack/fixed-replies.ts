// The replies that do not depend on a question, built once from the knowledge and the summary.
import type { Knowledge } from '../knowledge/index.js';
import { button } from './format/blocks.js';
import { greetingMessage, helpMessage } from './format/help-message.js';
import { encodeShareValue, SHARE_ACTION_ID } from './format/share-value.js';
import type { SlackMessage } from './format/slack-message.js';
import type { FixedReplies } from './listeners/deps.js';

/** Builds the fixed replies; `summary` renders the briefing summary. */
export function fixedReplies(knowledge: Knowledge, summary: () => SlackMessage): FixedReplies {
  const help = helpMessage(knowledge);
  const greeting = greetingMessage(knowledge);
  return {
    summary: ({ shareable = false } = {}) => {
      const message = summary();
      if (!shareable) return message;
      return { ...message, blocks: [...message.blocks, button(SHARE_ACTION_ID, 'Share in channel', encodeShareValue({ kind: 'summary' }))] };
    },
    help: () => help,
    greeting: () => greeting,
  };
}
