// Reads every .txt and .md file of a knowledge folder and parses it, stopping on anything unusable.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeError } from './knowledge-error.js';
import { parseDocument } from './parse-document.js';
import type { Knowledge, KnowledgeDocument } from './types.js';

/** File extensions the loader reads; anything else in the folder (e.g. `aliases.json`) is left alone. */
export const KNOWLEDGE_EXTENSIONS = ['.txt', '.md'] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Loads the knowledge folder `dir`: every `.txt` and `.md` file, in file-name order.
 * @throws KnowledgeError for a missing or empty folder, a file that is not UTF-8, or a file that does not parse.
 */
export function loadKnowledge(dir: string): Knowledge {
  const files = listKnowledgeFiles(dir);
  const documents = files.map((file) => readKnowledgeFile(file, readFileSync(join(dir, file)), statSync(join(dir, file)).mtime));
  return { ...fromDocuments(documents), contentHash: knowledgeHash(documents) };
}

/** Parses one knowledge file's bytes. @throws KnowledgeError naming the file and line when it is unusable. */
export function readKnowledgeFile(file: string, bytes: Uint8Array, modified: Date): KnowledgeDocument {
  return { ...parseDocument(decode(bytes, file), file), modified: modified.toISOString(), digest: createHash('sha256').update(bytes).digest('hex') };
}

/** What an index cache is keyed by: the documents' file names and the digests of their bytes, in file-name order. */
export function knowledgeHash(documents: readonly Pick<KnowledgeDocument, 'file' | 'digest'>[]): string {
  const hash = createHash('sha256');
  for (const d of [...documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) hash.update(`${d.file}\0${d.digest ?? ''}\0`);
  return hash.digest('hex');
}

/** Lists the knowledge files of `dir`, sorted; throws when there are none. */
export function listKnowledgeFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new KnowledgeError(`${dir} is not a folder`);
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) throw error;
    throw new KnowledgeError(`cannot read the knowledge folder ${dir} (${(error as Error).message})`);
  }
  const files = names.filter((n) => KNOWLEDGE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext))).sort();
  if (files.length === 0) {
    throw new KnowledgeError(`the knowledge folder ${dir} has no .txt or .md files`);
  }
  return files;
}

/** Combines parsed documents into the knowledge value. */
export function fromDocuments(documents: KnowledgeDocument[]): Knowledge {
  return { documents, passages: documents.flatMap((d) => d.passages) };
}

function decode(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new KnowledgeError('is not valid UTF-8 text', file, lineOfFirstInvalidByte(bytes));
  }
}

// Decodes leniently and counts the newlines before the first replacement character.
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const at = lenient.indexOf('\uFFFD');
  return lenient.slice(0, Math.max(at, 0)).split('\n').length;
}
