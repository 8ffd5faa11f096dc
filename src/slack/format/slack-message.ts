// A Slack message as this app sends it (Block Kit plus plain-text fallback), and Slack's limits on it.
import type { types } from '@slack/bolt';
import { cutAtWord } from '../../answers/index.js';

/** Block Kit blocks and the plain-text fallback Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Slack's limits for a message (docs.slack.dev, Block Kit reference; chat.postMessage). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  contextElementText: 3000,
  contextElements: 10,
  headerText: 150,
  buttonValue: 2000,
  text: 4000,
} as const;

/** Cuts `text` to `max` characters at a word boundary (within the last fifth), with an ellipsis, when it is longer. */
export function clamp(text: string, max: number): string {
  return cutAtWord(text, max, 0.8);
}

/** Enforces Slack's limits on a whole message: block count, section and context text, fallback length. */
export function withinLimits(message: SlackMessage): SlackMessage {
  const blocks = message.blocks.slice(0, SLACK_LIMITS.blocksPerMessage).map((block): types.KnownBlock => {
    if (block.type === 'section' && block.text) {
      return { ...block, text: { ...block.text, text: clamp(block.text.text, SLACK_LIMITS.sectionText) } };
    }
    if (block.type === 'context') {
      const elements = block.elements.slice(0, SLACK_LIMITS.contextElements).map((e) =>
        e.type === 'mrkdwn' || e.type === 'plain_text' ? { ...e, text: clamp(e.text, SLACK_LIMITS.contextElementText) } : e,
      );
      return { ...block, elements };
    }
    if (block.type === 'header') return { ...block, text: { ...block.text, text: clamp(block.text.text, SLACK_LIMITS.headerText) } };
    return block;
  });
  return { text: clamp(message.text, SLACK_LIMITS.text), blocks };
}
