// What the console says first: where you are, how to ask, how to connect to Slack.
import { describeTitles, newestFirst, type Knowledge } from '../../../knowledge/index.js';
import { exampleQuestions } from '../../format/help-message.js';

/** The banner, naming the knowledge it answers from, with an example question from it. */
export function consoleBanner(knowledge: Knowledge): string {
  const titles = newestFirst(knowledge.documents).map((d) => d.title);
  const example = (exampleQuestions(knowledge, 1)[0] ?? 'what is this about?').toLowerCase();
  return [
    'briefing-bot · local console',
    '',
    'No Slack settings were found (SLACK_BOT_TOKEN is not set), so this is the local console: the same app and',
    'listeners as in Slack, with Slack played here. Nothing is sent anywhere.',
    `Knowledge: ${describeTitles(titles)}`,
    '',
    `Ask a question as you would @-mention the bot, e.g.  ${example}`,
    'Commands: /briefing (the summary)  /briefing <question>  /briefing help  /list (the articles)  /home (the Home tab)',
    '          /good  /bad (rate the last answer)  /gaps (what was not answered)  /summary (the daily post)  /share  /quit',
    '          /assistant (the assistant panel)  /new (a new thread: follow-ups like "why?" are read with the thread)',
    '          /add <file> (an article from a file)  /briefing add <link>  /briefing remove <article>',
    '',
    'To connect to Slack: copy .env.example to .env, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN, and run npm start',
    'again (README.md, "Connect to Slack in five minutes").',
    '',
  ].join('\n');
}
