// The summary as plain text: for the terminal and as the fallback text of the Slack message.
import type { Summary } from './types.js';

/** Plain text: headline, key points as bullets, what to ask, the source, the other articles. */
export function summaryText(summary: Summary): string {
  return [
    ...(summary.unchanged ? ['No new articles since the last post: the briefing as it stands.', ''] : []),
    `Briefing${summary.isNew ? ' (new)' : ''}: ${summary.headline}${summary.date ? ` (${summary.date})` : ''}`,
    '',
    'Key points:',
    ...summary.keyPoints.map((p) => `• ${p.text}`),
    ...(summary.askMe.length > 0 ? ['', 'Ask me:', ...summary.askMe.map((q) => `• ${q}`)] : []),
    '',
    `Source: ${summary.source || summary.file}`,
    ...(summary.also.length > 0 ? ['', 'Also in the briefing:', ...alsoLines(summary)] : []),
  ].join('\n');
}

/** The other articles, one line each: title, date, and whether it is new since the last post. */
export function alsoLines(summary: Summary): string[] {
  return [
    ...summary.also.map((a) => `• ${a.isNew ? '(new) ' : ''}${a.title}${a.date ? ` (${a.date})` : ''}`),
    ...(summary.more > 0 ? [`• and ${summary.more.toLocaleString('en-US')} more (/briefing list)`] : []),
  ];
}
