// `npm run fit [-- --hand] [--embeddings] [--write]`: fits the decision's weights (a logistic regression over the
// candidates' named features) on the development sets, validates them leaving one article out at a time, chooses the
// thresholds, and prints the reliability table and the precision curve. --write saves the fit in
// src/answers/fitted-decision.json; --hand validates the hand-set weights instead (no fit); --embeddings fits the fused
// decision (the meaning features too, over its wider candidates) with the eval's model (see meaning-runs.ts) and
// saves it in src/answers/fitted-fused-decision.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DECISION_DEFAULTS, FEATURE_NAMES, FUSED_DECISION_DEFAULTS, HAND_SET_DECISION, type DecisionDefaults } from '../../src/answers/index.js';
import { decisionQuestions, outcomesOf, precision, reliability, topOf, type DecisionQuestion, type Outcomes, type Thresholds } from './decision-data.js';
import { evalRuns, evalRunsIn, ratio } from './eval-sets.js';
import { fitLogistic, predict, type LogisticModel } from './logistic.js';
import { embedRuns, fusedEngineFor } from './meaning-runs.js';

/** The penalty on each weight's square: enough to keep rarely seen features from taking extreme weights. */
const L2 = 1;
/**
 * Candidates of each question the weights are fitted on: the search's first few, where the decision is made (the
 * rest, mostly passages that hold a word or two, would teach the easy cases and drown the hard ones).
 */
const FITTED_CANDIDATES = 4;
/** The fused decision's: all it weighs, since lifting a passage the search ranked lower is its point. */
const FITTED_FUSED_CANDIDATES = FUSED_DECISION_DEFAULTS.limits.candidates;
/** The precision the answer threshold aims for, while quoting the right passage for at least `TARGET_RIGHT` of questions. */
const TARGET_PRECISION = 0.85;
const TARGET_RIGHT = 0.5;
/**
 * When the target cannot be met: the right share the engine before this decision reached on the same news questions
 * (commit 6cf3287: 662 of 1,069 on the seed, `articles/` and `dev2/`, 534 of 958 on the three earlier holdouts), and
 * how much of it the most precise threshold may give up.
 */
const BEFORE_RIGHT = (662 + 534) / (1_069 + 958);
const RIGHT_GIVEN_UP = 0.05;
/** Share of chatter that must be declined with nothing offered (the offer threshold is chosen for it). */
const TARGET_CHATTER = 0.95;
/** Confidence from which the bot says it is not sure and shows its candidates: the first answers about one time in four. */
const NOT_SURE_AT = 0.25;
/** Runs the answer threshold is chosen on: the news ones (the encyclopedia set's easier questions are fitted on, not this). */
const encyclopedia = new Set(evalRunsIn(fileURLToPath(new URL('crowd/', import.meta.url)), [], 'crowd').map((r) => r.name));
const isNews = (run: string): boolean => !encyclopedia.has(run);
const args = process.argv.slice(2);
const hand = args.includes('--hand');
const embeddings = args.includes('--embeddings');
const OUTPUT = fileURLToPath(new URL(`../../src/answers/${embeddings ? 'fitted-fused-decision.json' : 'fitted-decision.json'}`, import.meta.url));
const fittedCandidates = embeddings ? FITTED_FUSED_CANDIDATES : FITTED_CANDIDATES;

const runs = evalRuns().filter((r) => !r.name.includes('tuned'));
const embedded = embeddings ? await embedRuns(runs) : undefined;
const questions = decisionQuestions(runs, embedded ? (run) => fusedEngineFor(run, embedded.meaning) : undefined);
await embedded?.close();
const groups = [...new Set(questions.map((q) => q.group))].sort();
const candidates = questions.reduce((n, q) => n + q.features.length, 0);
console.log(`${questions.length} questions (${runs.length} runs, ${groups.length} groups held out in turn), ${candidates} candidates`);

const rowsOf = (qs: readonly DecisionQuestion[]): { x: number[][]; y: number[] } => {
  const kept = qs.flatMap((q) => q.features.flatMap((x, k) => ((q.searchRank[k] as number) < fittedCandidates ? [{ x, y: q.right[k] ? 1 : 0 }] : [])));
  return { x: kept.map((r) => r.x), y: kept.map((r) => r.y) };
};
const asModel = (d: DecisionDefaults): LogisticModel => ({ bias: d.bias, weights: FEATURE_NAMES.map((n) => d.weights[n]) });
// As the decision does: a passage that does not state the kind of answer asked for is capped.
const TYPE_MISS = FEATURE_NAMES.indexOf('typeMiss');
const capped = (confidence: number, f: readonly number[]): number => ((f[TYPE_MISS] as number) > 0 ? Math.min(confidence, DECISION_DEFAULTS.typeMissCap) : confidence);

// Each question's candidates scored by a model that never saw its article (or its chatter line).
const heldOut = new Map<DecisionQuestion, number[]>();
for (const group of groups) {
  const model = hand ? asModel(HAND_SET_DECISION) : (() => {
    const { x, y } = rowsOf(questions.filter((q) => q.group !== group));
    return fitLogistic(x, y, L2);
  })();
  for (const q of questions.filter((q) => q.group === group)) heldOut.set(q, q.features.map((f) => capped(predict(model, f), f)));
}
const confidences = questions.map((q) => heldOut.get(q) ?? []);

// The answer threshold, on the news questions: the most right answers at the target precision when that keeps enough
// right; otherwise the most precise threshold that gives up at most RIGHT_GIVEN_UP of the right share before. Not sure
// from the confidence at which the first candidate answers about one time in four. The offer threshold: the most
// right passages in the reply that keeps chatter declined with nothing offered.
const steps = Array.from({ length: 91 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);
const at = (t: Thresholds): Outcomes => outcomesOf(questions, confidences, t);
const news = questions.map((q, i) => ({ q, c: confidences[i] ?? [] })).filter(({ q }) => isNews(q.run));
const onNews = (t: number): Outcomes => outcomesOf(news.map((n) => n.q), news.map((n) => n.c), { answerAt: t, notSureAt: t, offerAt: t });
const curve = steps.map((t) => ({ t, o: onNews(t) }));
const onTarget = curve.filter(({ o }) => precision(o) >= TARGET_PRECISION).sort((a, b) => b.o.right - a.o.right || a.t - b.t)[0];
const fallback = curve.filter(({ o }) => o.right / o.answerable >= BEFORE_RIGHT - RIGHT_GIVEN_UP).sort((a, b) => precision(b.o) - precision(a.o) || a.t - b.t)[0];
const answerAt = (onTarget && onTarget.o.right / onTarget.o.answerable >= TARGET_RIGHT ? onTarget : fallback)?.t ?? DECISION_DEFAULTS.answerAt;
console.log(
  onTarget && onTarget.o.right / onTarget.o.answerable >= TARGET_RIGHT
    ? `news questions: ${(100 * TARGET_PRECISION).toFixed(0)}% precision keeps ${(100 * onTarget.o.right / onTarget.o.answerable).toFixed(1)}% right`
    : `news questions: ${(100 * TARGET_PRECISION).toFixed(0)}% precision would keep ${onTarget ? (100 * onTarget.o.right / onTarget.o.answerable).toFixed(1) : 'no'}% right (under ${100 * TARGET_RIGHT}%): ` +
        `the answer threshold is the most precise within ${100 * RIGHT_GIVEN_UP} points of the ${(100 * BEFORE_RIGHT).toFixed(1)}% right before`,
);
const notSureAt = Math.min(answerAt, NOT_SURE_AT);
const thresholds =
  steps
    .filter((t) => t <= notSureAt)
    .map((offerAt) => ({ t: { answerAt, notSureAt, offerAt }, o: at({ answerAt, notSureAt, offerAt }) }))
    .filter(({ o }) => o.chatterDeclined / o.chatter >= TARGET_CHATTER)
    .sort((a, b) => b.o.inReply - a.o.inReply || b.t.offerAt - a.t.offerAt)[0]?.t ?? { answerAt, notSureAt, offerAt: notSureAt };

const describe = (o: Outcomes): string =>
  `right ${ratio(o.right, o.answerable)}, precision ${(100 * precision(o)).toFixed(1)}%, in reply ${ratio(o.inReply, o.answerable)}, ` +
  `out of scope declined ${ratio(o.declined, o.outOfScope)}, chatter declined ${ratio(o.chatterDeclined, o.chatter)}`;
const chosen = at(thresholds);
console.log(`\n${hand ? 'hand-set weights' : 'fitted weights'}, each article held out in turn:`);
console.log(`thresholds: answer ≥ ${thresholds.answerAt}, not sure ≥ ${thresholds.notSureAt}, closest offered ≥ ${thresholds.offerAt}`);
console.log(`  ${describe(chosen)}`);

console.log('\nreliability (best candidate of every question):');
console.log('  confidence   questions  mean confidence  share right');
for (const band of reliability(topOf(questions, confidences))) {
  if (band.n === 0) continue;
  console.log(`  ${band.from.toFixed(1)}–${band.to.toFixed(1)}    ${String(band.n).padStart(9)}  ${band.confidence.toFixed(2).padStart(15)}  ${band.right.toFixed(2).padStart(11)}`);
}
console.log('\nprecision curve (the answer threshold moving; the others as chosen):');
console.log('  answer at   right quoted      precision  out of scope declined');
for (const t of steps.filter((s) => s >= 0.3 && s <= 0.9 && Math.round(s * 100) % 5 === 0)) {
  const o = at({ ...thresholds, answerAt: t, notSureAt: Math.min(t, thresholds.notSureAt), offerAt: Math.min(t, thresholds.offerAt) });
  console.log(`  ${t.toFixed(2)}        ${ratio(o.right, o.answerable).padEnd(17)} ${(100 * precision(o)).toFixed(1).padStart(5)}%     ${ratio(o.declined, o.outOfScope)}`);
}

if (!hand) {
  const { x, y } = rowsOf(questions);
  const model = fitLogistic(x, y, L2);
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const fitted = {
    about: embedded
      ? 'Written by `npm run fit -- --embeddings --write`: the fused decision, a logistic regression over the named features ' +
        '(the meaning features included, from the model named below) of every candidate the fused decision weighs for each ' +
        'development question, L2-penalised; thresholds chosen as for the lexical fit. Do not edit by hand.'
      : 'Written by `npm run fit -- --write`: a logistic regression over the named features of the first candidates the ' +
        'engine weighs for each development question (answerable, out of scope and chatter), L2-penalised; thresholds chosen on ' +
        'the same questions with each article held out in turn. Do not edit by hand: change the features or the sets and fit again.',
    fittedOn: runs.map((r) => r.name),
    questions: questions.length,
    candidates: rowsOf(questions).y.length,
    candidatesPerQuestion: fittedCandidates,
    ...(embedded ? { model: embedded.model } : {}),
    l2: L2,
    bias: round(model.bias),
    weights: Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, round(model.weights[i] as number)])),
    ...thresholds,
    heldOut: {
      right: round(chosen.right / chosen.answerable),
      precision: round(precision(chosen)),
      inReply: round(chosen.inReply / chosen.answerable),
      outOfScopeDeclined: round(chosen.declined / chosen.outOfScope),
      chatterDeclined: round(chosen.chatterDeclined / chosen.chatter),
    },
  };
  console.log('\nweights fitted on every development question:');
  for (const [n, w] of Object.entries(fitted.weights)) console.log(`  ${n.padEnd(20)} ${w.toFixed(3).padStart(7)}`);
  console.log(`  ${'bias'.padEnd(20)} ${fitted.bias.toFixed(3).padStart(7)}`);
  if (args.includes('--write')) {
    writeFileSync(OUTPUT, `${JSON.stringify(fitted, null, 2)}\n`);
    console.log(`\nwritten: ${OUTPUT}`);
  }
}
