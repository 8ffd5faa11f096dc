// Section 2: synthetic knowledge folders of 1,000 and 10,000 articles: time to ready (cold and from the index
// cache), memory after start-up, answer latency. Each start runs in a fresh process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child.js';
import { writeCorpus } from './corpus.js';


interface Start {
  passages: number;
  index: 'cache' | 'built';
  readyMs: number;
  heapMB: number;
  rssMB: number;
  /** RSS once settled: a second collection and 2 s after the first. */
  settledRssMB: number;
  p50: number;
  p99: number;
}

function start(dir: string, cacheDir: string, questions: number): Start {
  return runChild<Start>('scale-child.ts', [dir, cacheDir, String(questions)], 240_000);
}

/** Runs the section for each corpus size; the corpora live in a temp folder and are removed afterwards. */
export function scale(sizes: readonly number[] = [1_000, 10_000], questions = 300) {
  const root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  try {
    return sizes.map((articles) => {
      const dir = join(root, `articles-${articles}`);
      const cacheDir = join(root, `cache-${articles}`);
      const megabytes = writeCorpus(dir, articles) / 1e6;
      const cold = start(dir, cacheDir, questions);
      const warm = start(dir, cacheDir, questions);
      return { articles, megabytes, passages: cold.passages, cold, warm };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
