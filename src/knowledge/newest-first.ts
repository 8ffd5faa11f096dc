// Which article is newest: by its `Date:` line, then by when its file was last modified, then by file name.
import type { KnowledgeDocument } from './types.js';

/** The documents, newest first (a document with a `Date:` line is newer than one without, on the same day or not). */
export function newestFirst<T extends Pick<KnowledgeDocument, 'date' | 'modified' | 'file'>>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => later(a.date, b.date) || later(a.modified, b.modified) || later(a.file, b.file));
}

// ISO dates and times compare as strings (a plain comparison: `localeCompare` is slow on thousands of documents).
function later(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x > y ? -1 : x < y ? 1 : 0;
}

/** The date a document is known by: its `Date:` line, else the day its file was last modified. */
export function documentDate(document: Pick<KnowledgeDocument, 'date' | 'modified'>): string | undefined {
  return document.date ?? document.modified?.slice(0, 10);
}
