// The shared store for the settings: Redis when REDIS_URL is set, else this process.
import type { Logger } from '../logger.js';
import { createEmbeddedStore } from './embedded-store.js';
import { createRedisStore } from './redis-store.js';
import type { SharedStore } from './shared-store.js';

/** Opens the store: Redis at `redisUrl`, or the embedded one (its record streams in `stateDir`). */
export function openStore(redisUrl: string | undefined, logger: Logger, { stateDir, retentionDays }: { stateDir?: string; retentionDays?: number } = {}): SharedStore {
  if (!redisUrl) return createEmbeddedStore({ ...(stateDir ? { dir: stateDir } : {}), ...(retentionDays ? { retentionDays } : {}) });
  logger.info({ redis: redisUrl.replace(/\/\/[^@/]*@/u, '//***@') }, 'shared state in Redis');
  return createRedisStore(redisUrl, logger, retentionDays ? { retentionDays } : {});
}
