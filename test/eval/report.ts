// `npm run eval [-- --misses] [--typos] [--baseline] [--save F] [--diff F] [--articles DIR | --holdouts]`: the
// answer-quality figures of every run; --misses lists what went wrong; --typos how many right answers survive a slip
// of the keyboard, a shout or a greeting; --baseline what a plain MiniSearch search gets right on the same questions;
// --save writes every reply to F, --diff lists the questions whose reply changed since F was saved; --articles
// measures another folder of articles and questions instead, --holdouts the frozen holdouts (with the frozen chatter).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  baselineRight,
  CHAT_FORMS,
  evalRuns,
  evalRunsIn,
  HOLDOUT_FOLDERS,
  precisionOf,
  ratio,
  scoreRun,
  SLIPS,
  TWO_SLIPS,
  variantRobustness,
  type EvalRun,
} from './eval-sets.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const showMisses = args.includes('--misses');
const showSlips = args.includes('--typos');
const showBaseline = args.includes('--baseline');
const before = option('--diff') ? (JSON.parse(readFileSync(option('--diff') as string, 'utf8')) as Record<string, string>) : undefined;
const replies: Record<string, string> = {};

const folder = option('--articles');
const runs: EvalRun[] = folder
  ? evalRunsIn(folder)
  : args.includes('--holdouts')
    ? HOLDOUT_FOLDERS.flatMap((f) => evalRunsIn(fileURLToPath(new URL(`${f}/`, import.meta.url)), undefined, f))
    : evalRuns();

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(`${'run'.padEnd(40)} ${'right quoted'.padEnd(17)} ${'precision'.padEnd(10)} ${'in reply'.padEnd(17)} ${'out of scope declined'.padEnd(22)} chatter declined`);
for (const run of runs) {
  const score = scoreRun(run, undefined, ({ q, answer, right }) => {
    const key = `${run.name} | ${q}`;
    replies[key] = `${right ? 'RIGHT' : 'wrong'} ${answer.answered ? answer.source?.passageId : `(declined: ${answer.reason})`}`;
    if (before?.[key] !== undefined && before[key] !== replies[key]) console.log(`   changed [${run.name}] ${q}: ${before[key]} → ${replies[key]}`);
  });
  console.log(
    `${score.name.padEnd(40)} ${ratio(score.right, score.answerable).padEnd(17)} ${percent(precisionOf(score)).padEnd(10)} ${ratio(score.inReply, score.answerable).padEnd(17)}` +
      ` ${ratio(score.abstained, score.outOfScope).padEnd(22)} ${ratio(score.chatterDeclined, score.chatter).padEnd(15)} (quoted ${score.chatterAnswered})`,
  );
  if (showBaseline) console.log(`${''.padEnd(40)} plain MiniSearch ${ratio(baselineRight(run), score.answerable)} (never declines)`);
  if (showSlips) {
    for (const [label, variants] of [['with a typo', SLIPS], ['with two typos', TWO_SLIPS], ['shouted or greeted', CHAT_FORMS]] as const) {
      const robust = variantRobustness(run, variants);
      console.log(`${''.padEnd(40)} still right ${label.padEnd(19)} ${ratio(robust.kept, robust.asked)}`);
      if (showMisses) for (const q of robust.lost) console.log(`   lost  ${q}`);
    }
  }
  if (!showMisses) continue;
  for (const m of score.misses) console.log(`   miss  [${m.set}] ${m.q}  → ${m.got}  (want ${m.expect.join(' | ')})`);
  for (const l of score.leaks) console.log(`   leak  [${l.set}] ${l.q}  → ${l.got}`);
  for (const c of score.chatterLeaks) console.log(`   chat  ${c.q}  → ${c.got}`);
}
if (option('--save')) writeFileSync(option('--save') as string, JSON.stringify(replies, null, 1));
