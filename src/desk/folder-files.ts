// Writing to the knowledge folder without losing anything: whole files only (a temporary file, then a rename), and
// retired articles moved to `archive/`, never deleted or overwritten.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder retired articles are moved to, inside the knowledge folder. */
export const ARCHIVE_DIR = 'archive';

/** Writes `text` as `dir/name` in one step: readers see the old file or the new one, never half of it; `modified` dates it. */
export async function writeWhole(dir: string, name: string, text: string, modified?: Date): Promise<void> {
  // A hidden name: the folder's reader skips it until the rename.
  const temporary = join(dir, `.${name}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    if (modified) await utimes(temporary, modified, modified);
    await rename(temporary, join(dir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Moves `dir/name` into `dir/archive/` (or copies it, with `copy`); a name already there gets a time stamp. Resolves
 * with its archived name.
 */
export async function archive(dir: string, name: string, now: Date, { copy = false } = {}): Promise<string> {
  const into = join(dir, ARCHIVE_DIR);
  await mkdir(into, { recursive: true });
  let target = name;
  if (await exists(join(into, target))) target = name.replace(/(\.[^.]+)?$/u, (ext) => `-${now.toISOString().replace(/[:.]/gu, '-')}${ext}`);
  if (copy) await copyFile(join(dir, name), join(into, target));
  else await rename(join(dir, name), join(into, target));
  return target;
}

/** The names in `dir` (lower case), to choose a new name none has. */
export async function namesIn(dir: string): Promise<Set<string>> {
  return new Set((await readdir(dir)).map((n) => n.toLowerCase()));
}

/** The names without their extensions: `pier.md` takes the stem `pier` for every extension (a document's id is its stem). */
export function stemsOf(names: Iterable<string>): Set<string> {
  return new Set([...names].map((n) => n.replace(/\.[^.]*$/u, '')));
}

/** The file's text and modification time, or undefined when there is none. */
export async function readIfPresent(path: string): Promise<{ text: string; modified: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, modified: info.mtimeMs };
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
