// The bot's Home tab: today's summary, the articles, three questions to try and how to ask; built from the knowledge
// each time a person opens it.
import type { types } from '@slack/bolt';
import type { Knowledge } from '../../knowledge/index.js';
import type { Summary } from '../../summary/index.js';
import { context, header, section } from './blocks.js';
import { bullets, escapeText } from './escape.js';
import { exampleQuestions } from './help-message.js';
import { articleLines } from './list-message.js';
import { withinLimits } from './slack-message.js';
import { summaryMessage } from './summary-message.js';

/** A Home tab view, as `views.publish` takes it. */
export interface HomeView {
  type: 'home';
  blocks: types.KnownBlock[];
}

/** Slack's limit on a Home tab's blocks. */
export const HOME_BLOCKS = 100;
const divider: types.DividerBlock = { type: 'divider' };

/** The Home tab for the knowledge in service. */
export function homeView(knowledge: Knowledge, summary: Summary): HomeView {
  const { blocks: summaryBlocks } = summaryMessage({ ...summary, also: [], more: 0 });
  const articles = articleLines(knowledge, 15);
  const blocks: types.KnownBlock[] = [
    ...summaryBlocks,
    divider,
    header(`Articles in the briefing (${knowledge.documents.length.toLocaleString('en-US')})`),
    ...articles.map((line) => section(line)),
    divider,
    section(`*Try asking*\n${bullets(exampleQuestions(knowledge, 3).map(escapeText))}`),
    section(
      `*How to ask*\n${bullets([
        'Mention me in a channel with a question: I answer in the thread.',
        'Send me a direct message with a question (the Messages tab).',
        '`/briefing` shows this summary, `/briefing <question>` answers, `/briefing list` lists the articles, `/briefing help` explains.',
      ])}`,
    ),
    context('Every answer quotes the briefing and says where it comes from; if the briefing does not cover a question, I say so.'),
  ];
  return { type: 'home', blocks: withinLimits({ text: '', blocks: blocks.slice(0, HOME_BLOCKS) }).blocks };
}
