// The help reply: what the bot does, how to ask, and example questions from the knowledge.
import { describeTitles, newestFirst, type Knowledge } from '../../knowledge/index.js';
import { context, header, section } from './blocks.js';
import { bullets, escapeText } from './escape.js';
import { withinLimits, type SlackMessage } from './slack-message.js';

/** Example questions from the knowledge: its FAQ questions, newest article first; for an article with none, one about its title. */
export function exampleQuestions(knowledge: Knowledge, max = 5): string[] {
  const documents = newestFirst(knowledge.documents);
  const faq = documents.flatMap((d) => d.passages.flatMap((p) => (p.question ? [p.question] : [])));
  const titles = documents.filter((d) => !d.passages.some((p) => p.question)).map((d) => `What is the latest on ${d.title.replace(/[.…]+$/u, '')}?`);
  return [...faq, ...titles].slice(0, max);
}

/** Usage help, built from the knowledge it answers from. */
export function helpMessage(knowledge: Knowledge): SlackMessage {
  const titles = escapeText(describeTitles(newestFirst(knowledge.documents).map((d) => d.title)));
  const examples = exampleQuestions(knowledge).map(escapeText);
  const example = examples[0] ?? 'what is this about?';
  const howTo = bullets([
    '`/briefing` shows the briefing summary (only to you, with a button to share it).',
    `\`/briefing &lt;question&gt;\` answers a question, e.g. \`/briefing ${example}\``,
    '`/briefing list` lists the articles in the briefing, newest first.',
    'Mention me in a channel with a question and I answer in the thread.',
    'Send me a direct message with a question.',
    'Editors: `/briefing add &lt;link&gt;` or a file shared with me in a DM adds an article; `/briefing remove &lt;name&gt;` takes one out.',
  ]);
  const blocks = [
    header('Briefing bot'),
    section(`I brief the team on the news and answer questions about it, quoting the articles and citing where each answer comes from. If the briefing does not cover something, I say so instead of guessing.\n\n*Knowledge:* ${titles}`),
    section(`*How to ask*\n${howTo}`),
    section(`*Try asking*\n${bullets(examples)}`),
    context('Short questions in your own words work: typos, lower case, chat shorthand and acronyms are fine.'),
  ];
  const text = `Briefing bot: ask with /briefing <question>, by mentioning me, or in a DM. Try: ${exampleQuestions(knowledge).join(' / ')}`;
  return withinLimits({ text: escapeText(text), blocks });
}

/** The reply to a mention with no question. */
export function greetingMessage(knowledge: Knowledge): SlackMessage {
  const example = exampleQuestions(knowledge, 1)[0] ?? 'What is this story about?';
  const text = `Hi! Ask me about the briefing: mention me with a question, e.g. “${example}”. For the summary, use /briefing.`;
  return withinLimits({ text: escapeText(text), blocks: [section(escapeText(text))] });
}

/** The short apology when something failed on our side. */
export function apologyMessage(): SlackMessage {
  const text = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
  return { text, blocks: [section(text)] };
}
