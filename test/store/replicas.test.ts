// Three bot processes on one Redis and one fake Slack, as a load balancer would spread Slack's requests over them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server.js';
import { spawnBot, type BotProcess } from '../helpers/spawn-bot.js';
import { BOT_TOKEN, mentionEvent, sendSigned, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { summaryTimeNow } from '../helpers/summary-time.js';
import { tempDir } from '../helpers/temp-dir.js';

const CHANNEL = 'C0REPLICA';
const until = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe.skipIf(!redisAvailable())('replicas on one Redis', () => {
  let fake: FakeSlack;
  let redis: RedisServer;
  let replicas: { bot: BotProcess; url: string }[] = [];
  const replies = (ts: string) => fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

  beforeAll(async () => {
    fake = await startFakeSlack();
    redis = await startRedis();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', LOG_LEVEL: 'info',
      REDIS_URL: redis.url, SUMMARY_CHANNEL: CHANNEL, SUMMARY_TIME: summaryTimeNow(),
    };
    // Three start-ups inside the catch-up window, each with its own STATE_DIR (as on three machines).
    replicas = await Promise.all(
      [1, 2, 3].map(async () => {
        const bot = spawnBot({ ...env, STATE_DIR: tempDir() });
        const ready = await bot.waitForLog((l) => l.msg === 'ready', 30_000);
        return { bot, url: `http://127.0.0.1:${String(ready.port)}/slack/events` };
      }),
    );
  }, 60_000);
  afterAll(async () => {
    for (const { bot } of replicas) if (bot.child.exitCode === null) bot.child.kill('SIGTERM');
    await Promise.all(replicas.map(({ bot }) => bot.exited));
    await redis.stop();
    await fake.close();
  });

  it('makes one daily summary between them', async () => {
    await until(() => replicas.every(({ bot }) => /daily summary (posted|already posted)/u.test(bot.stderr())), 20_000);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL)).toHaveLength(1);
  });

  it('answers a question once when Slack redelivers it to the other replicas', async () => {
    const event = mentionEvent('is china neutral on the ukraine war');
    for (const [i, { url }] of replicas.entries()) {
      const response = await sendSigned(url, event, { headers: i === 0 ? {} : { 'x-slack-retry-num': String(i), 'x-slack-retry-reason': 'http_timeout' } });
      expect(response.status).toBe(200);
    }
    await until(() => replies(event.event.ts).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replies(event.event.ts)).toHaveLength(1);
  });

  it('keeps answering when one replica dies', async () => {
    const [dead, ...alive] = replicas;
    dead?.bot.child.kill('SIGKILL');
    await dead?.bot.exited;
    for (const { url } of alive) {
      const event = mentionEvent('what is the belt and road');
      await sendSigned(url, event);
      await until(() => replies(event.event.ts).length > 0);
      expect(replies(event.event.ts)).toHaveLength(1);
    }
  });

  it('keeps answering while Redis is down (and says so), and shares claims again once it is back', async () => {
    const alive = replicas.slice(1);
    await redis.stop();
    const during = mentionEvent('sanctions?');
    await sendSigned(alive[0]?.url ?? '', during);
    await until(() => replies(during.event.ts).length > 0);
    expect(replies(during.event.ts)).toHaveLength(1);
    await until(() => /Redis is unavailable/u.test(alive[0]?.bot.stderr() ?? ''));
    expect(alive[0]?.bot.stderr()).toMatch(/Redis is unavailable/u);
    await redis.start();
    await until(() => alive.every(({ bot }) => /Redis is back/u.test(bot.stderr())), 15_000);
    const after = mentionEvent('what did the kremlin say');
    for (const { url } of alive) await sendSigned(url, after, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await until(() => replies(after.event.ts).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replies(after.event.ts)).toHaveLength(1);
  }, 40_000);
});
