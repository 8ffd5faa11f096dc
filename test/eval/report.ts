// `npm run eval [-- --misses] [--typos] [--baseline] [--save F] [--diff F] [--articles DIR]`: the answer-quality
// figures of every run; --misses lists what went wrong; --typos how many right answers survive a slip of the keyboard,
// a shout or a greeting; --baseline what a plain MiniSearch search gets right on the same questions; --save writes
// every reply to F, --diff lists the questions whose reply changed since F was saved; --articles measures another
// folder of articles and questions instead (a held-out set).
import { readFileSync, writeFileSync } from 'node:fs';
import { baselineRight, CHAT_FORMS, evalRuns, evalRunsIn, ratio, scoreRun, SLIPS, TWO_SLIPS, variantRobustness } from './eval-sets.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const showMisses = args.includes('--misses');
const showSlips = args.includes('--typos');
const showBaseline = args.includes('--baseline');
const before = option('--diff') ? (JSON.parse(readFileSync(option('--diff') as string, 'utf8')) as Record<string, string>) : undefined;
const replies: Record<string, string> = {};

const folder = option('--articles');
for (const run of folder ? evalRunsIn(folder) : evalRuns()) {
  const score = scoreRun(run, undefined, (q, got, right) => {
    const key = `${run.name} | ${q}`;
    replies[key] = `${right ? 'RIGHT' : 'wrong'} ${got}`;
    if (before?.[key] !== undefined && before[key] !== replies[key]) console.log(`   changed [${run.name}] ${q}: ${before[key]} → ${replies[key]}`);
  });
  console.log(
    `${score.name.padEnd(44)} right ${ratio(score.right, score.answerable).padEnd(16)} abstained ${ratio(score.abstained, score.outOfScope).padEnd(14)}` +
      ` in reply ${ratio(score.inReply, score.answerable)}`,
  );
  if (showBaseline) console.log(`${''.padEnd(44)} plain MiniSearch ${ratio(baselineRight(run), score.answerable)} (never abstains)`);
  if (showSlips) {
    for (const [label, variants] of [['with a typo', SLIPS], ['with two typos', TWO_SLIPS], ['shouted or greeted', CHAT_FORMS]] as const) {
      const robust = variantRobustness(run, variants);
      console.log(`${''.padEnd(44)} still right ${label.padEnd(19)} ${ratio(robust.kept, robust.asked)}`);
      if (showMisses) for (const q of robust.lost) console.log(`   lost  ${q}`);
    }
  }
  if (!showMisses) continue;
  for (const m of score.misses) console.log(`   miss  [${m.set}] ${m.q}  → ${m.got}  (want ${m.expect.join(' | ')})`);
  for (const l of score.leaks) console.log(`   leak  [${l.set}] ${l.q}  → ${l.got}`);
}
if (option('--save')) writeFileSync(option('--save') as string, JSON.stringify(replies, null, 1));
