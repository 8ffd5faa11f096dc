// Saves the built index to disk, keyed by the knowledge's content hash, so an unchanged knowledge starts in seconds.
// The file is JSON lines, `[path, value]` each: a line per part of the index, and a large array or object over
// several lines, so reading and writing it never hold up the event loop for long (the bot must ack Slack meanwhile).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PassageIndexData } from './passage-index.js';
import { STOP_WORDS } from '../text/index.js';

/** Bumped whenever the index's shape, the text analysis or the lexical links change, so old caches are never read. */
export const INDEX_FORMAT = 5;
const PREFIX = 'index-';

/** The cache key: the knowledge's content hash, the index format, and the stop words the terms were made with. */
export function cacheKey(contentHash: string): string {
  return createHash('sha256').update(`${INDEX_FORMAT}\0${[...STOP_WORDS].join(' ')}\0${contentHash}`).digest('hex').slice(0, 32);
}

/** Turns a line's value into the form it is kept in, as the line is read (say, into the maps the index holds). */
export type ReviveLine = (path: readonly string[], value: unknown) => unknown;

/**
 * The cached index for `key`, or undefined when there is none (or it cannot be read). With `revive`, each line's value
 * is turned into the form it is kept in as soon as it is read, so the plain form is garbage while it is still young
 * (not a second copy of the whole index at the end).
 */
export async function readIndexCache(dir: string, key: string, revive?: ReviveLine): Promise<PassageIndexData | undefined> {
  const data: Record<string, unknown> = {};
  try {
    const lines = createInterface({ input: createReadStream(fileFor(dir, key), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      const [path, value] = JSON.parse(line) as [string[], unknown];
      place(data, path, revive ? revive(path, value) : value);
      await nextTurn();
    }
  } catch {
    return undefined;
  }
  return data as unknown as PassageIndexData;
}

/** Writes the index for `key` (a temp file, then rename) and removes caches of other keys. */
export async function writeIndexCache(dir: string, key: string, data: PassageIndexData): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileFor(dir, key);
  const temp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temp);
  for await (const line of records(data, [])) {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(temp, file);
  for (const name of await readdir(dir)) {
    if (name.startsWith(PREFIX) && join(dir, name) !== file) await rm(join(dir, name), { force: true });
  }
}

const fileFor = (dir: string, key: string): string => join(dir, `${PREFIX}${key}.jsonl`);
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** About how many characters a line holds: a large array or object is written over as many lines as it takes. */
const LINE_CHARS = 64 * 1024;
/** Objects this shallow are written a property per line (the index's parts, and the parts of MiniSearch's own data). */
const SPLIT_DEPTH = 2;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

// The lines for `value` at `path`, yielding to the event loop after each. A line is parsed in one go when read, so
// none is much longer than LINE_CHARS unless one entry is.
async function* records(value: unknown, path: string[]): AsyncGenerator<string> {
  if (isRecord(value) && path.length < SPLIT_DEPTH && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) yield* records(inner, [...path, key]);
    return;
  }
  const entries = Array.isArray(value) ? arrayEntries(value) : isRecord(value) ? objectEntries(value) : undefined;
  if (!entries) {
    yield `${JSON.stringify([path, value])}\n`;
    await nextTurn();
    return;
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const head = `[${JSON.stringify(path)},${open}`;
  let line: string[] = [];
  let chars = 0;
  for (const entry of entries) {
    if (line.length > 0 && chars + entry.length > LINE_CHARS) {
      yield `${head}${line.join(',')}${close}]\n`;
      await nextTurn();
      line = [];
      chars = 0;
    }
    line.push(entry);
    chars += entry.length + 1;
  }
  yield `${head}${line.join(',')}${close}]\n`;
  await nextTurn();
}

function* arrayEntries(value: readonly unknown[]): Generator<string> {
  for (const entry of value) yield JSON.stringify(entry) ?? 'null';
}

function* objectEntries(value: Record<string, unknown>): Generator<string> {
  for (const key in value) if (value[key] !== undefined) yield `${JSON.stringify(key)}:${JSON.stringify(value[key])}`;
}

// Puts a line's value at its path; a line for an array or an object already there carries more of its entries.
function place(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const last = path.at(-1);
  if (last === undefined) throw new Error('index cache: a line without a path');
  let parent = root;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    parent = isRecord(next) ? next : (parent[key] = {});
  }
  const existing = parent[last];
  if (Array.isArray(existing) && Array.isArray(value)) for (const entry of value as unknown[]) existing.push(entry);
  else if (isRecord(existing) && isRecord(value)) Object.assign(existing, value);
  else parent[last] = value;
}
