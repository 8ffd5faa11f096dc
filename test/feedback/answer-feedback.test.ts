// End to end over HTTP: 👍 / 👎 under answers, what a 👎 brings back, and two people (not one) changing an answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeFeedbackValue, FEEDBACK_ACTION_ID, ASK_EDITORS_ACTION_ID } from '../../src/slack/format/feedback-value.js';
import { startFakeSlack, type ApiCall, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { mentionEvent, sendSigned, slashCommand } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';

let fake: FakeSlack;
let bot: HttpBot;
beforeAll(async () => {
  fake = await startFakeSlack();
  bot = await startHttpBot(fake, { STATE_DIR: tempDir() });
});
afterAll(async () => {
  await bot.bot.stop();
  await fake.close();
});
beforeEach(() => fake.reset());

const QUESTION = 'is china neutral on the ukraine war';

async function ask(question: string): Promise<ApiCall> {
  const event = mentionEvent(question);
  await sendSigned(bot.eventsUrl, event);
  return fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
}

interface FeedbackElement {
  type: string;
  action_id: string;
  positive_button: { value: string };
  negative_button: { value: string };
}
function feedbackOf(reply: ApiCall): FeedbackElement | undefined {
  const blocks = reply.body.blocks as { type: string; elements?: FeedbackElement[] }[];
  return blocks.find((b) => b.type === 'context_actions')?.elements?.find((e) => e.type === 'feedback_buttons');
}

async function click(user: string, reply: ApiCall, value: string, actionId = FEEDBACK_ACTION_ID, type = 'feedback_buttons'): Promise<string> {
  const id = `r${Math.random().toString(36).slice(2)}`;
  const payload = {
    type: 'block_actions',
    user: { id: user, username: user, name: user, team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification-token',
    container: { type: 'message', message_ts: String(reply.body.thread_ts ?? '1700000000.000100'), channel_id: 'C111', is_ephemeral: false },
    trigger_id: '111.222.valid',
    team: { id: 'T111', domain: 'example' },
    channel: { id: 'C111', name: 'general' },
    response_url: fake.responseUrl(id),
    actions: [{ action_id: actionId, block_id: 'fb', type, value, text: { type: 'plain_text', text: '👎' }, action_ts: '1700000000.000500' }],
  };
  const response = await sendSigned(bot.eventsUrl, new URLSearchParams({ payload: JSON.stringify(payload) }));
  expect(response.status).toBe(200);
  return id;
}

async function gapReport(): Promise<string> {
  const id = `g${Math.random().toString(36).slice(2)}`;
  await sendSigned(bot.eventsUrl, slashCommand('gaps', fake.responseUrl(id)));
  return JSON.stringify((await fake.waitFor('respond', (c) => c.body.responseId === id)).body);
}

describe('feedback on answers', () => {
  it('puts Slack’s feedback buttons under an answer, keeping the plain-text fallback', async () => {
    const reply = await ask(QUESTION);
    const buttons = feedbackOf(reply);
    expect(buttons).toMatchObject({ type: 'feedback_buttons', action_id: FEEDBACK_ACTION_ID });
    expect(decodeFeedbackValue(buttons?.negative_button.value)).toMatchObject({ verdict: 'down', question: QUESTION, passage: expect.stringMatching(/#/u) });
    expect(String(reply.body.text)).not.toContain('👍');
  });

  it('records 👍 and 👎 (counted in the report), and answers a 👎 with the next passages and “Ask the editors”', async () => {
    const reply = await ask('what does the belt and road mean for russia');
    const buttons = feedbackOf(reply) as FeedbackElement;
    await click('U0AAA', reply, buttons.positive_button.value);
    const id = await click('U0BBB', reply, buttons.negative_button.value);
    const alternatives = await fake.waitFor('respond', (c) => c.body.responseId === id);
    expect(alternatives.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(alternatives.body)).toContain('Was it one of these?');
    const editors = (alternatives.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')?.elements?.[0];
    expect(editors?.action_id).toBe(ASK_EDITORS_ACTION_ID);
    const thanks = await click('U0BBB', reply, editors?.value ?? '', ASK_EDITORS_ACTION_ID, 'button');
    await fake.waitFor('respond', (c) => c.body.responseId === thanks);
    const report = await gapReport();
    expect(report).toMatch(/Feedback:\* 1 👍, 1 👎/u);
    expect(report).toContain('what does the belt and road mean for russia (1×)');
    expect(report).not.toMatch(/U0AAA|U0BBB/u);
  });

  it('stops giving an answer two people said was wrong, but not one person, however often', async () => {
    const first = await ask(QUESTION);
    const quoted = decodeFeedbackValue(feedbackOf(first)?.negative_button.value)?.passage;
    const down = feedbackOf(first)?.negative_button.value ?? '';
    await click('U0ONE', first, down);
    const again = await ask(QUESTION);
    await click('U0ONE', again, down);
    expect(decodeFeedbackValue(feedbackOf(await ask(QUESTION))?.negative_button.value)?.passage).toBe(quoted);
    await click('U0TWO', again, down);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await ask(QUESTION);
    const now = feedbackOf(after) ? decodeFeedbackValue(feedbackOf(after)?.negative_button.value)?.passage : undefined;
    expect(now).not.toBe(quoted);
  });
});
