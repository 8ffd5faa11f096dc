// The shared store of one process: keys in memory, each with its expiry (bounded, the oldest dropped first); record
// streams as JSON lines in STATE_DIR (json-lines-streams.ts), or in memory without one.
import { JsonLinesStreams } from './json-lines-streams.js';
import { memoryStreams } from './record-streams.js';
import { DEFAULT_RETENTION_DAYS, type SharedStore } from './shared-store.js';

/** Most keys kept; beyond, the oldest are dropped. */
export const MAX_KEYS = 20_000;

/** The embedded store (the default: one process, no setup). */
export function createEmbeddedStore({
  maxKeys = MAX_KEYS,
  now = Date.now,
  dir,
  retentionDays = DEFAULT_RETENTION_DAYS,
}: { maxKeys?: number; now?: () => number; dir?: string; retentionDays?: number } = {}): SharedStore & {
  /** Synchronous claim, for the fallback of another store. */
  claimNow(key: string, ttlMs: number): boolean;
} {
  // Insertion order is expiry order for keys of one TTL; a Map keeps it, so dropping from the front drops the oldest.
  const keys = new Map<string, { value: string; expires: number }>();
  const live = (key: string): { value: string; expires: number } | undefined => {
    const entry = keys.get(key);
    if (entry && entry.expires <= now()) {
      keys.delete(key);
      return undefined;
    }
    return entry;
  };
  const set = (key: string, value: string, ttlMs: number): void => {
    keys.delete(key);
    keys.set(key, { value, expires: now() + ttlMs });
    while (keys.size > maxKeys) keys.delete(keys.keys().next().value as string);
  };
  const claimNow = (key: string, ttlMs: number): boolean => {
    if (live(key)) return false;
    set(key, '1', ttlMs);
    return true;
  };
  const streams = dir ? new JsonLinesStreams(dir, retentionDays, now) : memoryStreams(retentionDays, now);
  return {
    kind: 'embedded',
    ready: async () => true,
    claimNow,
    claim: async (key, ttlMs) => claimNow(key, ttlMs),
    lock: async (key, ttlMs) => claimNow(`lock:${key}`, ttlMs),
    unlock: async (key) => void keys.delete(`lock:${key}`),
    put: async (key, value, ttlMs) => set(key, value, ttlMs),
    get: async (key) => live(key)?.value,
    append: async (stream, record) => streams.append(stream, record),
    read: (stream, since) => streams.read(stream, since),
    erase: (stream) => streams.erase(stream),
    close: () => streams.close(),
  };
}
