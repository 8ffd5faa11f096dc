// At scale, common words only re-rank what rarer words found; this must not change which passage answers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answers/index.js';
import { buildPassageIndex } from '../../src/search/passage-index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { createGenerator, writeCorpus } from '../../bench/corpus.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = join(tempDir(), 'corpus');
mkdirSync(dir);
writeCorpus(dir, 60, 7);
const knowledge = loadKnowledge(dir);
const everything = createAnswerEngine(knowledge, { index: buildPassageIndex(knowledge, { commonMin: Infinity, commonShare: 1 }) });
const pruned = createAnswerEngine(knowledge, { index: buildPassageIndex(knowledge, { commonMin: 30, commonShare: 0.05 }) });
const generator = createGenerator(11);
const questions = Array.from({ length: 120 }, () => generator.question());

describe('common-word pruning', () => {
  it('has common words to prune in this corpus', () => {
    expect(knowledge.passages.length).toBeGreaterThan(600);
  });

  it('answers the same questions, from one of the passages the full ranking puts first', () => {
    let close = 0;
    let differ = 0;
    for (const q of questions) {
      const a = everything.answer(q);
      const b = pruned.answer(q);
      if (b.answered !== a.answered) differ += 1;
      const top = [a.source?.passageId, ...a.suggestions.map((s) => s.passageId)];
      if (!a.answered || top.includes(b.source?.passageId)) close += 1;
    }
    // Pruning is an approximation: a document's share of the question is measured on the candidates only, and common
    // words score alike there, so among the many synthetic documents that cover a question fully it may pick another.
    expect(differ / questions.length).toBeLessThanOrEqual(0.02);
    expect(close / questions.length).toBeGreaterThanOrEqual(0.8);
  });

  it('still answers a question made only of common words', () => {
    const answer = pruned.answer('northern exports market');
    expect(answer.answered).toBe(true);
    expect(answer.answer.toLowerCase()).toMatch(/northern|exports|market/);
  });
});
