// Answer quality on questions written as users ask them: the right passage for answerable ones, silence otherwise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAnswerEngine } from '../../src/answers/index.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';

interface EvalSet {
  answerable: { q: string; expect: string[] }[];
  outOfScope: string[];
}

const set = JSON.parse(readFileSync(new URL('questions.json', import.meta.url), 'utf8')) as EvalSet;
const engine = openAnswerEngine(KNOWLEDGE_DIR);

describe('eval set', () => {
  it('is big enough to mean something', () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(40);
    expect(set.outOfScope.length).toBeGreaterThanOrEqual(12);
  });

  it('answers at least 90% of answerable questions from the right passage', () => {
    const misses = set.answerable.filter(({ q, expect: passages }) => {
      const answer = engine.answer(q);
      return !answer.answered || !passages.some((p) => answer.source?.passageId.endsWith(`#${p}`));
    });
    const rate = 1 - misses.length / set.answerable.length;
    console.log(`eval: answered right ${set.answerable.length - misses.length}/${set.answerable.length} (${(rate * 100).toFixed(1)}%)`);
    expect(rate, `missed: ${misses.map((m) => m.q).join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('abstains on at least 90% of out-of-scope questions', () => {
    const answered = set.outOfScope.filter((q) => engine.answer(q).answered);
    const rate = 1 - answered.length / set.outOfScope.length;
    console.log(`eval: abstained ${set.outOfScope.length - answered.length}/${set.outOfScope.length} (${(rate * 100).toFixed(1)}%)`);
    expect(rate, `answered: ${answered.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
