// The articles in the briefing, newest first: what `/briefing list` shows and the Home tab lists.
import { documentDate, newestFirst, type Knowledge } from '../../knowledge/index.js';
import { context, header, section } from './blocks.js';
import { escapeText } from './escape.js';
import { withinLimits, type SlackMessage } from './slack-message.js';
import { editorsLine } from './desk-message.js';

/** Most articles listed one by one (the rest are counted). */
export const MAX_LISTED = 20;

/** One line per article: title, date, source, passages. */
export function articleLines(knowledge: Knowledge, max = MAX_LISTED): string[] {
  const documents = newestFirst(knowledge.documents);
  const lines = documents.slice(0, max).map((d) => {
    const details = [documentDate(d), d.sources.join(', '), `${d.passages.length} passage${d.passages.length === 1 ? '' : 's'}`].filter(Boolean);
    return `*${escapeText(d.title)}*\n${escapeText(details.join(' · '))}`;
  });
  const more = documents.length - max;
  return more > 0 ? [...lines, `…and ${more.toLocaleString('en-US')} more`] : lines;
}

/** The reply to `/briefing list`, with who may add and remove articles (`editors`; none: anyone). */
export function listMessage(knowledge: Knowledge, editors?: readonly string[]): SlackMessage {
  const lines = articleLines(knowledge);
  const count = knowledge.documents.length;
  const blocks = [
    header(`Articles in the briefing (${count.toLocaleString('en-US')})`),
    ...lines.map((line) => section(line)),
    context('Newest first. Ask about any of them: `/briefing <question>`, or mention me with a question.'),
    context(editorsLine(editors)),
  ];
  const text = [`Articles in the briefing (${count}), newest first:`, ...lines.map((l) => `• ${l.replace(/\*/gu, '').replace(/\n/gu, ' — ')}`), editorsLine(editors).replace(/`/gu, '')].join('\n');
  return withinLimits({ text, blocks });
}
