// The shared store in a real Redis: claims across replicas, the day's lock, and what happens when Redis goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { StoreUnavailable, type SharedStore } from '../../src/store/shared-store.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis-server.js';

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('the embedded store', () => {
  it('claims a key once until it expires, and locks once', async () => {
    let now = 1_000;
    const store = createEmbeddedStore({ now: () => now });
    expect(await store.claim('a', 100)).toBe(true);
    expect(await store.claim('a', 100)).toBe(false);
    now += 101;
    expect(await store.claim('a', 100)).toBe(true);
    expect(await store.lock('day', 1_000)).toBe(true);
    expect(await store.lock('day', 1_000)).toBe(false);
    await store.unlock('day');
    expect(await store.lock('day', 1_000)).toBe(true);
  });
});

describe.skipIf(!redisAvailable())('the Redis store', () => {
  let redis: RedisServer;
  let a: SharedStore;
  let b: SharedStore;
  const logs = captureLogger('info');
  beforeAll(async () => {
    redis = await startRedis();
    a = createRedisStore(redis.url, logs.logger);
    b = createRedisStore(redis.url, logs.logger);
    expect(await a.ready(5_000)).toBe(true);
    expect(await b.ready(5_000)).toBe(true);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await redis.stop();
  });

  it('claims a delivery once across two replicas', async () => {
    expect(await a.claim('message:C1:1.1', 60_000)).toBe(true);
    expect(await b.claim('message:C1:1.1', 60_000)).toBe(false);
    expect(await a.claim('message:C1:1.1', 60_000)).toBe(false);
  });

  it('gives the day’s lock to one replica, and shares the record of the post', async () => {
    expect(await a.lock('daily:C1:2026-11-28', 60_000)).toBe(true);
    expect(await b.lock('daily:C1:2026-11-28', 60_000)).toBe(false);
    await b.unlock('daily:C1:2026-11-28');
    expect(await b.lock('daily:C1:2026-11-28', 60_000)).toBe(false);
    await a.put('posted:daily:C1:2026-11-28', '1700000000.000100', 60_000);
    expect(await b.get('posted:daily:C1:2026-11-28')).toBe('1700000000.000100');
    await a.unlock('daily:C1:2026-11-28');
    expect(await b.lock('daily:C1:2026-11-28', 60_000)).toBe(true);
  });

  it('falls back to this process while Redis is down (logged once), and shares claims again once it is back', async () => {
    await redis.stop();
    await until(() => logs.lines.some((l) => String(l.msg).startsWith('Redis is unavailable')));
    expect(await a.claim('message:C1:2.2', 60_000)).toBe(true);
    expect(await a.claim('message:C1:2.2', 60_000)).toBe(false);
    expect(await b.claim('message:C1:2.2', 60_000)).toBe(true);
    await expect(a.lock('daily:C1:2026-11-29', 60_000)).rejects.toBeInstanceOf(StoreUnavailable);
    // Once per store (each is a replica), however many commands failed meanwhile.
    expect(logs.lines.filter((l) => String(l.msg).startsWith('Redis is unavailable'))).toHaveLength(2);
    await redis.start();
    await until(() => logs.lines.filter((l) => String(l.msg).startsWith('Redis is back')).length >= 2, 15_000);
    expect(await a.claim('message:C1:3.3', 60_000)).toBe(true);
    expect(await b.claim('message:C1:3.3', 60_000)).toBe(false);
  }, 30_000);
});
