// Starts the real bot in HTTP mode against the fake Slack, for end-to-end tests.
import { startBot, type BotOptions, type RunningBot } from '../../src/app/start-bot.js';
import { webApiFetch } from '../../src/slack/web-api-fetch.js';
import { loadConfig } from '../../src/config/config.js';
import { captureLogger } from './capture-logger.js';
import { tempDir } from './temp-dir.js';
import type { FakeSlack } from './fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';

/** A running HTTP-mode bot, its events URL and its captured logs. */
export interface HttpBot {
  bot: RunningBot;
  eventsUrl: string;
  logs: ReturnType<typeof captureLogger>;
}

/** Starts the bot on an ephemeral port, pointed at `fake`. */
export async function startHttpBot(fake: FakeSlack, env: Record<string, string> = {}, options: Partial<BotOptions> = {}): Promise<HttpBot> {
  const logs = captureLogger('debug');
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    STATE_DIR: tempDir(),
    ...env,
  });
  const bot = await startBot(config, { logger: logs.logger, clientOptions: { retryConfig: { retries: 0 }, fetch: webApiFetch(1_000) }, ...options });
  await bot.ready;
  return { bot, eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, logs };
}
