// The decision's training and validation data: every candidate the engine weighs for every development question,
// with its features and whether it answers the question; and what a set of confidences makes of the questions.
import type { AnswerEngine } from '../../src/answers/index.js';
import { FEATURE_NAMES } from '../../src/answers/index.js';
import { engineFor, type EvalRun } from './eval-sets.js';

/** One question as the decision sees it: its candidates' features and which of them answer it. */
export interface DecisionQuestion {
  run: string;
  /** Questions of one article (or one fold of chatter) are held out together. */
  group: string;
  kind: 'answerable' | 'out-of-scope' | 'chatter';
  q: string;
  features: number[][];
  right: boolean[];
  /** Per candidate: its place in the search's own order (0: first). */
  searchRank: number[];
  /** Per candidate: whether it holds a word of the question itself (only those are offered when not covered). */
  literal: boolean[];
}

/** Folds the chatter lines are held out in (the same line is asked of every run). */
const CHATTER_FOLDS = 5;

/** Every question of `runs`, with every candidate the engine weighs. */
export function decisionQuestions(runs: readonly EvalRun[], engineOf: (run: EvalRun) => AnswerEngine = engineFor): DecisionQuestion[] {
  const literalAt = FEATURE_NAMES.indexOf('literalCoverage');
  return runs.flatMap((run) => {
    const engine = engineOf(run);
    const ask = (q: string, kind: DecisionQuestion['kind'], group: string, expect: readonly string[]): DecisionQuestion => {
      const { ranked } = engine.explain(q).decision;
      const features = ranked.map((s) => FEATURE_NAMES.map((n) => s.candidate.features[n]));
      return {
        run: run.name,
        group,
        kind,
        q,
        features,
        right: ranked.map((s) => expect.includes(s.candidate.passage.id)),
        searchRank: ranked.map((s) => s.candidate.searchRank),
        literal: features.map((f) => (f[literalAt] as number) > 0),
      };
    };
    return [
      ...run.answerable.map((a) => ask(a.q, 'answerable', a.set, a.expect)),
      ...run.outOfScope.map((o) => ask(o.q, 'out-of-scope', o.set, [])),
      ...run.chatter.map((c, i) => ask(c, 'chatter', `chatter ${i % CHATTER_FOLDS}`, [])),
    ];
  });
}

/** Thresholds of the three outcomes. */
export interface Thresholds {
  answerAt: number;
  notSureAt: number;
  offerAt: number;
}

/** What the decision makes of a set of questions, given each candidate's confidence. */
export interface Outcomes {
  answerable: number;
  right: number;
  /** Answers given to answerable and out-of-scope questions. */
  given: number;
  inReply: number;
  outOfScope: number;
  declined: number;
  chatter: number;
  chatterDeclined: number;
}

/** The decision's outcomes for `questions` at `thresholds`, `confidences` giving each candidate's (same order). */
export function outcomesOf(questions: readonly DecisionQuestion[], confidences: readonly (readonly number[])[], thresholds: Thresholds, shown = 3): Outcomes {
  const o: Outcomes = { answerable: 0, right: 0, given: 0, inReply: 0, outOfScope: 0, declined: 0, chatter: 0, chatterDeclined: 0 };
  questions.forEach((question, i) => {
    const c = confidences[i] ?? [];
    const order = c.map((_, k) => k).sort((a, b) => (c[b] as number) - (c[a] as number));
    const top = order.length > 0 ? (c[order[0] as number] as number) : 0;
    const answered = order.length > 0 && top >= thresholds.answerAt;
    const offered =
      answered ? order.slice(0, 1 + shown)
      : top >= thresholds.notSureAt ? order.slice(0, shown)
      : top >= thresholds.offerAt ? order.filter((k) => question.literal[k]).slice(0, shown)
      : [];
    if (question.kind === 'answerable') {
      o.answerable += 1;
      if (answered) o.given += 1;
      if (answered && question.right[order[0] as number]) o.right += 1;
      if (offered.some((k) => question.right[k])) o.inReply += 1;
    } else if (question.kind === 'out-of-scope') {
      o.outOfScope += 1;
      if (answered) o.given += 1;
      else o.declined += 1;
    } else {
      o.chatter += 1;
      if (offered.length === 0) o.chatterDeclined += 1;
    }
  });
  return o;
}

/** Precision when answering: answers quoting a right passage over all answers given. */
export const precision = (o: Outcomes): number => o.right / Math.max(1, o.given);

/** Per question, the best candidate's confidence and whether it answers the question (the reliability table's rows). */
export function topOf(questions: readonly DecisionQuestion[], confidences: readonly (readonly number[])[]): { confidence: number; right: boolean }[] {
  return questions.map((question, i) => {
    const c = confidences[i] ?? [];
    let best = -1;
    c.forEach((value, k) => {
      if (best < 0 || value > (c[best] as number)) best = k;
    });
    return best < 0 ? { confidence: 0, right: false } : { confidence: c[best] as number, right: question.right[best] === true };
  });
}

/** Confidence bands: how many questions fall in each, their mean confidence, and the share whose best passage is right. */
export function reliability(tops: readonly { confidence: number; right: boolean }[], bands = 10): { from: number; to: number; n: number; confidence: number; right: number }[] {
  return Array.from({ length: bands }, (_, b) => {
    const from = b / bands;
    const to = (b + 1) / bands;
    const inside = tops.filter((t) => t.confidence >= from && (t.confidence < to || (b === bands - 1 && t.confidence <= to)));
    const mean = (f: (t: (typeof inside)[number]) => number): number => (inside.length > 0 ? inside.reduce((s, t) => s + f(t), 0) / inside.length : 0);
    return { from, to, n: inside.length, confidence: mean((t) => t.confidence), right: mean((t) => (t.right ? 1 : 0)) };
  });
}
