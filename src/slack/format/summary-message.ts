// Renders the briefing summary as Block Kit: header, key points, what to ask, source; plus its plain text.
import { summaryText, type Summary } from '../../summary/index.js';
import { context, header, section } from './blocks.js';
import { bullets, escapeText } from './escape.js';
import { withinLimits, type SlackMessage } from './slack-message.js';

/** The summary message, as `/briefing` shows it and the daily post sends it. */
export function summaryMessage(summary: Summary): SlackMessage {
  const blocks = [
    header(summary.headline),
    section(`*Key points*\n${bullets(summary.keyPoints.map((p) => escapeText(p.text)))}`),
    ...(summary.askMe.length > 0
      ? [section(`*Ask me* (mention me with a question, here or in this thread)\n${bullets(summary.askMe.map(escapeText))}`)]
      : []),
    context(`Source: ${escapeText(summary.source || summary.file)}`),
  ];
  return withinLimits({ text: escapeText(summaryText(summary)), blocks });
}
