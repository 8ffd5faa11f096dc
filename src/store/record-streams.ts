// Record streams kept by this process (the embedded store's): what both forms offer, the retention they apply, and
// the form kept in memory (no STATE_DIR), gone with the process.
import type { StoredRecord } from './shared-store.js';

/** One process's record streams, as the embedded store uses them. */
export interface RecordStreams {
  /** Takes a record at once (a file form writes it shortly after, in order). */
  append(stream: string, record: StoredRecord): void;
  /** The records from `since` (ms) on, oldest first, every append made before the call included. */
  read(stream: string, since: number): Promise<StoredRecord[]>;
  /** Erases the stream: what was appended before the call, not what comes after. */
  erase(stream: string): Promise<void>;
  /** Resolves once everything appended is written. */
  close(): Promise<void>;
}

/** The records still within `retentionDays` at `now` (ms). */
export function withinRetention(records: StoredRecord[], retentionDays: number, now: number): StoredRecord[] {
  const cutoff = now - retentionDays * 86_400_000;
  return records.filter((r) => r.at >= cutoff);
}

/** Streams in memory: what is past the retention is dropped on each append. */
export function memoryStreams(retentionDays: number, now: () => number): RecordStreams {
  const streams = new Map<string, StoredRecord[]>();
  const kept = (stream: string): StoredRecord[] => withinRetention(streams.get(stream) ?? [], retentionDays, now());
  return {
    append: (stream, record) => void streams.set(stream, [...kept(stream), record]),
    read: async (stream, since) => kept(stream).filter((r) => r.at >= since),
    erase: async (stream) => void streams.delete(stream),
    close: async () => undefined,
  };
}
