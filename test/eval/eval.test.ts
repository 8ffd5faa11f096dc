// Answer quality on questions written as users ask them: the right passage for answerable ones, silence otherwise.
// The target (85% right, 90% abstained on every run) is not met yet; each run keeps at least what it reaches today.
import { describe, expect, it } from 'vitest';
import { CHAT_FORMS, evalRuns, ratio, scoreRun, SLIPS, variantRobustness, type Variant } from './eval-sets.js';

/** The goal for every run: answered from a passage that answers the question, and abstained when out of scope. */
const TARGET = { right: 0.85, abstained: 0.9 };

/** What each run reaches today, less a question or two: a change that loses more is a regression. */
const FLOOR: Record<string, { right: number; abstained: number }> = {
  'seed with aliases.json': { right: 0.8, abstained: 0.86 },
  'seed without aliases.json': { right: 0.68, abstained: 0.86 },
  'seed, tuned questions (not a floor)': { right: 0, abstained: 0 },
  'aurelia-buys-levanta': { right: 0.7, abstained: 0.81 },
  'who-tamboro-fever-malawi': { right: 0.64, abstained: 0.72 },
  'election-coalition': { right: 0.5, abstained: 0.56 },
  'lunar-lander': { right: 0.57, abstained: 0.41 },
  'ransomware-hospitals': { right: 0.58, abstained: 0.56 },
  'rate-decision-mortgages': { right: 0.61, abstained: 0.5 },
  'all articles together': { right: 0.58, abstained: 0.57 },
  'ashcombe-prize-tidewater-hymns': { right: 0.48, abstained: 0.4 },
  'canada-october-jobs-report': { right: 0.7, abstained: 0.58 },
  'glenmorra-wind-farm-approval': { right: 0.66, abstained: 0.58 },
  'mill-harbor-rent-cap-vote': { right: 0.55, abstained: 0.4 },
  'dev2 together': { right: 0.58, abstained: 0.45 },
  danube: { right: 0.95, abstained: 0.3 },
  'inca-empire': { right: 0.89, abstained: 0.6 },
  photosynthesis: { right: 0.88, abstained: 0.2 },
  'sagrada-familia': { right: 0.86, abstained: 0.6 },
  titanium: { right: 0.92, abstained: 0.38 },
  'crowd together': { right: 0.9, abstained: 0.45 },
}

/** Share of right answers still right when the question's longest word has a slip in it (91% today, 76% before), and
 * when it is shouted or opens with a greeting (99.6% today, 90% before). */
const VARIANT_FLOOR: readonly [string, readonly Variant[], number][] = [
  ['a word of the question is mistyped (swapped, dropped or doubled letters)', SLIPS, 0.89],
  ['the question is shouted or opens with a greeting', CHAT_FORMS, 0.98],
];

/** All articles together: share of answerable questions whose passage the reply quotes or offers (79.8% today; 75.2%
 * when a question not answered was offered the FAQ instead of the passages that hold most of it). */
const IN_REPLY_FLOOR = 0.76;

const runs = evalRuns();

describe('answer quality', () => {
  it('has at least 30 answerable and 10 out-of-scope questions per article, and a floor for every run', () => {
    for (const run of runs) {
      expect(run.answerable.length, run.name).toBeGreaterThanOrEqual(30);
      expect(run.outOfScope.length, run.name).toBeGreaterThanOrEqual(10);
      expect(FLOOR[run.name], run.name).toBeDefined();
    }
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  for (const run of runs) {
    it(`${run.name}: answers from the right passage and abstains when it should`, () => {
      const score = scoreRun(run);
      const floor = FLOOR[run.name] ?? TARGET;
      console.log(
        `eval ${run.name}: right ${ratio(score.right, score.answerable)}, abstained ${ratio(score.abstained, score.outOfScope)}` +
          ` (target ${TARGET.right * 100}% / ${TARGET.abstained * 100}%)`,
      );
      expect(score.right / score.answerable, `missed: ${score.misses.map((m) => `${m.q} → ${m.got}`).join(' | ')}`).toBeGreaterThanOrEqual(floor.right);
      expect(score.abstained / score.outOfScope, `answered: ${score.leaks.map((l) => `${l.q} → ${l.got}`).join(' | ')}`).toBeGreaterThanOrEqual(floor.abstained);
      if (run.name === 'all articles together') expect(score.inReply / score.answerable).toBeGreaterThanOrEqual(IN_REPLY_FLOOR);
    });
  }

  for (const [how, variants, floor] of VARIANT_FLOOR) {
    it(`still answers right when ${how}`, () => {
      const all = runs.find((r) => r.name === 'all articles together');
      expect(all).toBeDefined();
      const robust = variantRobustness(all as (typeof runs)[number], variants);
      console.log(`eval ${variants.join('/')}: still right ${ratio(robust.kept, robust.asked)}`);
      expect(robust.asked).toBeGreaterThan(200);
      expect(robust.kept / robust.asked, `lost: ${robust.lost.join(' | ')}`).toBeGreaterThanOrEqual(floor);
    });
  }
});
