// Answer quality on questions written as users ask them: the right passage for answerable ones, silence otherwise.
import { describe, expect, it } from 'vitest';
import { evalRuns, ratio, scoreRun } from './eval-sets.js';

/** Share of answerable questions that must be answered from a passage that answers them, in every run. */
const MIN_RIGHT = 0.85;
/** Share of out-of-scope questions that must get "not in the briefing", in every run. */
const MIN_ABSTAINED = 0.9;

const runs = evalRuns();

describe('answer quality', () => {
  it('has at least 30 answerable and 10 out-of-scope questions per article', () => {
    for (const run of runs) {
      expect(run.answerable.length, run.name).toBeGreaterThanOrEqual(30);
      expect(run.outOfScope.length, run.name).toBeGreaterThanOrEqual(10);
    }
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  for (const run of runs) {
    it(`${run.name}: answers from the right passage and abstains when it should`, () => {
      const score = scoreRun(run);
      console.log(`eval ${run.name}: right ${ratio(score.right, score.answerable)}, abstained ${ratio(score.abstained, score.outOfScope)}`);
      expect(score.right / score.answerable, `missed: ${score.misses.map((m) => `${m.q} → ${m.got}`).join(' | ')}`).toBeGreaterThanOrEqual(MIN_RIGHT);
      expect(score.abstained / score.outOfScope, `answered: ${score.leaks.map((l) => `${l.q} → ${l.got}`).join(' | ')}`).toBeGreaterThanOrEqual(MIN_ABSTAINED);
    });
  }
});
