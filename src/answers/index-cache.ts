// Saves the built index to disk, keyed by the knowledge's content hash, so an unchanged knowledge starts in seconds.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PassageIndexData } from './passage-index.js';
import { STOP_WORDS } from './stop-words.js';

/** Bumped whenever the index's shape or the text analysis changes, so old caches are never read. */
export const INDEX_FORMAT = 1;
const PREFIX = 'index-';

/** The cache key: the knowledge's content hash, the index format, and the stop words the terms were made with. */
export function cacheKey(contentHash: string): string {
  return createHash('sha256').update(`${INDEX_FORMAT}\0${[...STOP_WORDS].join(' ')}\0${contentHash}`).digest('hex').slice(0, 32);
}

/** The cached index for `key`, or undefined when there is none (or it cannot be read). */
export async function readIndexCache(dir: string, key: string): Promise<PassageIndexData | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, `${PREFIX}${key}.json`), 'utf8')) as PassageIndexData;
  } catch {
    return undefined;
  }
}

/** Writes the index for `key` (a temp file, then rename) and removes caches of other keys. */
export async function writeIndexCache(dir: string, key: string, data: PassageIndexData): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${PREFIX}${key}.json`);
  const temp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temp);
  for await (const chunk of jsonChunks(data)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(temp, file);
  for (const name of await readdir(dir)) {
    if (name.startsWith(PREFIX) && name !== `${PREFIX}${key}.json`) await rm(join(dir, name), { force: true });
  }
}

const BATCH = 2_000;

// JSON text in pieces, yielding to the event loop between batches of a large array: a big index is written
// without holding up the requests the bot must acknowledge meanwhile.
async function* jsonChunks(value: unknown): AsyncGenerator<string> {
  if (Array.isArray(value) && value.length > BATCH) {
    yield '[';
    for (let i = 0; i < value.length; i += BATCH) {
      yield `${i > 0 ? ',' : ''}${value.slice(i, i + BATCH).map((v) => JSON.stringify(v)).join(',')}`;
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield ']';
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    yield '{';
    let first = true;
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      yield* jsonChunks(inner);
      first = false;
    }
    yield '}';
  } else {
    yield JSON.stringify(value);
  }
}
