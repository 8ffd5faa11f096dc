// `npm run eval [-- --misses]`: the answer-quality figures of every run, and with --misses what went wrong.
import { evalRuns, ratio, scoreRun } from './eval-sets.js';

const showMisses = process.argv.includes('--misses');
for (const run of evalRuns()) {
  const score = scoreRun(run);
  console.log(`${score.name.padEnd(44)} right ${ratio(score.right, score.answerable).padEnd(16)} abstained ${ratio(score.abstained, score.outOfScope)}`);
  if (!showMisses) continue;
  for (const m of score.misses) console.log(`   miss  [${m.set}] ${m.q}  → ${m.got}  (want ${m.expect.join(' | ')})`);
  for (const l of score.leaks) console.log(`   leak  [${l.set}] ${l.q}  → ${l.got}`);
}
