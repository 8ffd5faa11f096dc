// One knowledge folder followed live, in a fresh process: a new article written, the time until a question about
// it is answered from it, the longest event-loop block meanwhile; then 100 successive changes and the memory after.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLexicon } from '../src/lexicon/index.js';
import { startLiveKnowledge } from '../src/live/live-knowledge.js';
import { createLogger } from '../src/logger.js';

const [dir = '', cacheDir = '', changeCount = '100'] = process.argv.slice(2);
const NEW_FILE = 'zz-bench-new-article.txt';
const article = (n: number): string =>
  `Title: Harbour board orders ferries (${n})\nDate: 2099-01-01\n\nHALIFAX (Bench Wire) — The Quillfeather harbour board ordered ${n + 12} electric ferries on Tuesday, its chair said.\n\nThe ferries will enter service next spring, and the board expects fares to stay flat.\n\nSources:\n\n– example.org\n`;
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// Memory once it has settled, as an operator sees it a little after the changes: two full collections (the second
// lets V8 give back the pages the first emptied) and a moment for the allocator to return what it holds.
const memory = async (): Promise<Record<string, number> & { heapMB: number; rssMB: number }> => {
  global.gc?.();
  global.gc?.();
  await wait(2_000);
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20, heapTotalMB: m.heapTotal / 2 ** 20, externalMB: m.external / 2 ** 20, arrayBuffersMB: m.arrayBuffers / 2 ** 20 };
};

const live = await startLiveKnowledge({ dir, cacheDir, logger: createLogger({ level: 'silent' }), lexicon: openLexicon(), pollMs: 3_600_000, saveCacheAfterMs: 3_600_000 });
await live.ready;
await wait(200);
const answerable = (): boolean => {
  const answer = live.engine.answer('how many ferries did the quillfeather harbour board order');
  return answer.answered && answer.source?.file === NEW_FILE;
};

// A new article: written, then asked about until it answers. The question is asked once before (a word never seen is
// looked up in general English the first time, which is a question's cost, not the update's).
answerable();
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const started = performance.now();
writeFileSync(join(dir, NEW_FILE), article(0));
while (!answerable() && performance.now() - started < 30_000) await wait(2);
const answerableMs = performance.now() - started;
await wait(50);
delay.disable();
const maxBlockMs = delay.max / 1e6;

// Successive changes to that article: memory should not grow beyond the new text.
const before = await memory();
for (let i = 1; i <= Number(changeCount); i += 1) {
  const version = live.version;
  writeFileSync(join(dir, NEW_FILE), article(i));
  const t = performance.now();
  while (live.version === version && performance.now() - t < 10_000) await wait(5);
}
const after = await memory();
live.close();
process.stdout.write(`${JSON.stringify({ passages: live.knowledge().passages.length, answerableMs, maxBlockMs, before, after, changes: Number(changeCount) })}\n`);
process.exit(0);
