// The summary as plain text: for the terminal and as the fallback text of the Slack message.
import type { Summary } from './types.js';

/** Plain text: headline, key points as bullets, what to ask, the source. */
export function summaryText(summary: Summary): string {
  return [
    `Briefing: ${summary.headline}`,
    '',
    'Key points:',
    ...summary.keyPoints.map((p) => `• ${p.text}`),
    ...(summary.askMe.length > 0 ? ['', 'Ask me:', ...summary.askMe.map((q) => `• ${q}`)] : []),
    '',
    `Source: ${summary.source || summary.file}`,
  ].join('\n');
}
