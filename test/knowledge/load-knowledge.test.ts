import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTitles, KnowledgeError, loadAliases, loadKnowledge } from '../../src/knowledge/index.js';
import { KNOWLEDGE_DIR, SEED_TEXT } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('loadKnowledge', () => {
  it('loads the shipped knowledge folder', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    expect(knowledge.documents).toHaveLength(1);
    expect(knowledge.passages).toHaveLength(11);
  });

  it('reads .txt and .md files in name order and ignores everything else', () => {
    const dir = tempDir({ 'b.md': 'Second doc.', 'a.txt': SEED_TEXT, 'aliases.json': '{"aliases":{}}', 'notes.csv': 'x' });
    const knowledge = loadKnowledge(dir);
    expect(knowledge.documents.map((d) => d.file)).toEqual(['a.txt', 'b.md']);
    expect(knowledge.passages).toHaveLength(12);
    expect(knowledge.passages.at(-1)?.id).toBe('b#p1');
  });

  it('stops on a missing folder, naming it', () => {
    const missing = join(tempDir(), 'nope');
    expect(() => loadKnowledge(missing)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(missing)).toThrow(/cannot read the knowledge folder .*nope/);
  });

  it('stops on a folder with no knowledge files', () => {
    expect(() => loadKnowledge(tempDir({ 'readme.rtf': 'x' }))).toThrow(/has no \.txt or \.md files/);
  });

  it('stops on a file that is not UTF-8, naming the file and the line', () => {
    const latin1 = Buffer.concat([Buffer.from('Fine line.\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]);
    const dir = tempDir({ 'ok.txt': 'Fine.', 'latin.txt': latin1 });
    expect(() => loadKnowledge(dir)).toThrow('knowledge: latin.txt:3: is not valid UTF-8 text');
  });

  it('stops on an empty file, naming it', () => {
    expect(() => loadKnowledge(tempDir({ 'empty.txt': '' }))).toThrow(/empty\.txt: no paragraphs/);
  });
});

describe('loadAliases', () => {
  it('reads the shipped alias list', () => {
    expect(loadAliases(KNOWLEDGE_DIR).OBOR).toBe('Belt and Road');
  });

  it('treats a missing file as no aliases', () => {
    expect(loadAliases(tempDir())).toEqual({});
  });

  it('names the file and line of broken JSON', () => {
    const dir = tempDir({ 'aliases.json': '{\n  "aliases": {\n    "a": "b",\n  }\n}' });
    expect(() => loadAliases(dir)).toThrow(/knowledge: aliases\.json:4: is not valid JSON/);
  });

  it('rejects a value that is not a string of words', () => {
    const dir = tempDir({ 'aliases.json': '{"aliases": {\n"ok": "fine",\n"bad": 3}}' });
    expect(() => loadAliases(dir)).toThrow('knowledge: aliases.json:3: alias "bad" must map to a non-empty string of words');
  });
});

describe('describeTitles', () => {
  it('names a few documents and counts the rest', () => {
    expect(describeTitles(['A', 'B'])).toBe('A; B');
    expect(describeTitles(Array.from({ length: 10_002 }, (_, i) => `T${i}`))).toBe('T0; T1; T2 and 9,999 more');
  });
});

describe('contentHash', () => {
  it('changes when any file changes, and only then', () => {
    const dir = tempDir({ 'a.txt': 'One.', 'b.txt': 'Two.' });
    const before = loadKnowledge(dir).contentHash;
    expect(loadKnowledge(dir).contentHash).toBe(before);
    const changed = tempDir({ 'a.txt': 'One.', 'b.txt': 'Two!' });
    expect(loadKnowledge(changed).contentHash).not.toBe(before);
  });
});
