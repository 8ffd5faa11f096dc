// Slack's assistant panel end to end (signed HTTP requests and Socket Mode envelopes) over two articles: prompts set
// and each answered, a status while answering, one answer per message even when Slack redelivers, the title set once,
// and follow-ups read from the thread as Slack serves it back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app/start-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { ANSWERING_STATUS } from '../../src/slack/listeners/assistant/briefing-assistant.js';
import { webApiFetch } from '../../src/slack/web-api-fetch.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { slackTs, startFakeSlack, type ApiCall, type FakeSlack } from '../helpers/fake-slack.js';
import { startFakeSocketMode, type FakeSocketMode } from '../helpers/fake-socket-mode.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { APP_TOKEN, BOT_TOKEN, eventEnvelope, sendSigned } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';

const RENT = 'mill-harbor-rent-cap-vote.txt';
const RENT_TEXT = readFileSync(new URL(`../eval/followups/${RENT}`, import.meta.url), 'utf8');
const PANEL = 'D0PANEL';
let sequence = 0;
// A millisecond ahead: a message sent now comes after every reply the fake has already taken, as in Slack.
const nowTs = (): string => slackTs(Date.now() + 1, (sequence += 1));

const threadStarted = (threadTs: string, viewing = 'C0SUMMARY') =>
  eventEnvelope({ type: 'assistant_thread_started', assistant_thread: { user_id: 'U111', channel_id: PANEL, thread_ts: threadTs, context: { channel_id: viewing, team_id: 'T111' } }, event_ts: nowTs() });
const panelMessage = (threadTs: string, text: string) => eventEnvelope({ type: 'message', channel_type: 'im', channel: PANEL, user: 'U111', text, ts: nowTs(), thread_ts: threadTs });

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

describe('the assistant panel over HTTP', () => {
  let bot: HttpBot;
  beforeAll(async () => {
    bot = await startHttpBot(fake, { KNOWLEDGE_DIR: tempDir({ [SEED_FILE]: SEED_TEXT, [RENT]: RENT_TEXT }), SUMMARY_CHANNEL: 'C0SUMMARY', SUMMARY_TIME: '03:00' });
  }, 30_000);
  afterAll(async () => {
    await bot.bot.stop();
  });
  const inThread = (threadTs: string): ApiCall[] => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === PANEL && c.body.thread_ts === threadTs);

  it('a new thread: a greeting naming the newest article and the daily post, then prompts the bot answers', async () => {
    const threadTs = nowTs();
    expect((await sendSigned(bot.eventsUrl, threadStarted(threadTs))).status).toBe(200);
    const prompts = await fake.waitFor('assistant.threads.setSuggestedPrompts', (c) => c.body.thread_ts === threadTs);
    const greeting = inThread(threadTs)[0];
    expect(String(greeting?.body.text)).toMatch(/The newest is \*.+\*/u);
    expect(String(greeting?.body.text)).toContain('The daily summary is posted in this channel (<#C0SUMMARY>) at 03:00 (UTC) every day.');
    const list = prompts.body.prompts as { title: string; message: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(4);
    for (const prompt of list) expect(bot.bot.live.engine.answer(prompt.message).outcome).toBe('answer');
  });

  it('a message: the status first, then one answer in the thread, the title set once; a redelivery changes nothing', async () => {
    const threadTs = nowTs();
    await sendSigned(bot.eventsUrl, threadStarted(threadTs));
    await fake.waitFor('assistant.threads.setSuggestedPrompts', (c) => c.body.thread_ts === threadTs);
    const first = panelMessage(threadTs, 'who voted against the rent cap in mill harbor');
    await sendSigned(bot.eventsUrl, first);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs && inThread(threadTs).length >= 2);
    const reply = inThread(threadTs)[1] as ApiCall;
    const status = fake.callsTo('assistant.threads.setStatus').find((c) => c.body.thread_ts === threadTs);
    expect(status?.body.status).toBe(ANSWERING_STATUS);
    expect(status?.at).toBeLessThanOrEqual(reply.at);
    expect(JSON.stringify(reply.body.blocks)).toContain('Mill Harbor');
    await sendSigned(bot.eventsUrl, first, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await sendSigned(bot.eventsUrl, panelMessage(threadTs, 'when does the rent cap take effect'));
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs && inThread(threadTs).length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inThread(threadTs)).toHaveLength(3);
    const titles = fake.callsTo('assistant.threads.setTitle').filter((c) => c.body.thread_ts === threadTs);
    expect(titles.map((c) => c.body.title)).toEqual(['who voted against the rent cap in mill harbor']);
  });

  it('"tell me more" in the thread: the next passages on its question, read from the thread, none it quoted', async () => {
    const threadTs = nowTs();
    await sendSigned(bot.eventsUrl, panelMessage(threadTs, 'how much can landlords raise the rent under the cap'));
    const first = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs);
    const quoted = (first.body.metadata as { event_payload: { passage?: string } }).event_payload.passage;
    expect(quoted).toMatch(/^mill-harbor-rent-cap-vote#/u);
    await sendSigned(bot.eventsUrl, panelMessage(threadTs, 'tell me more'));
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs && inThread(threadTs).length >= 2);
    const more = inThread(threadTs)[1];
    expect(fake.callsTo('conversations.replies').some((c) => c.body.ts === threadTs)).toBe(true);
    const payload = (more?.body.metadata as { event_payload: { question: string; passage?: string; doc?: string } }).event_payload;
    expect(payload.question).toBe('how much can landlords raise the rent under the cap');
    expect(payload.doc).toBe('mill-harbor-rent-cap-vote');
    expect(payload.passage).not.toBe(quoted);
  });

  it('in a DM thread that is not the panel’s: answered the same, the mention taken out, no status or title', async () => {
    const threadTs = nowTs();
    const statuses = fake.callsTo('assistant.threads.setStatus').length;
    await sendSigned(bot.eventsUrl, panelMessage(threadTs, '<@UBOT> how much can landlords raise the rent under the cap'));
    const reply = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs);
    expect((reply.body.metadata as { event_payload: { question: string } }).event_payload.question).toBe('how much can landlords raise the rent under the cap');
    expect(fake.callsTo('assistant.threads.setStatus').length).toBe(statuses);
    expect(fake.callsTo('assistant.threads.setTitle').some((c) => c.body.thread_ts === threadTs)).toBe(false);
  });

  it('a follow-up that stands on its own is answered on its own', async () => {
    const threadTs = nowTs();
    await sendSigned(bot.eventsUrl, panelMessage(threadTs, 'how much can landlords raise the rent under the cap'));
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs);
    const before = fake.callsTo('conversations.replies').length;
    await sendSigned(bot.eventsUrl, panelMessage(threadTs, 'what is the belt and road initiative'));
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs && inThread(threadTs).length >= 2);
    expect(fake.callsTo('conversations.replies').length).toBe(before);
    expect((inThread(threadTs)[1]?.body.metadata as { event_payload: { doc?: string } }).event_payload.doc).toBe(SEED_FILE.replace(/\.txt$/u, ''));
  });
});

describe('the assistant panel over Socket Mode', () => {
  let socket: FakeSocketMode;
  let bot: RunningBot;
  beforeAll(async () => {
    socket = await startFakeSocketMode(fake);
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, STATE_DIR: tempDir(), KNOWLEDGE_DIR: tempDir({ [SEED_FILE]: SEED_TEXT, [RENT]: RENT_TEXT }) });
    bot = await startBot(config, { logger: captureLogger().logger, clientOptions: { retryConfig: { retries: 0 }, fetch: webApiFetch(2_000) } });
    await bot.ready;
    await socket.waitForConnections(1);
  }, 30_000);
  afterAll(async () => {
    await bot.stop();
    await socket.close();
  });

  it('acks the envelopes; sets prompts for a new thread and answers a message in it', async () => {
    const threadTs = nowTs();
    socket.send({ envelope_id: 'as-1', payload: threadStarted(threadTs, 'C0OTHER'), type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    await socket.waitForAck('as-1');
    await fake.waitFor('assistant.threads.setSuggestedPrompts', (c) => c.body.thread_ts === threadTs);
    socket.send({ envelope_id: 'as-2', payload: panelMessage(threadTs, 'what did the council vote on'), type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    await socket.waitForAck('as-2');
    const replies = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === threadTs && c.body.channel === PANEL && fake.callsTo('chat.postMessage').filter((p) => p.body.thread_ts === threadTs).length >= 2);
    expect(replies).toBeTruthy();
    expect(fake.callsTo('assistant.threads.setStatus').some((c) => c.body.thread_ts === threadTs)).toBe(true);
  });
});
