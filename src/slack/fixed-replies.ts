// The replies that do not depend on a question, built once from the knowledge (and the summary).
import type { Knowledge } from '../knowledge/index.js';
import { button, context, header, section } from './format/blocks.js';
import { bullets, escapeText } from './format/escape.js';
import { greetingMessage, helpMessage } from './format/help-message.js';
import { encodeShareValue, SHARE_ACTION_ID } from './format/share-value.js';
import { withinLimits, type SlackMessage } from './format/slack-message.js';
import type { FixedReplies } from './listeners/deps.js';

/** Builds the fixed replies; `summary` renders the briefing summary. */
export function fixedReplies(knowledge: Knowledge, summary: () => SlackMessage = () => faqSummary(knowledge)): FixedReplies {
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

/** A stand-in summary: the document titles and their FAQ questions. */
export function faqSummary(knowledge: Knowledge): SlackMessage {
  const lead = knowledge.documents[0];
  const questions = knowledge.passages.flatMap((p) => (p.question ? [p.question] : []));
  const blocks = [
    header(lead?.title ?? 'Briefing'),
    section(`*Ask me:*\n${bullets(questions.map(escapeText))}`),
    context(`Source: ${escapeText(lead?.sources.join(', ') ?? '')}`),
  ];
  return withinLimits({ text: escapeText(`${lead?.title ?? 'Briefing'}. Ask me: ${questions.join(' / ')}`), blocks });
}
