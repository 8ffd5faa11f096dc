// The shared store in Redis (node-redis): deliveries claimed with SET NX PX across replicas, the daily post's lock
// and record. Commands time out quickly and nothing is queued while Redis is away; claims then fall back to this
// process (logged once per outage, and once when Redis is back), locks and records say they cannot be known.
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Logger } from '../logger.js';
import { createEmbeddedStore } from './embedded-store.js';
import { DEFAULT_RETENTION_DAYS, StoreUnavailable, type SharedStore } from './shared-store.js';

/** Longest wait for one command. */
export const COMMAND_TIMEOUT_MS = 500;
/** Prefix of every key, so one Redis can hold other data. */
export const KEY_PREFIX = 'briefing-bot:';
const UNLOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Connects to `url` (in the background: a Redis that is down does not stop the bot) and returns the store. */
export function createRedisStore(url: string, logger: Logger, { retentionDays = DEFAULT_RETENTION_DAYS }: { retentionDays?: number } = {}): SharedStore {
  const log = logger.child({ module: 'redis' });
  const fallback = createEmbeddedStore();
  const tokens = new Map<string, string>();
  let down = false;
  let connected: () => void = () => undefined;
  const firstReady = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  });
  const outage = (reason: string): void => {
    if (down) return;
    down = true;
    log.warn({ reason }, 'Redis is unavailable: replies use this process’ own record of deliveries (a redelivery to another replica may be answered twice); the daily post waits for Redis');
  };
  client.on('error', (error: Error) => outage(error.message));
  client.on('ready', () => {
    if (down) log.info('Redis is back: deliveries are claimed across replicas again');
    down = false;
    connected();
  });
  void client.connect().catch((error: Error) => outage(error.message));

  // One command, bounded in time; any failure is StoreUnavailable.
  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    if (!client.isReady) throw new StoreUnavailable('Redis is not connected');
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        command(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreUnavailable(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      if (error instanceof StoreUnavailable) throw error;
      throw new StoreUnavailable((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  };
  const setNx = (key: string, value: string, ttlMs: number): Promise<boolean> =>
    run(async () => (await client.set(KEY_PREFIX + key, value, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK');

  return {
    kind: 'redis',
    async ready(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const result = await Promise.race([firstReady.then(() => true as const), timedOut]);
      clearTimeout(timer);
      return result;
    },
    async claim(key, ttlMs) {
      try {
        const first = await setNx(`claim:${key}`, '1', ttlMs);
        // Also remembered here, so that an outage right after does not make this process answer it again.
        fallback.claimNow(key, ttlMs);
        return first;
      } catch (error) {
        outage((error as Error).message);
        return fallback.claimNow(key, ttlMs);
      }
    },
    async lock(key, ttlMs) {
      const token = randomUUID();
      const taken = await setNx(`lock:${key}`, token, ttlMs);
      if (taken) tokens.set(key, token);
      return taken;
    },
    async unlock(key) {
      const token = tokens.get(key);
      if (!token) return;
      tokens.delete(key);
      await run(() => client.eval(UNLOCK, { keys: [`${KEY_PREFIX}lock:${key}`], arguments: [token] })).catch(() => undefined);
    },
    async put(key, value, ttlMs) {
      await run(() => client.set(KEY_PREFIX + key, value, { expiration: { type: 'PX', value: ttlMs } }));
    },
    async get(key) {
      return (await run(() => client.get(KEY_PREFIX + key))) ?? undefined;
    },
    // A stream is a sorted set scored by time; each append drops what is past the retention.
    async append(stream, record) {
      const key = `${KEY_PREFIX}stream:${stream}`;
      await run(() => client.zAdd(key, { score: record.at, value: `${JSON.stringify(record)}\u0000${randomUUID()}` }));
      await run(() => client.zRemRangeByScore(key, '-inf', Date.now() - retentionDays * 86_400_000)).catch(() => undefined);
    },
    async read(stream, since) {
      const members = await run(() => client.zRangeByScore(`${KEY_PREFIX}stream:${stream}`, since, '+inf'));
      return members.flatMap((member: string) => {
        try {
          return [JSON.parse(member.split('\u0000')[0] ?? '') as { at: number }];
        } catch {
          return [];
        }
      });
    },
    async erase(stream) {
      await run(() => client.del(`${KEY_PREFIX}stream:${stream}`));
    },
    async close() {
      await client.close().catch(() => client.destroy());
    },
  };
}
