// End to end through Bolt's real HTTP receiver: signed requests in, calls to a fake Slack Web API out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../src/slack/format/share-value.js';
import { startFakeSlack, type ApiCall, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { summaryTimeNow } from '../helpers/summary-time.js';
import { tempDir } from '../helpers/temp-dir.js';
import {
  BOT_TOKEN, buttonPress, dmEvent, eventEnvelope, mentionEvent, sendSigned, signature, SIGNING_SECRET, slashCommand,
} from '../helpers/slack-requests.js';

let fake: FakeSlack;
let running: HttpBot;
const send = (payload: Parameters<typeof sendSigned>[1], options?: Parameters<typeof sendSigned>[2]) =>
  sendSigned(running.eventsUrl, payload, options);
const textOf = (call: ApiCall): string => String(call.body.text);
const blocksOf = (call: ApiCall) => call.body.blocks as { type: string; text?: { text: string }; elements?: { text?: string; value?: string; action_id?: string }[] }[];
const allText = (call: ApiCall): string => JSON.stringify(call.body);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  fake = await startFakeSlack();
  running = await startHttpBot(fake, {}, { replies: { waitMs: 200 } });
});
afterAll(async () => {
  await running.bot.stop();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

// A signed request with any body, as a sender that signs what it sends would make it.
async function sendRaw(body: string, contentType: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(running.eventsUrl, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(body, timestamp) },
    body,
    signal: AbortSignal.timeout(2_000),
  });
  return response.status;
}

describe('request verification', () => {
  it('answers a signed body that is JSON but not an object with 400 at once, and keeps answering', async () => {
    for (const body of ['null', '42', '"text"', '[]', 'true', 'not json']) expect(await sendRaw(body, 'application/json'), body).toBe(400);
    for (const form of ['payload=null', 'payload=%5B%5D', 'payload=7']) expect(await sendRaw(form, 'application/x-www-form-urlencoded'), form).toBe(400);
    const event = mentionEvent('is china neutral on the ukraine war');
    expect((await send(event)).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
  });

  it('answers a signed 2 MB request with 413 (not a reset connection), and keeps answering', async () => {
    const big = mentionEvent(`is china neutral ${'on the war '.repeat(200_000)}`);
    expect(JSON.stringify(big).length).toBeGreaterThan(2_000_000);
    expect((await send(big)).status).toBe(413);
    const event = mentionEvent('is china neutral on the ukraine war');
    expect((await send(event)).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
  });

  it('answers url_verification with the challenge', async () => {
    const response = await send({ token: 't', challenge: 'abc123', type: 'url_verification' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'abc123' });
  });

  it('rejects a bad signature with 401 and does not reply', async () => {
    const response = await send(mentionEvent('is china neutral on the ukraine war'), { secret: 'not-the-secret' });
    expect(response.status).toBe(401);
    await settle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a stale timestamp with 401 and does not reply', async () => {
    const response = await send(mentionEvent('is china neutral on the ukraine war'), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(response.status).toBe(401);
    await settle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('@-mentions', () => {
  it('acks at once and answers in a thread under the mention, quoting and citing the knowledge', async () => {
    const event = mentionEvent('is china neutral on the ukraine war');
    const response = await send(event);
    expect(response.status).toBe(200);
    const reply = await fake.waitFor('chat.postMessage');
    expect(reply.body).toMatchObject({ channel: 'C111', thread_ts: event.event.ts });
    expect(reply.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(textOf(reply)).toContain('neutral peace broker');
    const blocks = blocksOf(reply);
    expect(blocks[0]?.text?.text.startsWith('>Despite international skepticism')).toBe(true);
    expect(JSON.stringify(blocks)).toContain('paragraph 8 · apnews.com');
  });

  it('answers in the existing thread when the mention is in one', async () => {
    await send(mentionEvent('is china neutral on the ukraine war', { thread_ts: '1600000000.000001' }));
    expect((await fake.waitFor('chat.postMessage')).body.thread_ts).toBe('1600000000.000001');
  });

  it('greets a bare mention with how to ask', async () => {
    await send(eventEnvelope({ type: 'app_mention', user: 'U111', text: '<@UBOT>', ts: '1700000999.000001', channel: 'C111' }));
    expect(textOf(await fake.waitFor('chat.postMessage'))).toMatch(/^Hi! Ask me about the briefing/);
  });

  it('says kindly when the briefing does not cover it, offers no unrelated passage, and points at help', async () => {
    await send(mentionEvent('When is the offsite?'));
    const reply = await fake.waitFor('chat.postMessage');
    expect(textOf(reply)).toMatch(/^Not in the briefing/);
    expect(allText(reply)).toContain('/briefing help');
    expect(allText(reply)).not.toContain('Source:');
    expect(allText(reply)).not.toContain('Closest in the briefing');
  });

  it('replies once to a redelivered event', async () => {
    const event = mentionEvent('is china neutral on the ukraine war');
    await send(event);
    await fake.waitFor('chat.postMessage');
    const retry = await send(event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await settle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores mentions from bots', async () => {
    await send(mentionEvent('is china neutral on the ukraine war', { bot_id: 'BOTHER', user: 'UOTHERBOT' }));
    await settle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('never echoes a ping: <!channel> in a question cannot reach the reply', async () => {
    await send(mentionEvent('<!channel> <!here|here> <!subteam^S123|@team> When is our team offsite?'));
    const reply = await fake.waitFor('chat.postMessage');
    const posted = allText(reply);
    expect(posted).not.toMatch(/<!(here|channel|everyone)(\|[^>]*)?>/);
    expect(posted).not.toMatch(/<!subteam\^/);
    expect(reply.body.link_names).toBeUndefined();
    expect(reply.body.parse).toBeUndefined();
  });

  it('acks a 40 KB question and replies within Slack limits', async () => {
    const response = await send(mentionEvent(`is china neutral on the ukraine war? ${'x'.repeat(40_000)}`));
    expect(response.status).toBe(200);
    const reply = await fake.waitFor('chat.postMessage');
    expect(textOf(reply).length).toBeLessThanOrEqual(4_000);
    const blocks = blocksOf(reply);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3_000);
  });
});

describe('direct messages', () => {
  it('answers a DM in the DM, not in a thread', async () => {
    await send(dmEvent('is china neutral on the ukraine war'));
    const reply = await fake.waitFor('chat.postMessage');
    expect(reply.body.channel).toBe('D111');
    expect(reply.body.thread_ts).toBeUndefined();
    expect(textOf(reply)).toContain('neutral peace broker');
  });

  it('replies once to a DM that also mentions the bot (message.im and app_mention)', async () => {
    const dm = dmEvent('<@UBOT> is china neutral on the ukraine war');
    const mention = eventEnvelope({ ...dm.event, type: 'app_mention', channel_type: undefined });
    await Promise.all([send(dm), send(mention)]);
    await fake.waitFor('chat.postMessage');
    await settle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores edits, deletes, joins and bot messages', async () => {
    await send(dmEvent('is china neutral on the ukraine war', { subtype: 'message_changed' }));
    await send(dmEvent('', { subtype: 'message_deleted' }));
    await send(dmEvent('joined', { subtype: 'channel_join' }));
    await send(dmEvent('is china neutral on the ukraine war', { subtype: 'bot_message', bot_id: 'BOTHER' }));
    await send(dmEvent('is china neutral on the ukraine war', { bot_id: 'BOTHER' }));
    await settle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('/briefing', () => {
  it('acks at once and answers ephemerally, repeating the question, with a Share button', async () => {
    const response = await send(slashCommand('whats the BRI', fake.responseUrl('cmd1')));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const reply = await fake.waitFor('respond');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    const blocks = blocksOf(reply);
    expect(blocks[0]?.text?.text).toBe('You asked: *whats the BRI*');
    expect(JSON.stringify(blocks)).toContain('FAQ 1');
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions?.elements?.[0]?.action_id).toBe(SHARE_ACTION_ID);
  });

  it('shows the summary with no text, and usage with help', async () => {
    await send(slashCommand('', fake.responseUrl('sum')));
    const summary = await fake.waitFor('respond', (c) => c.body.responseId === 'sum');
    expect(summary.body.response_type).toBe('ephemeral');
    expect(allText(summary)).toContain('How does China support Russia economically?');
    await send(slashCommand('help', fake.responseUrl('help')));
    const help = await fake.waitFor('respond', (c) => c.body.responseId === 'help');
    expect(allText(help)).toContain('/briefing &lt;question&gt;');
    expect(allText(help)).not.toContain('<question>');
  });

  it('shares the answer in the channel when Share is pressed, noting who shared it', async () => {
    await send(slashCommand('is china neutral on the ukraine war', fake.responseUrl('cmd2')));
    const ephemeral = await fake.waitFor('respond', (c) => c.body.responseId === 'cmd2');
    const value = blocksOf(ephemeral).find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
    const response = await send(buttonPress(SHARE_ACTION_ID, value, fake.responseUrl('share')));
    expect(response.status).toBe(200);
    const post = await fake.waitFor('chat.postMessage');
    expect(post.body.channel).toBe('C111');
    expect(blocksOf(post)[0]?.text?.text).toBe('<@U222> asked: *is china neutral on the ukraine war*');
    expect(textOf(post)).toContain('neutral peace broker');
    expect((await fake.waitFor('respond', (c) => c.body.responseId === 'share')).body).toMatchObject({ delete_original: true });
  });

  it('tells the user to invite the bot when Share cannot post', async () => {
    fake.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await send(buttonPress(SHARE_ACTION_ID, JSON.stringify({ kind: 'summary' }), fake.responseUrl('share2')));
    const notice = await fake.waitFor('respond', (c) => c.body.responseId === 'share2');
    expect(String(notice.body.text)).toContain('/invite @briefing-bot');
  });
});

describe('failures', () => {
  it('logs a failing Web API call with the event id, apologises if it can, and keeps serving', async () => {
    fake.on('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    const event = mentionEvent('is china neutral on the ukraine war');
    await send(event);
    await fake.waitFor('chat.postMessage', () => fake.callsTo('chat.postMessage').length >= 2);
    await settle();
    const failure = running.logs.lines.find((l) => l.msg === 'listener failed' && l.eventId === event.event_id);
    expect(failure).toMatchObject({ level: 50, err: { slackError: 'channel_not_found' } });
    fake.reset();
    await send(mentionEvent('is china neutral on the ukraine war'));
    expect(textOf(await fake.waitFor('chat.postMessage'))).toContain('neutral peace broker');
  });

  it('survives a Web API call that times out', async () => {
    // Slack never takes this post: after each timeout the thread holds no answer, so it is tried again, then given up.
    fake.on('chat.postMessage', () => ({ body: { ok: true }, delayMs: 3_000 }));
    const event = mentionEvent('is china neutral on the ukraine war');
    await send(event);
    const failed = () => running.logs.lines.some((l) => l.msg === 'listener failed' && l.eventId === event.event_id);
    for (let i = 0; i < 100 && !failed(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failed()).toBe(true);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.event.ts).length).toBeGreaterThanOrEqual(3);
    fake.reset();
    // The apology for the timed-out reply may still arrive: the answer to the next mention is the one in its thread.
    const next = mentionEvent('is china neutral on the ukraine war');
    await send(next);
    const reply = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === (next.event as { ts: string }).ts);
    expect(textOf(reply)).toContain('neutral peace broker');
  }, 20_000);

  it('posts one answer when Slack took the post but its answer came too late (the retry finds it in the thread)', async () => {
    fake.slow('chat.postMessage', 1_500);
    const event = mentionEvent('is china neutral on the ukraine war');
    await send(event);
    const found = () => running.logs.lines.some((l) => l.msg === 'the reply had been posted: not posting it again');
    for (let i = 0; i < 80 && !found(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(found()).toBe(true);
    const answers = fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.event.ts);
    expect(answers).toHaveLength(1);
    expect((answers[0]?.body.metadata as { event_payload: { reply_to: string } }).event_payload.reply_to).toBe(event.event.ts);
    expect(fake.callsTo('conversations.replies').some((c) => c.body.ts === event.event.ts && c.body.include_all_metadata)).toBe(true);
  }, 15_000);

  it('in a DM too: the late post is found in the conversation, not posted twice', async () => {
    fake.slow('chat.postMessage', 1_500);
    const event = dmEvent('is china neutral on the ukraine war');
    await send(event);
    const found = () => running.logs.lines.filter((l) => l.msg === 'the reply had been posted: not posting it again').length;
    const before = found();
    for (let i = 0; i < 80 && found() === before; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(found()).toBe(before + 1);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === event.event.channel)).toHaveLength(1);
    expect(fake.callsTo('conversations.history').some((c) => c.body.oldest === event.event.ts)).toBe(true);
  }, 15_000);

  it('posts the answer again when the first attempt failed before Slack took it', async () => {
    let attempts = 0;
    fake.on('chat.postMessage', (call) => {
      attempts += 1;
      return attempts === 1 ? { body: { ok: false, error: 'internal_error' }, status: 503 } : { body: { ok: true, channel: call.body.channel, ts: '1700000000.000500' } };
    });
    const event = mentionEvent('is china neutral on the ukraine war');
    await send(event);
    const answers = () => fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.event.ts);
    for (let i = 0; i < 80 && answers().length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answers()).toHaveLength(2);
    expect(textOf(answers()[1] as ApiCall)).toContain('neutral peace broker');
    expect(running.logs.lines.some((l) => l.msg === 'listener failed' && l.eventId === event.event_id)).toBe(false);
  }, 15_000);

  it('apologises to a slash command user when the reply cannot be built', async () => {
    fake.on('respond', (call) => (call.body.responseId === 'boom' && call.body.blocks ? { body: { ok: false }, status: 500 } : { body: { ok: true } }));
    await send(slashCommand('is china neutral on the ukraine war', fake.responseUrl('boom')));
    const apology = await fake.waitFor('respond', (c) => c.body.responseId === 'boom' && String(c.body.text).startsWith('Sorry'));
    expect(apology.body.response_type).toBe('ephemeral');
  });
});

describe('logs', () => {
  it('never contain tokens or the signing secret, and carry ids and timings', () => {
    const raw = running.logs.raw();
    expect(raw).not.toContain(BOT_TOKEN);
    expect(raw).not.toContain(SIGNING_SECRET);
    const answered = running.logs.lines.find((l) => l.msg === 'answered');
    expect(answered).toMatchObject({ level: 30, channel: 'C111', user: 'U111' });
    expect(typeof answered?.ms).toBe('number');
    expect(answered?.eventId).toMatch(/^Ev/);
  });

  it('keep message text out of info lines', () => {
    const info = running.logs.lines.filter((l) => (l.level as number) >= 30);
    expect(JSON.stringify(info)).not.toContain('is china neutral on the ukraine war');
  });
});

describe('daily summary post in HTTP mode', () => {
  it('posts the summary to SUMMARY_CHANNEL once, and a restart the same day does not post again', async () => {
    const stateDir = tempDir();
    const env = { SUMMARY_CHANNEL: 'C0SUMMARY', SUMMARY_TIME: summaryTimeNow(), STATE_DIR: stateDir };
    const first = await startHttpBot(fake, env);
    const post = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0SUMMARY');
    expect(JSON.stringify(post.body.blocks)).toContain('Key points');
    await first.bot.stop();
    const second = await startHttpBot(fake, env);
    await settle();
    await second.bot.stop();
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0SUMMARY')).toHaveLength(1);
    expect(second.logs.lines.some((l) => l.msg === 'daily summary already posted today')).toBe(true);
  });
});
