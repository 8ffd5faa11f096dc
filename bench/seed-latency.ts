// Section 1: index build time and answer latency on the seed, next to raw MiniSearch on the same passages.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { createAnswerEngine, type AnswerEngine } from '../src/answers/index.js';
import { loadAliases, loadKnowledge, type Knowledge } from '../src/knowledge/index.js';
import { openLexicon } from '../src/lexicon/index.js';
import { answerMessage } from '../src/slack/format/answer-message.js';
import { median, percentile } from './stats.js';

const KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;

/** A few hundred questions as people type them: the eval set, lower-cased, unpunctuated, with Slack markup. */
export function realisticQuestions(): string[] {
  const base = ['tuned', 'blind'].flatMap((name) => {
    const set = JSON.parse(readFileSync(new URL(`../test/eval/seed/${name}.json`, import.meta.url), 'utf8')) as {
      answerable: { q: string }[];
      outOfScope: string[];
    };
    return [...set.answerable.map((a) => a.q), ...set.outOfScope];
  });
  return [
    ...base,
    ...base.map((q) => q.toLowerCase().replace(/[?.!,]/gu, '')),
    ...base.map((q) => `<@U0BOT> ${q} :thinking_face:`),
  ];
}

function rawIndex(knowledge: Knowledge): MiniSearch {
  const raw = new MiniSearch({ fields: ['question', 'text'] });
  raw.addAll(knowledge.passages.map((p, id) => ({ id, question: p.question ?? '', text: p.text })));
  return raw;
}

function timeEach(questions: readonly string[], run: (q: string) => unknown): number[] {
  return questions.map((q) => {
    const started = performance.now();
    run(q);
    return (performance.now() - started) * 1000;
  });
}

/**
 * Runs the section: `rounds` interleaved repetitions; figures are medians over rounds, latencies in µs. Both paths
 * first answer every question `warmupPasses` times, so the rounds measure a running bot's steady state: in a fresh
 * process V8 is still compiling, and single calls then take milliseconds on either path.
 */
export function seedLatency(rounds = 9, warmupPasses = 10) {
  const knowledge = loadKnowledge(KNOWLEDGE);
  const aliases = loadAliases(KNOWLEDGE);
  const questions = realisticQuestions();
  const lexicon = openLexicon();
  const warmEngine = createAnswerEngine(knowledge, { lexicon, aliases, cacheSize: 0 });
  const warmRaw = rawIndex(knowledge);
  for (let pass = 0; pass < warmupPasses; pass += 1) {
    timeEach(questions, (q) => answerMessage(warmEngine.answer(q)));
    timeEach(questions, (q) => warmRaw.search(q));
  }
  const builds = { engine: [] as number[], raw: [] as number[] };
  const p50 = { full: [] as number[], raw: [] as number[] };
  const p99 = { full: [] as number[], raw: [] as number[] };
  let engine: AnswerEngine | undefined;
  let raw: MiniSearch | undefined;
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    // No answer cache: every question goes the whole way (normalise → search → pick → format).
    engine = createAnswerEngine(knowledge, { lexicon, aliases, cacheSize: 0 });
    builds.engine.push(performance.now() - started);
    started = performance.now();
    raw = rawIndex(knowledge);
    builds.raw.push(performance.now() - started);
    const e = engine;
    const r = raw;
    // Warm both, then measure them one after the other in the same round.
    timeEach(questions, (q) => answerMessage(e.answer(q)));
    timeEach(questions, (q) => r.search(q));
    const full = timeEach(questions, (q) => answerMessage(e.answer(q)));
    const plain = timeEach(questions, (q) => r.search(q));
    p50.full.push(percentile(full, 50));
    p50.raw.push(percentile(plain, 50));
    p99.full.push(percentile(full, 99));
    p99.raw.push(percentile(plain, 99));
  }
  return {
    passages: knowledge.passages.length,
    questions: questions.length,
    rounds,
    buildMs: { engine: median(builds.engine), rawMiniSearch: median(builds.raw) },
    answerUs: {
      full: { p50: median(p50.full), p99: median(p99.full) },
      rawMiniSearch: { p50: median(p50.raw), p99: median(p99.raw) },
    },
    ratio: { p50: median(p50.full) / median(p50.raw), p99: median(p99.full) / median(p99.raw) },
  };
}
