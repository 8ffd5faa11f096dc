// Updating the index in place (documents added, changed, removed) answers as an index built from scratch would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine, type AnswerEngine } from '../../src/answers/index.js';
import { buildPassageIndex, loadPassageIndex, loadPassageIndexAsync, type PassageIndex } from '../../src/search/index.js';
import { fromDocuments, parseDocument, type KnowledgeDocument } from '../../src/knowledge/index.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const ARTICLES = new URL('../eval/articles/', import.meta.url).pathname;
const SEED = new URL('../../knowledge/putin-visits-xi-in-beijing.txt', import.meta.url).pathname;
const files = readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort();
const texts = new Map<string, string>([['putin-visits-xi-in-beijing.txt', readFileSync(SEED, 'utf8')], ...files.map((f): [string, string] => [f, readFileSync(join(ARTICLES, f), 'utf8')])]);
const questions = [...new Set([...texts.keys()].flatMap((file) => {
  const json = join(ARTICLES, file.replace(/\.txt$/u, '.questions.json'));
  try {
    const q = JSON.parse(readFileSync(json, 'utf8')) as { answerable: { q: string }[]; outOfScope: string[] };
    return [...q.answerable.map((a) => a.q), ...q.outOfScope];
  } catch {
    return ['why is putin going to beijing', 'what is the belt and road', 'who is xi jinping', 'ukraine war sanctions'];
  }
}))];

// A changed version of an article: its second paragraph gone, a new one at the end, its title reworded.
function changed(text: string, file: string): string {
  const blocks = text.split(/\n\s*\n/u);
  const faq = blocks.findIndex((b) => b.trim() === 'FAQ:');
  const body = blocks.slice(0, faq < 0 ? blocks.length : faq);
  const rest = faq < 0 ? [] : blocks.slice(faq);
  return [body[0]?.replace(/^Title: /mu, 'Title: Updated: ') ?? '', ...body.slice(1, 2), ...body.slice(3), `Late addition to ${file}: officials in Wellington and Valencia said a joint review of the merger and the outbreak would follow.`, ...rest].join('\n\n');
}

const documentOf = (file: string, text: string): KnowledgeDocument => parseDocument(text, file);
const answersOf = (engine: AnswerEngine): string[] =>
  questions.map((q) => {
    const a = engine.answer(q);
    return a.answered ? (a.source?.passageId ?? '?') : `- ${a.reason ?? ''}`;
  });
const engineOver = (documents: Map<string, KnowledgeDocument>, index?: PassageIndex): AnswerEngine => {
  const knowledge = fromDocuments([...documents.values()].sort((a, b) => (a.file < b.file ? -1 : 1)));
  return createAnswerEngine(knowledge, { lexicon, cacheSize: 0, index: index ?? buildPassageIndex(knowledge, lexicon) });
};

// An index over the first `count` articles, the first of them then replaced by a changed version (leaving holes).
function withOneReplaced(count: number) {
  const documents = new Map([...texts.keys()].slice(0, count).map((f): [string, KnowledgeDocument] => [f, documentOf(f, texts.get(f) ?? '')]));
  const index = buildPassageIndex(fromDocuments([...documents.values()]), lexicon);
  const first = [...documents.keys()][0] as string;
  const replaced = documentOf(first, changed(texts.get(first) ?? '', first));
  documents.set(first, replaced);
  index.update({ added: [replaced], removed: [] });
  const knowledge = fromDocuments([...documents.values()].sort((a, b) => (a.file < b.file ? -1 : 1)));
  return { documents, index, knowledge, first, replaced };
}

describe('updating the index in place', () => {
  // Low bars for common words too, so that their bitsets come and go in a small knowledge.
  it.each([
    ['default tuning', { commonMin: 1_000, commonShare: 0.01 }],
    ['words in more than 3 passages are common', { commonMin: 3, commonShare: 0 }],
  ])('answers as a fresh index after each of a sequence of adds, changes and removals (%s)', { timeout: 120_000 }, (_name, tuning) => {
    const next = seededRandom(7);
    const all = [...texts.keys()];
    const current = new Map<string, KnowledgeDocument>(all.slice(0, 3).map((f) => [f, documentOf(f, texts.get(f) ?? '')]));
    const index = buildPassageIndex(fromDocuments([...current.values()]), lexicon, tuning);
    for (let step = 0; step < 8; step += 1) {
      const file = all[Math.floor(next() * all.length)] as string;
      const roll = next();
      if (current.has(file) && roll < 0.35 && current.size > 1) {
        current.delete(file);
        index.update({ added: [], removed: [file.replace(/\.txt$/u, '')] });
      } else if (current.has(file) && roll < 0.7) {
        const document = documentOf(file, changed(texts.get(file) ?? '', file));
        current.set(file, document);
        index.update({ added: [document], removed: [] });
      } else {
        const document = documentOf(file, texts.get(file) ?? '');
        current.set(file, document);
        index.update({ added: [document], removed: [] });
      }
      const fresh = buildPassageIndex(fromDocuments([...current.values()].sort((a, b) => (a.file < b.file ? -1 : 1))), lexicon, tuning);
      expect(index.derivedAliases, `step ${step}`).toEqual(fresh.derivedAliases);
      expect(index.vocabulary.passageCount).toBe(fresh.vocabulary.passageCount);
      expect(answersOf(engineOver(current, index)), `step ${step}: ${file}`).toEqual(answersOf(engineOver(current, fresh)));
    }
  });

  it('is saved and restored with its holes, and keeps answering the same', () => {
    const { documents, index, knowledge } = withOneReplaced(3);
    const restored = loadPassageIndex(knowledge, JSON.parse(JSON.stringify(index.toData())), lexicon);
    expect(restored.passages.filter(Boolean)).toHaveLength(knowledge.passages.length);
    expect(answersOf(engineOver(documents, restored))).toEqual(answersOf(engineOver(documents, index)));
  });

  it('is restored in slices that let the event loop in, and answers as the one-step restore does', async () => {
    const { documents, index, knowledge, first, replaced } = withOneReplaced(6);
    const data = JSON.parse(JSON.stringify(index.toData())) as ReturnType<PassageIndex['toData']>;
    let turns = 0;
    const counting = setInterval(() => { turns += 1; }, 0);
    // A slice of 0 ms yields at every step: the timer gets in many times while the restore runs.
    const sliced = await loadPassageIndexAsync(knowledge, data, lexicon, 0).finally(() => clearInterval(counting));
    expect(turns).toBeGreaterThan(10);
    const whole = loadPassageIndex(knowledge, data, lexicon);
    expect(sliced.derivedAliases).toEqual(whole.derivedAliases);
    expect(sliced.vocabulary.passageCount).toBe(whole.vocabulary.passageCount);
    expect(answersOf(engineOver(documents, sliced))).toEqual(answersOf(engineOver(documents, whole)));
    expect(answersOf(engineOver(documents, sliced))).toEqual(answersOf(engineOver(documents, index)));
    // The typo and prefix lookups, made a step at a time, find what the index kept up to date in place finds.
    const words = [...index.vocabulary.surfaceEntries()].map(([w]) => w).filter((w) => /^[a-z]{7,}$/u.test(w));
    expect(words.length).toBeGreaterThan(50);
    for (const word of words) {
      const typo = word.slice(0, 3) + word.slice(4);
      expect(sliced.vocabulary.typoMatches(typo)).toEqual(index.vocabulary.typoMatches(typo));
      expect(sliced.vocabulary.completions(word.slice(0, 5))).toEqual(index.vocabulary.completions(word.slice(0, 5)));
    }
    // Both can go on being updated alike.
    sliced.update({ added: [], removed: [replaced.id] });
    whole.update({ added: [], removed: [replaced.id] });
    documents.delete(first);
    expect(answersOf(engineOver(documents, sliced))).toEqual(answersOf(engineOver(documents, whole)));
  });

  it('stops answering from a removed article and answers from an added one', () => {
    const seed = documentOf('putin-visits-xi-in-beijing.txt', texts.get('putin-visits-xi-in-beijing.txt') ?? '');
    const airline = documentOf('aurelia-buys-levanta.txt', texts.get('aurelia-buys-levanta.txt') ?? '');
    const index = buildPassageIndex(fromDocuments([seed]), lexicon);
    const documents = new Map([[seed.file, seed]]);
    expect(engineOver(documents, index).answer('how many aircraft does levanta fly').answered).toBe(false);
    index.update({ added: [airline], removed: [] });
    documents.set(airline.file, airline);
    expect(engineOver(documents, index).answer('how many aircraft does levanta fly').source?.passageId).toBe('aurelia-buys-levanta#p4');
    index.update({ added: [], removed: [airline.id] });
    documents.delete(airline.file);
    expect(engineOver(documents, index).answer('how many aircraft does levanta fly').answered).toBe(false);
    expect(index.passages.filter(Boolean)).toHaveLength(seed.passages.length);
  });
});
