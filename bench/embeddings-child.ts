// One run of the embeddings bench in a fresh process: `start` (the vector cache read and the missing passages
// embedded, as the bot does at start-up) or `latency` (questions answered lexically and fused, interleaved).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerEngine } from '../src/answers/index.js';
import { createEmbeddingsClient, createMeaningService } from '../src/embeddings/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { openLexicon } from '../src/lexicon/index.js';
import { createLogger } from '../src/logger.js';
import { createGenerator } from './corpus.js';
import { percentile } from './stats.js';

const [mode = 'start', dir = '', vectorDir = '', url = '', questionCount = '300'] = process.argv.slice(2);
const knowledge = loadKnowledge(dir);
const logger = createLogger({ level: 'silent' });
const open = () => createMeaningService({ client: createEmbeddingsClient({ url, model: 'bench-768' }), dir: vectorDir, logger });

if (mode === 'start') {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const meaning = await open();
  await meaning.follow(knowledge);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  global.gc?.();
  const rssAddedMB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  const bytes = readdirSync(vectorDir).reduce((n, f) => n + statSync(join(vectorDir, f)).size, 0);
  await meaning.close();
  process.stdout.write(`${JSON.stringify({ passages: knowledge.passages.length, wallMs, cpuMs: (used.user + used.system) / 1000, rssAddedMB, fileMB: bytes / 2 ** 20 })}\n`);
} else {
  const meaning = await open();
  await meaning.follow(knowledge);
  const generator = createGenerator(2026);
  const questions = Array.from({ length: Number(questionCount) }, () => generator.question());
  // The endpoint's time is left out: every question's vector is fetched before the clock starts.
  for (const q of questions) await meaning.prepare(q);
  const lexicon = openLexicon();
  const lexical = createAnswerEngine(knowledge, { lexicon, cacheSize: 0 });
  const fused = createAnswerEngine(knowledge, { lexicon, cacheSize: 0, meaning });
  for (const q of questions.slice(0, 20)) {
    lexical.answer(q);
    fused.answer(q);
  }
  const times = { lexical: [] as number[], fused: [] as number[] };
  let decided = 0;
  // Interleaved, each going first every other question (a passage the first read is warmer for the second).
  questions.forEach((q, i) => {
    const order = i % 2 === 0 ? (['lexical', 'fused'] as const) : (['fused', 'lexical'] as const);
    for (const which of order) {
      const t = performance.now();
      const answer = (which === 'fused' ? fused : lexical).answer(q);
      times[which].push(performance.now() - t);
      if (which === 'fused' && answer.byMeaning) decided += 1;
    }
  });
  await meaning.close();
  const of = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });
  process.stdout.write(`${JSON.stringify({ lexical: of(times.lexical), fused: of(times.fused), fusedShare: decided / questions.length })}\n`);
}
