// The baseline for the HTTP bench: a bare Bolt app (same Bolt version) that acks a mention and posts a fixed reply.
import { App, LogLevel } from '@slack/bolt';

const [apiUrl = '', signingSecret = '', token = '', port = '0'] = process.argv.slice(2);
const app = new App({ token, signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } } });
app.event('app_mention', async ({ event, say }) => {
  await say({ text: 'Fixed reply.', thread_ts: event.ts });
});
await app.start(Number(port));
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
