// The state replicas share: which deliveries were answered, who makes today's post, which posts were made. One small
// interface, two implementations (embedded: this process; Redis: every replica), so the rest never knows which.

/** Shared state, embedded or in Redis. */
export interface SharedStore {
  readonly kind: 'embedded' | 'redis';
  /** Resolves true once the store answers (at once when embedded), false after `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean>;
  /**
   * Claims `key` for `ttlMs`: true the first time it is claimed (by this process, or by any replica with Redis).
   * Never throws: with Redis down, the claim falls back to this process (a double reply beats silence).
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Takes the lock `key` for `ttlMs`: true when taken. @throws StoreUnavailable when it cannot be known (Redis down). */
  lock(key: string, ttlMs: number): Promise<boolean>;
  /** Releases a lock this process took. */
  unlock(key: string): Promise<void>;
  /** Remembers `value` under `key` for `ttlMs`. @throws StoreUnavailable */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  /** What `put` remembered, if anything. @throws StoreUnavailable */
  get(key: string): Promise<string | undefined>;
  /** Appends a record (with its time, `at`, in ms) to a stream; records older than the retention are dropped. */
  append(stream: string, record: StoredRecord): Promise<void>;
  /** The records of a stream from `since` (ms) on, oldest first. @throws StoreUnavailable */
  read(stream: string, since: number): Promise<StoredRecord[]>;
  /** Erases a stream. */
  erase(stream: string): Promise<void>;
  close(): Promise<void>;
}

/** A record of a stream: plain data with the time it happened. */
export interface StoredRecord {
  at: number;
  [field: string]: unknown;
}

/** How long stream records are kept by default. */
export const DEFAULT_RETENTION_DAYS = 90;

/** The shared store cannot answer now (Redis down or slow): the caller decides what is safe. */
export class StoreUnavailable extends Error {
  override name = 'StoreUnavailable';
  constructor(message: string) {
    super(`redis: ${message}`);
  }
}
