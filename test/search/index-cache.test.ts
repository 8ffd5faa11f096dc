// The index cache: an unchanged knowledge loads its index from disk; any change, or a broken file, rebuilds it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine, createWarmingEngine, loadAnswerEngine, WARMING_UP_TEXT } from '../../src/answers/index.js';
import { cacheKey, readIndexCache, writeIndexCache } from '../../src/search/index-cache.js';
import { buildPassageIndex, loadPassageIndex, loadPassageIndexAsync, reviveIndexLine, type PassageIndexData } from '../../src/search/index.js';
import { loadAliases, loadKnowledge } from '../../src/knowledge/index.js';
import { KNOWLEDGE_DIR, SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const questions = ['whats the BRI', 'sanctions', 'what about the arctic', 'When is our team offsite?', 'infrastucture'];

describe('loadAnswerEngine with a cache folder', () => {
  it('builds and saves the index, then loads it, answering exactly the same', async () => {
    const cacheDir = tempDir();
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const aliases = loadAliases(KNOWLEDGE_DIR);
    const first = await loadAnswerEngine(knowledge, { aliases, cacheDir, lexicon });
    expect(first.index).toBe('built');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);
    const second = await loadAnswerEngine(loadKnowledge(KNOWLEDGE_DIR), { aliases, cacheDir, lexicon });
    expect(second.index).toBe('cache');
    for (const q of questions) expect(second.engine.answer(q)).toEqual(first.engine.answer(q));
  });

  it('rebuilds when a knowledge file changes, and keeps only the current cache', async () => {
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    const cacheDir = tempDir();
    expect((await loadAnswerEngine(loadKnowledge(dir), { cacheDir, lexicon })).index).toBe('built');
    writeFileSync(join(dir, SEED_FILE), SEED_TEXT.replace('Arctic', 'Antarctic'));
    const changed = await loadAnswerEngine(loadKnowledge(dir), { cacheDir, lexicon });
    expect(changed.index).toBe('built');
    expect(changed.engine.answer('antarctic').answered).toBe(true);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);
  });

  it('rebuilds over a broken cache file', async () => {
    const cacheDir = tempDir();
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    await loadAnswerEngine(knowledge, { cacheDir, lexicon });
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file ?? 'x'), '{"miniSearch": tru');
    const again = await loadAnswerEngine(knowledge, { cacheDir, lexicon });
    expect(again.index).toBe('built');
    expect(again.engine.answer('sanctions').answered).toBe(true);
  });

  it('rebuilds over a cache file that reads but lacks a part', async () => {
    const cacheDir = tempDir();
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    await loadAnswerEngine(knowledge, { cacheDir, lexicon });
    const [file] = readdirSync(cacheDir);
    const path = join(cacheDir, file ?? 'x');
    writeFileSync(path, readFileSync(path, 'utf8').split('\n').filter((line) => !line.startsWith('[["miniSearch","index"]')).join('\n'));
    const again = await loadAnswerEngine(knowledge, { cacheDir, lexicon });
    expect(again.index).toBe('built');
    expect(again.engine.answer('sanctions').answered).toBe(true);
  });

  it('reports a cache it cannot write and still answers', async () => {
    const blocked = join(tempDir({ file: 'x' }), 'file');
    const result = await loadAnswerEngine(loadKnowledge(KNOWLEDGE_DIR), { cacheDir: blocked, lexicon });
    expect(result.cacheError).toBeDefined();
    expect(result.engine.answer('sanctions').answered).toBe(true);
  });
});

describe('the index cache file', () => {
  it('with the index reviver, makes the postings into maps as it reads them, and restores the same index from them', async () => {
    const dir = tempDir();
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const key = cacheKey(knowledge.contentHash ?? '');
    await writeIndexCache(dir, key, buildPassageIndex(knowledge, lexicon).toData());
    const plain = await readIndexCache(dir, key);
    const revived = await readIndexCache(dir, key, reviveIndexLine);
    const postings = (data: PassageIndexData | undefined) => (data?.miniSearch as unknown as { index: [string, unknown][] }).index.map(([, p]) => p);
    expect(postings(plain).every((p) => !(p instanceof Map))).toBe(true);
    expect(postings(revived).every((p) => p instanceof Map)).toBe(true);
    const fromPlain = createAnswerEngine(knowledge, { lexicon, index: loadPassageIndex(knowledge, plain as PassageIndexData, lexicon) });
    const fromRevived = createAnswerEngine(knowledge, { lexicon, index: await loadPassageIndexAsync(knowledge, revived as PassageIndexData, lexicon) });
    for (const q of questions) expect(fromRevived.answer(q)).toEqual(fromPlain.answer(q));
  });

  it('holds large arrays and objects over several short lines and reads back exactly what was written', async () => {
    const dir = tempDir();
    const key = cacheKey('test');
    const data = {
      miniSearch: { documentCount: 3, index: Array.from({ length: 4_500 }, (_, i) => [`term${i}`, { 0: { 1: i } }]), storedFields: Object.fromEntries(Array.from({ length: 9_000 }, (_, i) => [String(i), { title: `Title ${i}` }])) },
      vocabulary: { passages: 3, df: [['a', 1]], capitals: [], surface: [] },
      questionTerms: [],
      common: { passages: 3, bits: [['b', 'AQ==']] },
    } as unknown as PassageIndexData;
    await writeIndexCache(dir, key, data);
    const [file] = readdirSync(dir);
    const lines = readFileSync(join(dir, file ?? 'x'), 'utf8').trim().split('\n');
    const indexLines = lines.filter((l) => l.startsWith('[["miniSearch","index"]'));
    expect(indexLines.length).toBeGreaterThan(1);
    const held = indexLines.map((l) => (JSON.parse(l) as [unknown, unknown[]])[1].length);
    expect(held.reduce((a, b) => a + b, 0)).toBe(4_500);
    expect(lines.filter((l) => l.startsWith('[["miniSearch","storedFields"]')).length).toBeGreaterThan(1);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(100_000);
    expect(await readIndexCache(dir, key)).toEqual(data);
  });
});

describe('createWarmingEngine', () => {
  it('says it is still reading until the engine is ready, then answers', async () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const warming = createWarmingEngine(knowledge);
    expect(warming.answer('sanctions')).toMatchObject({ answered: false, reason: 'warming-up', answer: WARMING_UP_TEXT });
    warming.ready((await loadAnswerEngine(knowledge, { lexicon })).engine);
    expect(warming.isReady).toBe(true);
    expect(warming.answer('sanctions').answered).toBe(true);
  });
});
