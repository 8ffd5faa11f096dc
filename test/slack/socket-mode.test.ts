// Socket Mode end to end: the app connects to a local WebSocket server playing Slack, through Bolt's real receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/start-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { webApiFetch } from '../../src/slack/web-api-fetch.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startFakeSocketMode, type FakeSocketMode } from '../helpers/fake-socket-mode.js';
import { APP_TOKEN, BOT_TOKEN, mentionEvent, slashCommand } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';
import { summaryTimeNow } from '../helpers/summary-time.js';

let fake: FakeSlack;
let socket: FakeSocketMode;
let bot: RunningBot;
const logs = captureLogger('debug');
let envelopes = 0;

function eventsApi(payload: Record<string, unknown>, retryAttempt = 0) {
  envelopes += 1;
  const envelope = { envelope_id: `env-${envelopes}`, payload, type: 'events_api', accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' };
  socket.send(envelope);
  return envelope.envelope_id;
}

beforeAll(async () => {
  fake = await startFakeSlack();
  socket = await startFakeSocketMode(fake);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    SUMMARY_CHANNEL: 'C0SUMMARY',
    SUMMARY_TIME: summaryTimeNow(),
    STATE_DIR: tempDir(),
  });
  bot = await startBot(config, { logger: logs.logger, clientOptions: { retryConfig: { retries: 0 }, fetch: webApiFetch(2_000) } });
});
afterAll(async () => {
  await bot?.stop();
  await socket?.close();
  await fake?.close();
});

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open', async () => {
    await socket.waitForConnections(1);
    const open = fake.callsTo('apps.connections.open')[0];
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('posts the daily summary (caught up at start-up) through the same client', async () => {
    const post = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0SUMMARY');
    expect(String(post.body.text)).toMatch(/^Briefing: Chinese President Xi Jinping/);
  });

  it('acks a mention envelope and answers in the thread', async () => {
    const event = mentionEvent('is china neutral on the ukraine war');
    const id = eventsApi(event);
    await socket.waitForAck(id);
    const reply = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
    expect(String(reply.body.text)).toContain('neutral peace broker');
  });

  it('acks a redelivery (retry_attempt: 1) without a second reply', async () => {
    const event = mentionEvent('is china neutral on the ukraine war');
    eventsApi(event);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
    const retry = eventsApi(event, 1);
    await socket.waitForAck(retry);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.event.ts)).toHaveLength(1);
  });

  it('acks a slash command envelope and responds ephemerally', async () => {
    envelopes += 1;
    const id = `env-${envelopes}`;
    socket.send({ envelope_id: id, type: 'slash_commands', accepts_response_payload: true, payload: Object.fromEntries(slashCommand('whats the BRI', fake.responseUrl('sm1'))) });
    await socket.waitForAck(id);
    const reply = await fake.waitFor('respond', (c) => c.body.responseId === 'sm1');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body)).toContain('Belt and Road');
  });

  it('reconnects after a disconnect (refresh_requested) and a closed socket, and keeps answering', async () => {
    const before = socket.connections.length;
    socket.send({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } });
    socket.connections.at(-1)?.close();
    await socket.waitForConnections(before + 1);
    expect(socket.urlRequests).toBeGreaterThanOrEqual(2);
    const event = mentionEvent('is china neutral on the ukraine war');
    const id = eventsApi(event);
    await socket.waitForAck(id);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
  });

  it('reconnects after the connection drops without warning', async () => {
    const before = socket.connections.length;
    socket.connections.at(-1)?.terminate();
    await socket.waitForConnections(before + 1, 15_000);
    const event = mentionEvent('sanctions');
    const id = eventsApi(event);
    await socket.waitForAck(id);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
  });

  it('logged no tokens', () => {
    expect(logs.raw()).not.toContain(APP_TOKEN);
    expect(logs.raw()).not.toContain(BOT_TOKEN);
  });
});
