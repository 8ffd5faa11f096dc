// One start-up of the engine over a knowledge folder, in a fresh process, the way the bot starts (a large
// knowledge without a cached index is built in a separate process): time to ready, memory, answer latency.
import { createGenerator } from './corpus.js';
import { loadAliases, loadKnowledge } from '../src/knowledge/index.js';
import { openLexicon } from '../src/lexicon/index.js';
import { loadEngine } from '../src/live/load-engine.js';
import { createLogger } from '../src/logger.js';
import { percentile } from './stats.js';

const [dir = '', cacheDir = '', questionCount = '300'] = process.argv.slice(2);
const started = performance.now();
const knowledge = loadKnowledge(dir);
const { engine, index } = await loadEngine(knowledge, dir, loadAliases(dir), cacheDir, createLogger({ level: 'silent' }), { lexicon: openLexicon(), cacheSize: 0 });
const readyMs = performance.now() - started;
// Memory at ready (one collection), and once settled: a second collection lets V8 give back the pages the first
// emptied (the restore's garbage), then a moment for the allocator, as an operator sees it a little after start-up.
global.gc?.();
const memory = process.memoryUsage();
global.gc?.();
await new Promise((resolve) => setTimeout(resolve, 2_000));
const settled = process.memoryUsage();
const generator = createGenerator(2026);
const questions = Array.from({ length: Number(questionCount) }, () => generator.question());
for (const q of questions.slice(0, 20)) engine.answer(q);
const times = questions.map((q) => {
  const t = performance.now();
  engine.answer(q);
  return performance.now() - t;
});
process.stdout.write(
  `${JSON.stringify({
    passages: knowledge.passages.length,
    index,
    readyMs,
    heapMB: memory.heapUsed / 2 ** 20,
    rssMB: memory.rss / 2 ** 20,
    settledRssMB: settled.rss / 2 ** 20,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  })}\n`,
);
