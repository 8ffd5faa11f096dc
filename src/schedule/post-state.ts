// Remembers which scheduled posts were made (channel, local date, message ts), in a JSON file written atomically.
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';

/** One confirmed post. */
export interface PostRecord {
  channel: string;
  /** Local date in the summary's time zone, YYYY-MM-DD. */
  date: string;
  /** The `ts` Slack returned for the message. */
  ts: string;
  postedAt: string;
  /** The articles' fingerprints when it was posted: what is new at the next post. */
  articles?: string[];
  /** What was posted: the summary (default) or the weekly gap report. */
  kind?: string;
}

/** The store of confirmed posts. */
export interface PostState {
  readonly file: string;
  has(channel: string, date: string, kind?: string): boolean;
  /** The latest post (of `kind`, the summary by default) made to `channel`. */
  last(channel: string, kind?: string): PostRecord | undefined;
  /** Records a confirmed post and writes the file (temp file, fsync, rename); writes run one at a time. */
  record(post: PostRecord): Promise<void>;
}

/** Posts older than this many are dropped from the file; it only needs recent days. */
const KEEP = 400;
export const STATE_FILE = 'daily-posts.json';
const SUMMARY = 'summary';

/**
 * Opens the state in `dir` (created if missing; read synchronously, at start-up). A file that cannot be read as state is reported at error level,
 * moved aside as `daily-posts.json.corrupt-<time>` and replaced by an empty state, so the bot keeps running.
 */
export function openPostState(dir: string, logger: Logger, clock: () => Date = () => new Date()): PostState {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, STATE_FILE);
  let posts = read(file, logger, clock);
  let writing = Promise.resolve();
  return {
    file,
    has: (channel, date, kind = SUMMARY) => posts.some((p) => p.channel === channel && p.date === date && (p.kind ?? SUMMARY) === kind),
    last: (channel, kind = SUMMARY) => posts.filter((p) => p.channel === channel && (p.kind ?? SUMMARY) === kind).at(-1),
    record(post) {
      posts = [...posts, post].slice(-KEEP);
      const text = `${JSON.stringify({ version: 1, posts }, null, 2)}\n`;
      const written = writing.then(() => writeAtomically(file, text));
      writing = written.catch(() => undefined);
      return written;
    },
  };
}

function read(file: string, logger: Logger, clock: () => Date): PostRecord[] {
  if (!existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { posts?: unknown };
    if (!Array.isArray(data.posts) || !data.posts.every(isRecord)) throw new Error('expected {"posts": [{channel, date, ts}]}');
    return data.posts;
  } catch (error) {
    const aside = `${file}.corrupt-${clock().getTime()}`;
    renameSync(file, aside);
    logger.error({ file, movedTo: aside, err: (error as Error).message }, 'scheduled post state file is corrupt: starting with an empty state (a post already made today may be repeated)');
    return [];
  }
}

function isRecord(value: unknown): value is PostRecord {
  const v = value as Partial<PostRecord> | null;
  return typeof v?.channel === 'string' && typeof v.date === 'string' && typeof v.ts === 'string';
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
