// The shared store of one process: keys in memory, each with its expiry (bounded, the oldest dropped first); record
// streams as append-only JSON lines in STATE_DIR, compacted to the retention period.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RETENTION_DAYS, type SharedStore, type StoredRecord } from './shared-store.js';

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
  const streams = new JsonLines(dir, retentionDays, now);
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
    read: async (stream, since) => streams.read(stream, since),
    erase: async (stream) => streams.erase(stream),
    close: async () => streams.flushNow(),
  };
}

/** A file is compacted (records past the retention dropped) when it has this many more lines than at the last time. */
const COMPACT_EVERY = 1_000;
/** How long appended records may wait to be written together. */
const FLUSH_MS = 1_000;

// Streams as `<dir>/<stream>.jsonl` (in memory when there is no folder). A torn last line (a crash mid-write) is skipped.
class JsonLines {
  private readonly memory = new Map<string, StoredRecord[]>();
  private readonly sinceCompaction = new Map<string, number>();
  private readonly pending = new Map<string, string[]>();
  private readonly checked = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string | undefined,
    private readonly retentionDays: number,
    private readonly now: () => number,
  ) {}

  append(stream: string, record: StoredRecord): void {
    if (!this.dir) {
      this.memory.set(stream, [...this.kept(this.memory.get(stream) ?? []), record]);
      return;
    }
    // Written in batches, off the request's path: a line per record, appended once a second (or when read).
    const pending = this.pending.get(stream) ?? this.pending.set(stream, []).get(stream) as string[];
    pending.push(`${JSON.stringify(record)}\n`);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is pending (then compacts a stream that grew enough). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dir) return;
    const batches = [...this.pending];
    this.pending.clear();
    await mkdir(this.dir, { recursive: true });
    for (const [stream, lines] of batches) {
      await appendFile(this.file(stream), this.separator(stream) + lines.join(''));
      this.written(stream, lines.length);
    }
  }

  /** Writes what is pending at once (at exit). */
  flushNow(): void {
    if (!this.dir) return;
    for (const [stream, lines] of this.pending) {
      mkdirSync(this.dir, { recursive: true });
      appendFileSync(this.file(stream), this.separator(stream) + lines.join(''));
      this.written(stream, lines.length);
    }
    this.pending.clear();
  }

  // After a crash the file may end in a torn line: the first write of this process starts on a line of its own.
  private separator(stream: string): string {
    if (this.checked.has(stream)) return '';
    this.checked.add(stream);
    try {
      const text = readFileSync(this.file(stream), 'utf8');
      return text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    } catch {
      return '';
    }
  }

  private written(stream: string, lines: number): void {
    const count = (this.sinceCompaction.get(stream) ?? COMPACT_EVERY) + lines;
    this.sinceCompaction.set(stream, count);
    if (count > COMPACT_EVERY) this.compact(stream);
  }

  read(stream: string, since: number): StoredRecord[] {
    this.flushNow();
    const records = this.dir ? this.parse(stream) : (this.memory.get(stream) ?? []);
    return this.kept(records).filter((r) => r.at >= since);
  }

  erase(stream: string): void {
    this.pending.delete(stream);
    this.checked.delete(stream);
    this.memory.delete(stream);
    if (this.dir) rmSync(this.file(stream), { force: true });
  }

  // Rewrites the file with the records still kept (temp file, then rename).
  private compact(stream: string): void {
    const file = this.file(stream);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, this.kept(this.parse(stream)).map((r) => `${JSON.stringify(r)}\n`).join(''));
    renameSync(temp, file);
    this.sinceCompaction.set(stream, 0);
  }

  private parse(stream: string): StoredRecord[] {
    const file = this.file(stream);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line) => {
        if (!line.trim()) return [];
        try {
          const record = JSON.parse(line) as StoredRecord;
          return typeof record?.at === 'number' ? [record] : [];
        } catch {
          return []; // A torn line (the process died mid-write): skipped.
        }
      });
  }

  private kept(records: StoredRecord[]): StoredRecord[] {
    const cutoff = this.now() - this.retentionDays * 86_400_000;
    return records.filter((r) => r.at >= cutoff);
  }

  private file(stream: string): string {
    return join(this.dir as string, `${stream.replace(/[^a-z0-9-]/giu, '_')}.jsonl`);
  }
}
