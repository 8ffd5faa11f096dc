// What the console says first: where you are, how to ask, how to connect to Slack.
import { describeTitles } from '../knowledge/index.js';

/** The banner, naming the knowledge it answers from. */
export function consoleBanner(titles: readonly string[]): string {
  return [
    'briefing-bot · local console',
    '',
    'No Slack settings were found (SLACK_BOT_TOKEN is not set), so this is the local console: the same app and',
    'listeners as in Slack, with Slack played here. Nothing is sent anywhere.',
    `Knowledge: ${describeTitles(titles)}`,
    '',
    'Ask a question as you would @-mention the bot, e.g.  why is putin going to beijing?',
    'Commands: /briefing (the summary)  /briefing <question>  /briefing help  /summary (the daily post)  /share  /quit',
    '',
    'To connect to Slack: copy .env.example to .env, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN, and run npm start',
    'again (README.md, "Connect to Slack in five minutes").',
    '',
  ].join('\n');
}
