// Renders the briefing summary as Block Kit: header, key points, what to ask, source, the other articles; plus its
// plain text.
import { summaryText, type Summary } from '../../summary/index.js';
import { context, header, section } from './blocks.js';
import { bullets, escapeText } from './escape.js';
import { withinLimits, type SlackMessage } from './slack-message.js';

/** The summary message, as `/briefing` shows it and the daily post sends it. */
export function summaryMessage(summary: Summary): SlackMessage {
  const also = [
    ...summary.also.map((a) => `${a.isNew ? '*New:* ' : ''}${escapeText(a.title)}${a.date ? ` (${a.date})` : ''}`),
    ...(summary.more > 0 ? [`and ${summary.more.toLocaleString('en-US')} more: \`/briefing list\``] : []),
  ];
  const blocks = [
    ...(summary.unchanged ? [context('No new articles since the last post: here is the briefing as it stands.')] : []),
    header(summary.headline),
    ...(summary.isNew || summary.date ? [context([summary.isNew ? '*New since the last post*' : '', summary.date ?? ''].filter(Boolean).join(' · '))] : []),
    section(`*Key points*\n${bullets(summary.keyPoints.map((p) => escapeText(p.text)))}`),
    ...(summary.askMe.length > 0
      ? [section(`*Ask me* (mention me with a question, here or in this thread)\n${bullets(summary.askMe.map(escapeText))}`)]
      : []),
    context(`Source: ${escapeText(summary.source || summary.file)}`),
    ...(also.length > 0 ? [section(`*Also in the briefing*\n${bullets(also)}`)] : []),
  ];
  return withinLimits({ text: escapeText(summaryText(summary)), blocks });
}
