// Two replicas on one real redis-server, each with its own knowledge folder: an article added on one is served by
// both within seconds, and a removal the same.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { startPageServer, type PageServer } from '../helpers/page-server.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { sendSigned, slashCommand } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';

const until = async (check: () => boolean, timeoutMs = 10_000): Promise<number> => {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 50));
  return Date.now() - started;
};

describe.skipIf(!redisAvailable())('the desk across replicas', () => {
  let fake: FakeSlack;
  let web: PageServer;
  let redis: RedisServer;
  let a: HttpBot;
  let b: HttpBot;
  let dirA: string;
  let dirB: string;
  beforeAll(async () => {
    [fake, web, redis] = await Promise.all([startFakeSlack(), startPageServer(), startRedis()]);
    dirA = tempDir({ [SEED_FILE]: SEED_TEXT });
    dirB = tempDir({ [SEED_FILE]: SEED_TEXT });
    const env = { REDIS_URL: redis.url, FETCH_ALLOW_PRIVATE: 'true' };
    a = await startHttpBot(fake, { ...env, KNOWLEDGE_DIR: dirA });
    b = await startHttpBot(fake, { ...env, KNOWLEDGE_DIR: dirB });
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a.bot.stop(), b.bot.stop()]);
    await Promise.all([redis.stop(), web.close(), fake.close()]);
  });

  it('an article added on one replica is served by the other within seconds; removed on one, gone from both', async () => {
    const sent = await sendSigned(a.eventsUrl, slashCommand(`add ${web.origin}/pages/water-rationing.html`, fake.responseUrl('replica-add')));
    expect(sent.status).toBe(200);
    const reply = await fake.waitFor('respond', (c) => c.body.responseId === 'replica-add', 10_000);
    expect(String(reply.body.text)).toMatch(/^Added /u);
    const file = /\(([a-z0-9-]+\.txt)\)/u.exec(String(reply.body.text))?.[1] ?? '';
    const served = (bot: HttpBot) => bot.bot.live.knowledge().documents.some((d) => d.file === file);
    const ms = await until(() => served(b));
    expect(served(b)).toBe(true);
    expect(ms).toBeLessThan(5_000);
    expect(readFileSync(join(dirB, file), 'utf8')).toBe(readFileSync(join(dirA, file), 'utf8'));
    const answer = b.bot.live.engine.answer(b.bot.live.engine.knowledge.documents.find((d) => d.file === file)?.passages[0]?.text.slice(0, 120) ?? '');
    expect(answer.source?.file).toBe(file);

    await sendSigned(b.eventsUrl, slashCommand(`remove ${file}`, fake.responseUrl('replica-remove')));
    expect(String((await fake.waitFor('respond', (c) => c.body.responseId === 'replica-remove', 10_000)).body.text)).toMatch(/^Removed /u);
    await until(() => !served(a));
    expect(served(a)).toBe(false);
    expect(existsSync(join(dirA, 'archive', file))).toBe(true);
  }, 30_000);
});
