// Listener factories called directly with fakes: ack first, routing, and what is ignored.
import { describe, expect, it, vi } from 'vitest';
import { openAnswerEngine } from '../../src/answers/index.js';
import { appMention } from '../../src/slack/listeners/events/app-mention.js';
import { briefingCommand } from '../../src/slack/listeners/commands/briefing-command.js';
import { directMessage } from '../../src/slack/listeners/events/direct-message.js';
import { conversationAnswers } from '../../src/slack/listeners/answer-question.js';
import { mentionRemover } from '../../src/slack/listeners/without-mention.js';
import { fixedReplies } from '../../src/slack/fixed-replies.js';
import { buildSummary } from '../../src/summary/index.js';
import { createDeliveryGuard, isFirstDelivery } from '../../src/slack/middleware/dedupe-deliveries.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const engine = openAnswerEngine(KNOWLEDGE_DIR, { lexicon });
const summary = buildSummary(engine.knowledge);
const deps = { engine, replies: fixedReplies(() => engine.knowledge, () => summary) };
type Args<F extends (...a: never[]) => unknown> = Parameters<F>[0];

function commandArgs(text: string) {
  const order: string[] = [];
  const ack = vi.fn(async () => void order.push('ack'));
  const respond = vi.fn(async () => void order.push('respond'));
  return { args: { command: { text }, ack, respond, context: {} } as unknown as Args<ReturnType<typeof briefingCommand>>, order, respond };
}

describe('briefingCommand', () => {
  it('acks before anything else, then responds ephemerally', async () => {
    const { args, order, respond } = commandArgs('what about the arctic');
    await briefingCommand(deps)(args);
    expect(order).toEqual(['ack', 'respond']);
    expect(respond.mock.calls[0]).toEqual([expect.objectContaining({ response_type: 'ephemeral' })]);
  });

  it.each([
    ['', 'Key points'],
    ['help', 'How to ask'],
    ['HELP', 'How to ask'],
    ['sanctions', 'You asked'],
  ])('routes %j to the right reply', async (text, expected) => {
    const { args, respond } = commandArgs(text);
    await briefingCommand(deps)(args);
    expect(JSON.stringify(respond.mock.calls[0])).toContain(expected);
  });
});

describe('appMention and directMessage', () => {
  const say = () => vi.fn(async () => ({}));

  it('ignore bot authors and subtypes', async () => {
    const s1 = say();
    await appMention(deps)({ event: { text: '<@UBOT> arctic', bot_id: 'B1', channel: 'C1', ts: '1.1' }, say: s1, context: { botUserId: 'UBOT' } } as never);
    const s2 = say();
    await directMessage(deps)({ event: { channel_type: 'im', subtype: 'message_changed', channel: 'D1', ts: '1.2' }, say: s2, context: {} } as never);
    const s3 = say();
    await directMessage(deps)({ event: { channel_type: 'channel', text: 'arctic', channel: 'C1', ts: '1.3' }, say: s3, context: {} } as never);
    expect(s1).not.toHaveBeenCalled();
    expect(s2).not.toHaveBeenCalled();
    expect(s3).not.toHaveBeenCalled();
  });

  it('a mention inside a DM answers in the DM, not a thread', async () => {
    const s = say();
    await appMention(deps)({ event: { text: '<@UBOT> arctic', channel: 'D1', ts: '1.4' }, say: s, context: { botUserId: 'UBOT' } } as never);
    expect(s.mock.calls[0]).toEqual([expect.not.objectContaining({ thread_ts: expect.anything() })]);
  });
});

describe('mentionRemover', () => {
  it('removes the bot’s mention wherever it is, and only the bot’s', () => {
    const withoutMention = mentionRemover();
    expect(withoutMention('<@UBOT> what <@UBOT|briefing-bot> about <@U2>?', 'UBOT')).toBe('what   about <@U2>?');
    expect(withoutMention('<@UBOT> and again <@UBOT>', 'UBOT')).toBe('and again');
    expect(withoutMention('<@UOTHER> first only <@UOTHER>', undefined)).toBe('first only <@UOTHER>');
  });
});

describe('conversationAnswers', () => {
  const asked = { client: {} as never, channel: 'C1', ts: '1.1' };

  it('renders the reply to a repeated question once per listener, each listener its own', async () => {
    const answer = conversationAnswers(deps);
    const first = await answer('what about the arctic', asked, undefined);
    expect((await answer('what about the arctic', asked, undefined)).message).toBe(first.message);
    const another = await conversationAnswers(deps)('what about the arctic', asked, undefined);
    expect(another.message).not.toBe(first.message);
    expect(another).toEqual(first);
  });
});

describe('createDeliveryGuard', () => {
  it('claims a key once, forgets it after the TTL, and stays bounded', () => {
    let now = 0;
    const guard = createDeliveryGuard({ ttlMs: 1_000, maxEntries: 3, now: () => now });
    expect(guard.claim('a')).toBe(true);
    expect(guard.claim('a')).toBe(false);
    now = 2_000;
    expect(guard.claim('a')).toBe(true);
    for (const k of ['b', 'c', 'd']) guard.claim(k);
    expect(guard.claim('a')).toBe(true);
  });

  it('remembers a key through at least half its capacity of newer keys', () => {
    const guard = createDeliveryGuard({ maxEntries: 1_000, now: () => 0 });
    guard.claim('first');
    for (let i = 0; i < 499; i += 1) guard.claim(`k${i}`);
    expect(guard.claim('first')).toBe(false);
  });
});

describe('isFirstDelivery', () => {
  const envelope = (eventId: string, event: Record<string, string>) => ({ event_id: eventId, event }) as never;

  it('lets one event per message through: redeliveries and the DM + mention pair are dropped', () => {
    const guard = createDeliveryGuard();
    const mention = envelope('Ev1', { type: 'app_mention', channel: 'D1', ts: '1.1' });
    expect(isFirstDelivery(guard, mention)).toBe(true);
    expect(isFirstDelivery(guard, mention)).toBe(false);
    expect(isFirstDelivery(guard, envelope('Ev2', { type: 'message', channel: 'D1', ts: '1.1' }))).toBe(false);
    expect(isFirstDelivery(guard, envelope('Ev3', { type: 'message', channel: 'D1', ts: '1.2' }))).toBe(true);
    expect(isFirstDelivery(guard, envelope('Ev4', { type: 'app_mention', channel: 'C1', ts: '1.1' }))).toBe(true);
  });

  it('knows other events by their event id', () => {
    const guard = createDeliveryGuard();
    const edit = envelope('Ev5', { type: 'message', subtype: 'message_changed', channel: 'D1', ts: '1.3' });
    expect(isFirstDelivery(guard, edit)).toBe(true);
    expect(isFirstDelivery(guard, edit)).toBe(false);
    expect(isFirstDelivery(guard, envelope('Ev6', { type: 'message', subtype: 'message_changed', channel: 'D1', ts: '1.3' }))).toBe(true);
    expect(isFirstDelivery(guard, { command: '/briefing' } as never)).toBe(true);
  });
});
