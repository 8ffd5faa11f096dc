// `npm run eval [-- --misses] [--typos] [--baseline] [--curve] [--hand] [--save F] [--diff F] [--articles DIR |
// --holdouts]`: the answer-quality figures of every run, then the reliability table (confidence band → share of best
// passages right) over all of them; --misses lists what went wrong; --typos how many right answers survive a slip of
// the keyboard, a shout or a greeting; --baseline what a plain MiniSearch search gets right on the same questions;
// --curve precision against right quoted as the answer threshold moves; --hand uses the hand-set weights; --save
// writes every reply to F, --diff lists the questions whose reply changed since F was saved; --articles measures
// another folder of articles and questions instead, --holdouts the frozen holdouts (with the frozen chatter). Last,
// follow-up questions in threads, each turn alone and read with its thread (the follow-up holdout with --holdouts).
// --embeddings (or EMBEDDINGS_URL set) measures every run a second time with the team's model (the Universal Sentence
// Encoder lite, served locally, unless EMBEDDINGS_URL names another) and prints it under the lexical figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HAND_SET_DECISION } from '../../src/answers/index.js';
import { reliability } from './decision-data.js';
import { embedRuns, fusedEngineFor } from './meaning-runs.js';
import { FOLLOW_UP_DEV, FOLLOW_UP_HOLDOUT, followUpQuestions, scoreFollowUps } from './follow-ups.js';
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
  type EvalScore,
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

const followUpSet = args.includes('--holdouts') ? FOLLOW_UP_HOLDOUT : FOLLOW_UP_DEV;
const embedded = args.includes('--embeddings') || process.env.EMBEDDINGS_URL ? await embedRuns(runs, folder ? [] : followUpQuestions(followUpSet)) : undefined;
const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
const line = (label: string, score: EvalScore, bestRight: number): string =>
  `${label.padEnd(40)} ${ratio(score.right, score.answerable).padEnd(17)} ${percent(precisionOf(score)).padEnd(10)} ${ratio(score.inReply, score.answerable).padEnd(17)}` +
  ` ${ratio(score.abstained, score.outOfScope).padEnd(22)} ${ratio(score.chatterDeclined, score.chatter).padEnd(15)} (quoted ${score.chatterAnswered})` +
  (embedded ? `  best right ${ratio(bestRight, score.answerable)}` : '');
/** Every run's figures added up, lexical and with the model. */
const totals = { lexical: [] as { score: EvalScore; best: number }[], fused: [] as { score: EvalScore; best: number }[] };
console.log(`${'run'.padEnd(40)} ${'right quoted'.padEnd(17)} ${'precision'.padEnd(10)} ${'in reply'.padEnd(17)} ${'out of scope declined'.padEnd(22)} chatter declined`);
for (const run of runs) {
  let best = 0;
  const score = scoreRun(run, engineFor(run, decision), ({ q, kind, answer, right, bestIsRight }) => {
    tops.push({ confidence: answer.confidence, right: bestIsRight, kind });
    if (kind === 'answerable' && bestIsRight) best += 1;
    const key = `${run.name} | ${kind} | ${q}`;
    replies[key] = `${right ? 'RIGHT' : 'wrong'} ${answer.answered ? answer.source?.passageId : `(declined: ${answer.reason})`}`;
    if (before?.[key] !== undefined && before[key] !== replies[key]) console.log(`   changed [${run.name}] ${q}: ${before[key]} → ${replies[key]}`);
  });
  console.log(line(score.name, score, best));
  totals.lexical.push({ score, best });
  if (embedded) {
    let fusedBest = 0;
    const fused = scoreRun(run, fusedEngineFor(run, embedded.meaning), ({ kind, bestIsRight }) => {
      if (kind === 'answerable' && bestIsRight) fusedBest += 1;
    });
    console.log(line(`  + ${embedded.model}`.slice(0, 40), fused, fusedBest));
    totals.fused.push({ score: fused, best: fusedBest });
  }
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
if (embedded) {
  const sum = (rows: { score: EvalScore; best: number }[]): { score: EvalScore; best: number } => ({
    best: rows.reduce((n, r) => n + r.best, 0),
    score: rows.map((r) => r.score).reduce((a, b) => ({
      ...a,
      answerable: a.answerable + b.answerable, answered: a.answered + b.answered, right: a.right + b.right, inReply: a.inReply + b.inReply,
      outOfScope: a.outOfScope + b.outOfScope, abstained: a.abstained + b.abstained, chatter: a.chatter + b.chatter,
      chatterDeclined: a.chatterDeclined + b.chatterDeclined, chatterAnswered: a.chatterAnswered + b.chatterAnswered,
    })),
  });
  const [lexical, fused] = [sum(totals.lexical), sum(totals.fused)];
  console.log(`\nevery run added up (lexical, then with ${embedded.model}; "best right": the first candidate answers, as if nothing were declined):`);
  console.log(line('  lexical', lexical.score, lexical.best));
  console.log(line(`  + ${embedded.model}`.slice(0, 40), fused.score, fused.best));
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
  const set = followUpSet;
  const alone = scoreFollowUps(set, false);
  const threaded = scoreFollowUps(set, true);
  console.log(`\nfollow-ups in threads (${set}): right quoted (in reply), each turn alone → read with its thread`);
  for (const kind of ['first', 'refine', 'more', 'standalone'] as const) {
    const [a, t] = [alone.byKind[kind], threaded.byKind[kind]];
    console.log(`  ${kind.padEnd(11)} ${ratio(a.right, a.n).padEnd(17)} (${ratio(a.inReply, a.n)}) → ${ratio(t.right, t.n).padEnd(17)} (${ratio(t.inReply, t.n)})`);
  }
  console.log(`  "more" quoting a passage the thread already quoted: ${alone.repeats} → ${threaded.repeats}`);
  if (embedded) {
    const [a, t] = [scoreFollowUps(set, false, embedded.meaning), scoreFollowUps(set, true, embedded.meaning)];
    console.log(`  + ${embedded.model} (the asked question's vector; a thread's rewordings are searched lexically):`);
    for (const kind of ['first', 'refine', 'more', 'standalone'] as const) {
      const [x, y] = [a.byKind[kind], t.byKind[kind]];
      console.log(`  ${kind.padEnd(11)} ${ratio(x.right, x.n).padEnd(17)} (${ratio(x.inReply, x.n)}) → ${ratio(y.right, y.n).padEnd(17)} (${ratio(y.inReply, y.n)})`);
    }
  }
  if (showMisses) for (const m of threaded.misses) console.log(`   miss  ${m}`);
}
await embedded?.close();
if (option('--save')) writeFileSync(option('--save') as string, JSON.stringify(replies, null, 1));
