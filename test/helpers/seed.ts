// The shipped knowledge, for tests that use the real article.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's knowledge folder. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));
/** The seed article's file name in it. */
export const SEED_FILE = 'putin-visits-xi-in-beijing.txt';
/** The seed article's text, as shipped. */
export const SEED_TEXT = readFileSync(new URL(SEED_FILE, new URL('../../knowledge/', import.meta.url)), 'utf8');
