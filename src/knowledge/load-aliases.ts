// Reads the alias list (`aliases.json` in the knowledge folder): extra words to search for a word or phrase.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeError } from './knowledge-error.js';

/** The alias file's name inside the knowledge folder. */
export const ALIASES_FILE = 'aliases.json';

/** Maps a word or phrase people type to the words the knowledge uses, e.g. `OCR` → `official cash rate`. */
export type AliasTable = Readonly<Record<string, string>>;

/**
 * Loads `aliases.json` from `dir`; an absent file means no aliases.
 * @throws KnowledgeError naming the file (and line) when it is not JSON of the form `{ "aliases": { "key": "words" } }`.
 */
export function loadAliases(dir: string): AliasTable {
  const path = join(dir, ALIASES_FILE);
  if (!existsSync(path)) return {};
  return parseAliases(readFileSync(path, 'utf8'));
}

/** Parses the text of an alias file; see {@link loadAliases}. */
export function parseAliases(text: string): AliasTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new KnowledgeError(`is not valid JSON (${(error as Error).message})`, ALIASES_FILE, jsonErrorLine(text, error));
  }
  const aliases = (data as { aliases?: unknown } | null)?.aliases;
  if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) {
    throw new KnowledgeError('expected an object with an "aliases" object of "key": "words" pairs', ALIASES_FILE);
  }
  for (const [key, value] of Object.entries(aliases)) {
    if (typeof value !== 'string' || !value.trim() || !key.trim()) {
      throw new KnowledgeError(`alias "${key}" must map to a non-empty string of words`, ALIASES_FILE, lineOf(text, `"${key}"`));
    }
  }
  return aliases as AliasTable;
}

function jsonErrorLine(text: string, error: unknown): number | undefined {
  const position = /position (\d+)/u.exec(String((error as Error).message))?.[1];
  return position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
}

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}
