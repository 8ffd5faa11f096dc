// Section 6: live knowledge. A new article written into the folder of the seed and of 10,000 articles: time until a
// question about it is answered from it (the folder's debounce included), the longest event-loop block meanwhile
// (perf_hooks.monitorEventLoopDelay), and RSS before and after 100 successive changes. Each run in a fresh process.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.js';
import { writeCorpus } from './corpus.js';
import { buildInChild } from '../src/live/load-engine.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface LiveRun {
  passages: number;
  answerableMs: number;
  maxBlockMs: number;
  before: { heapMB: number; rssMB: number };
  after: { heapMB: number; rssMB: number };
  changes: number;
}

function run(dir: string, cacheDir: string, changes: number): LiveRun {
  return runChild<LiveRun>('live-update-child.ts', [dir, cacheDir, String(changes)], 600_000);
}

/** The seed, and (unless `quick`) 10,000 synthetic articles whose index is cached first. */
export async function liveUpdate(quick = false): Promise<{ articles: number; run: LiveRun }[]> {
  const root = mkdtempSync(join(tmpdir(), 'bench-live-'));
  try {
    const seedDir = join(root, 'seed');
    mkdirSync(seedDir);
    copyFileSync(join(ROOT, 'knowledge', 'putin-visits-xi-in-beijing.txt'), join(seedDir, 'seed.txt'));
    const results = [{ articles: 1, run: run(seedDir, join(root, 'seed-cache'), 100) }];
    if (!quick) {
      const bigDir = join(root, 'articles-10000');
      const bigCache = join(root, 'cache-10000');
      writeCorpus(bigDir, 10_000);
      await buildInChild(bigDir, bigCache);
      results.push({ articles: 10_000, run: run(bigDir, bigCache, 100) });
    }
    return results;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
