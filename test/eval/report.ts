// `npm run eval [-- --misses] [--typos] [--baseline] [--curve] [--hand] [--save F] [--diff F] [--articles DIR |
// --holdouts]`: the answer-quality figures of every run, then the reliability table (confidence band → share of best
// passages right) over all of them; --misses lists what went wrong; --typos how many right answers survive a slip of
// the keyboard, a shout or a greeting; --baseline what a plain MiniSearch search gets right on the same questions;
// --curve precision against right quoted as the answer threshold moves; --hand uses the hand-set weights; --save
// writes every reply to F, --diff lists the questions whose reply changed since F was saved; --articles measures
// another folder of articles and questions instead, --holdouts the frozen holdouts (with the frozen chatter). Last,
// follow-up questions in threads, each turn alone and read with its thread (the follow-up holdout with --holdouts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HAND_SET_DECISION } from '../../src/answers/index.js';
import { reliability } from './decision-data.js';
import { FOLLOW_UP_DEV, FOLLOW_UP_HOLDOUT, scoreFollowUps } from './follow-ups.js';
import {
  baselineRight,
  engineFor,
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
const decision = args.includes('--hand') ? HAND_SET_DECISION : undefined;
/** Every question's best confidence, whether its best passage answers it, and what kind of question it was. */
const tops: { confidence: number; right: boolean; kind: string }[] = [];

const folder = option('--articles');
const runs: EvalRun[] = folder
  ? evalRunsIn(folder)
  : args.includes('--holdouts')
    ? HOLDOUT_FOLDERS.flatMap((f) => evalRunsIn(fileURLToPath(new URL(`${f}/`, import.meta.url)), undefined, f))
    : evalRuns();

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
console.log(`${'run'.padEnd(40)} ${'right quoted'.padEnd(17)} ${'precision'.padEnd(10)} ${'in reply'.padEnd(17)} ${'out of scope declined'.padEnd(22)} chatter declined`);
for (const run of runs) {
  const score = scoreRun(run, engineFor(run, decision), ({ q, kind, answer, right, bestIsRight }) => {
    tops.push({ confidence: answer.confidence, right: bestIsRight, kind });
    const key = `${run.name} | ${kind} | ${q}`;
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
console.log('\nreliability, every question of every run (best candidate):');
console.log('  confidence   questions  mean confidence  share right');
for (const band of reliability(tops)) {
  if (band.n > 0) console.log(`  ${band.from.toFixed(1)}–${band.to.toFixed(1)}    ${String(band.n).padStart(9)}  ${band.confidence.toFixed(2).padStart(15)}  ${band.right.toFixed(2).padStart(11)}`);
}
if (args.includes('--curve')) {
  const answerable = tops.filter((t) => t.kind === 'answerable');
  const asked = tops.filter((t) => t.kind !== 'chatter');
  console.log('\nprecision curve, every run (answer threshold → right quoted, precision, out of scope declined):');
  for (let at = 0.3; at <= 0.901; at += 0.05) {
    const right = answerable.filter((t) => t.confidence >= at && t.right).length;
    const given = asked.filter((t) => t.confidence >= at).length;
    const oos = asked.filter((t) => t.kind === 'out-of-scope');
    const declined = oos.filter((t) => t.confidence < at).length;
    console.log(`  ${at.toFixed(2)}  ${ratio(right, answerable.length).padEnd(17)} ${((100 * right) / Math.max(1, given)).toFixed(1).padStart(5)}%  ${ratio(declined, oos.length)}`);
  }
}
// Follow-ups in threads: each turn on its own (as before threads were read) beside the thread-aware reading.
if (!folder) {
  const set = args.includes('--holdouts') ? FOLLOW_UP_HOLDOUT : FOLLOW_UP_DEV;
  const alone = scoreFollowUps(set, false);
  const threaded = scoreFollowUps(set, true);
  console.log(`\nfollow-ups in threads (${set}): right quoted (in reply), each turn alone → read with its thread`);
  for (const kind of ['first', 'refine', 'more', 'standalone'] as const) {
    const [a, t] = [alone.byKind[kind], threaded.byKind[kind]];
    console.log(`  ${kind.padEnd(11)} ${ratio(a.right, a.n).padEnd(17)} (${ratio(a.inReply, a.n)}) → ${ratio(t.right, t.n).padEnd(17)} (${ratio(t.inReply, t.n)})`);
  }
  console.log(`  "more" quoting a passage the thread already quoted: ${alone.repeats} → ${threaded.repeats}`);
  if (showMisses) for (const m of threaded.misses) console.log(`   miss  ${m}`);
}
if (option('--save')) writeFileSync(option('--save') as string, JSON.stringify(replies, null, 1));
