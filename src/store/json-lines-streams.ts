// Record streams as append-only JSON lines in STATE_DIR (`<dir>/<stream>.jsonl`), kept off the request's path:
// appends are written together at most a second later, and every file operation waits its turn in one queue, so
// lines land in the order they were appended and a read sees every append made before it. A file is compacted to
// the retention period as it grows; a torn last line (a crash mid-write) is skipped.
import { appendFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withinRetention, type RecordStreams } from './record-streams.js';
import type { StoredRecord } from './shared-store.js';

/** A file is compacted (records past the retention dropped) when it has this many more lines than at the last time. */
const COMPACT_EVERY = 1_000;
/** How long appended records may wait to be written together. */
const FLUSH_MS = 1_000;

/** The streams of one folder, written in append order. */
export class JsonLinesStreams implements RecordStreams {
  /** Lines appended and not yet handed to the queue, by stream. */
  private readonly pending = new Map<string, string[]>();
  private readonly sinceCompaction = new Map<string, number>();
  /** Streams whose file's end this process has looked at (see `separator`). */
  private readonly checked = new Set<string>();
  /** The file operations, one after the other: a write never overtakes an earlier one. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly retentionDays: number,
    private readonly now: () => number,
  ) {}

  append(stream: string, record: StoredRecord): void {
    const lines = this.pending.get(stream) ?? (this.pending.set(stream, []).get(stream) as string[]);
    lines.push(`${JSON.stringify(record)}\n`);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what was appended so far (then compacts a stream that grew enough). */
  flush(): Promise<void> {
    const batches = this.takePending();
    return this.enqueue(() => this.write(batches));
  }

  async read(stream: string, since: number): Promise<StoredRecord[]> {
    const batches = this.takePending();
    const records = await this.enqueue(async () => {
      await this.write(batches);
      return this.parse(stream);
    });
    return withinRetention(records, this.retentionDays, this.now()).filter((r) => r.at >= since);
  }

  erase(stream: string): Promise<void> {
    // Lines already handed to the queue are written first, then go with the file.
    this.pending.delete(stream);
    return this.enqueue(async () => {
      this.checked.delete(stream);
      await rm(this.file(stream), { force: true });
    });
  }

  close(): Promise<void> {
    return this.flush();
  }

  // The lines appended so far, in order; the operation that takes them writes them in its turn.
  private takePending(): [string, string[]][] {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    return batches;
  }

  // Runs `operation` after every operation queued before it; a failure is its caller's, the queue goes on.
  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async write(batches: [string, string[]][]): Promise<void> {
    if (batches.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    for (const [stream, lines] of batches) {
      await appendFile(this.file(stream), (await this.separator(stream)) + lines.join(''));
      await this.written(stream, lines.length);
    }
  }

  // After a crash the file may end in a torn line: the first write of this process starts on a line of its own.
  private async separator(stream: string): Promise<string> {
    if (this.checked.has(stream)) return '';
    this.checked.add(stream);
    return (await endsMidLine(this.file(stream))) ? '\n' : '';
  }

  private async written(stream: string, lines: number): Promise<void> {
    const count = (this.sinceCompaction.get(stream) ?? COMPACT_EVERY) + lines;
    this.sinceCompaction.set(stream, count);
    if (count > COMPACT_EVERY) await this.compact(stream);
  }

  // Rewrites the file with the records still kept (temp file, then rename: a crash leaves the old one whole).
  private async compact(stream: string): Promise<void> {
    const file = this.file(stream);
    const temp = `${file}.${process.pid}.tmp`;
    const kept = withinRetention(await this.parse(stream), this.retentionDays, this.now());
    await writeFile(temp, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
    await rename(temp, file);
    this.sinceCompaction.set(stream, 0);
  }

  private async parse(stream: string): Promise<StoredRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file(stream), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const record = JSON.parse(line) as StoredRecord;
        return typeof record?.at === 'number' ? [record] : [];
      } catch {
        return []; // A torn line (the process died mid-write): skipped.
      }
    });
  }

  private file(stream: string): string {
    return join(this.dir, `${stream.replace(/[^a-z0-9-]/giu, '_')}.jsonl`);
  }
}

// Whether `file` ends without a newline (only its last byte is read); a file that cannot be read does not.
async function endsMidLine(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size === 0) return false;
      const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
      return buffer[0] !== 0x0a;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}
