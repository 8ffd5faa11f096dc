// The folder read again and again: what changed, what is kept when a file breaks, what is skipped.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answers/index.js';
import { fromDocuments, parseDocument } from '../../src/knowledge/index.js';
import { isEditorFile, KnowledgeFolder } from '../../src/live/knowledge-folder.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const article = (title: string, body: string): string => `Title: ${title}\n\n${body}\n\nSources:\n\n– example.org\n`;
// A later modification time, so a rewrite within the same millisecond is still seen as a change.
const touch = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

describe('reading the knowledge folder again', () => {
  it('reports added, changed and removed articles, and nothing when nothing changed', async () => {
    const dir = tempDir({ 'a.txt': article('A', 'Alpha ferries sail on Monday.'), 'b.txt': article('B', 'Bravo trains run late.') });
    const folder = new KnowledgeFolder(dir);
    const first = await folder.scan();
    expect(first.added.map((d) => d.file)).toEqual(['a.txt', 'b.txt']);
    expect((await folder.scan()).added).toEqual([]);
    writeFileSync(join(dir, 'a.txt'), article('A', 'Alpha ferries sail on Tuesday.'));
    touch(join(dir, 'a.txt'), 2_000_000_000);
    rmSync(join(dir, 'b.txt'));
    writeFileSync(join(dir, 'c.txt'), article('C', 'Charlie buses are free.'));
    const next = await folder.scan();
    expect(next.changed.map((d) => d.file)).toEqual(['a.txt']);
    expect(next.removed).toEqual(['b']);
    expect(next.added.map((d) => d.file)).toEqual(['c.txt']);
    expect(next.knowledge.documents.map((d) => d.file)).toEqual(['a.txt', 'c.txt']);
    expect(next.knowledge).toBe(folder.knowledge());
  });

  it('keeps the last good version of a file that breaks, and says where', async () => {
    const dir = tempDir({ 'a.txt': article('A', 'Alpha ferries sail on Monday.') });
    const folder = new KnowledgeFolder(dir);
    await folder.scan();
    writeFileSync(join(dir, 'a.txt'), 'Title: A\n\nAlpha.\n\nFAQ:\n\nQ: Dangling?\n');
    touch(join(dir, 'a.txt'), 2_000_000_000);
    const broken = await folder.scan();
    expect(broken.problems).toEqual([expect.objectContaining({ file: 'a.txt', line: 7, keptLastGood: true })]);
    expect(broken.changed).toEqual([]);
    expect(broken.knowledge.passages[0]?.text).toBe('Alpha ferries sail on Monday.');
  });

  it('reloads aliases.json, and keeps the aliases in service when it breaks', async () => {
    const dir = tempDir({ 'a.txt': article('A', 'Alpha ferries sail on Monday.'), 'aliases.json': '{"aliases": {"boats": "ferries"}}' });
    const folder = new KnowledgeFolder(dir);
    expect((await folder.scan()).aliases).toEqual({ boats: 'ferries' });
    writeFileSync(join(dir, 'aliases.json'), '{"aliases": {"boats": "ferries", "ships": "ferries"}}');
    touch(join(dir, 'aliases.json'), 2_000_000_000);
    const reloaded = await folder.scan();
    expect(reloaded.aliasesChanged).toBe(true);
    expect(reloaded.aliases).toEqual({ boats: 'ferries', ships: 'ferries' });
    writeFileSync(join(dir, 'aliases.json'), '{"aliases": {"boats": ');
    touch(join(dir, 'aliases.json'), 2_000_000_100);
    const broken = await folder.scan();
    expect(broken.problems[0]).toMatchObject({ file: 'aliases.json', keptLastGood: true });
    expect(broken.aliases).toEqual({ boats: 'ferries', ships: 'ferries' });
  });

  it('keeps the knowledge when the folder empties, and tells why', async () => {
    const dir = tempDir({ 'a.txt': article('A', 'Alpha ferries sail on Monday.') });
    const folder = new KnowledgeFolder(dir);
    await folder.scan();
    rmSync(join(dir, 'a.txt'));
    const empty = await folder.scan();
    expect(empty.emptyFolder).toMatch(/no usable/u);
    expect(empty.removed).toEqual([]);
    expect(empty.knowledge.documents).toHaveLength(1);
  });

  it('tells editor files from articles', () => {
    for (const name of ['.a.txt.swp', 'a.txt~', 'a.txt.tmp', '.hidden.txt', '#a.txt#', 'a.txt.swo']) expect(isEditorFile(name), name).toBe(true);
    for (const name of ['a.txt', 'notes.md', 'aliases.json']) expect(isEditorFile(name), name).toBe(false);
  });
});

describe('several articles', () => {
  it('answers from the newer of two articles that cover a question equally', () => {
    const text = (date: string): string => `Title: Ferry fares\nDate: ${date}\n\nHarbour ferry fares rise to four dollars in March.\n\nThe council approved the new timetable.\n`;
    const documents = [parseDocument(text('2026-01-01'), 'older.txt'), parseDocument(text('2026-02-01'), 'newer.txt')];
    const engine = createAnswerEngine(fromDocuments(documents), { lexicon, cacheSize: 0 });
    expect(engine.answer('how much are ferry fares').source?.file).toBe('newer.txt');
    const swapped = [parseDocument(text('2026-03-01'), 'older.txt'), parseDocument(text('2026-02-01'), 'newer.txt')];
    expect(createAnswerEngine(fromDocuments(swapped), { lexicon, cacheSize: 0 }).answer('how much are ferry fares').source?.file).toBe('older.txt');
  });
});
