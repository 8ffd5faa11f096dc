// The bot with EMBEDDINGS_URL, end to end through Bolt's HTTP receiver: the passages are embedded at start, questions
// are decided with the model, and when the endpoint stops every question is still answered (lexically), one warning
// logged, until it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddingsServer, type EmbeddingsServer } from '../helpers/embeddings-server.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { mentionEvent, sendSigned } from '../helpers/slack-requests.js';

let fake: FakeSlack;
let model: EmbeddingsServer;
let running: HttpBot;
const KEY = 'sk-team-model-key-0123456789';

beforeAll(async () => {
  fake = await startFakeSlack();
  model = await startEmbeddingsServer();
  running = await startHttpBot(fake, { EMBEDDINGS_URL: model.url, EMBEDDINGS_MODEL: 'tiny', EMBEDDINGS_API_KEY: KEY });
});
afterAll(async () => {
  await running.bot.stop();
  await model.close();
  await fake.close();
});

const answeredLines = () => running.logs.lines.filter((l) => l.msg === 'answered' || l.msg === 'not in the briefing');
const until = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
};
async function ask(text: string): Promise<Record<string, unknown>> {
  const before = answeredLines().length;
  const posts = fake.callsTo('chat.postMessage').length;
  expect((await sendSigned(running.eventsUrl, mentionEvent(text))).status).toBe(200);
  await until(() => answeredLines().length > before && fake.callsTo('chat.postMessage').length > posts);
  expect(fake.callsTo('chat.postMessage').length).toBe(posts + 1);
  return answeredLines()[before] as Record<string, unknown>;
}

describe('the bot with the team’s model', () => {
  it('embeds the passages at start, with the key, and decides questions with the model', async () => {
    await until(() => running.logs.lines.some((l) => l.msg === 'passages embedded'));
    const passages = running.bot.live.knowledge().passages.length;
    expect(model.requests.flatMap((r) => r.input).length).toBe(passages);
    expect(model.requests.every((r) => r.model === 'tiny' && r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect((await ask('is china neutral on the ukraine war')).byMeaning).toBe(true);
  });

  it('answers every question lexically while the endpoint is down, warns once, and uses the model again when it is back', async () => {
    await model.stop();
    const during = [];
    for (const q of ['who did xi meet', 'what did they sign', 'how long was the visit']) during.push(await ask(q));
    expect(during.map((l) => l.byMeaning)).toEqual([undefined, undefined, undefined]);
    const warned = () => running.logs.lines.filter((l) => String(l.msg).startsWith('embeddings endpoint unavailable'));
    expect(warned()).toHaveLength(1);

    await model.restart();
    let back = false;
    // The endpoint is tried again behind the answers every few seconds (EMBEDDINGS_DEFAULTS.retryAfterMs).
    for (let i = 0; i < 40 && !back; i += 1) {
      back = (await ask(`what did the leaders say about trade ${i}`)).byMeaning === true;
      if (!back) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(true);
    expect(warned()).toHaveLength(1);
    expect(running.logs.raw()).not.toContain(KEY);
  }, 30_000);
});
