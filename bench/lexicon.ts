// Section 5: the lexicon (WordNet and GloVe vectors): its load time and memory in a fresh process, with and without
// the vector cache; the seed's lexical table; the seed's start to ready with and without the index cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child.js';
import { median } from './stats.js';


function child(args: string[]): Record<string, number | string> {
  return runChild<Record<string, number | string>>('lexicon-child.ts', args, 120_000);
}

const num = (runs: Record<string, number | string>[], key: string): number => median(runs.map((r) => Number(r[key])));

/** Runs the section, each measurement `repeats` times in fresh processes; medians. */
export function lexicon(repeats = 3) {
  const times = Array.from({ length: repeats });
  const open = times.map(() => child(['open']));
  const read = times.map(() => child(['read']));
  const state = mkdtempSync(join(tmpdir(), 'bench-state-'));
  try {
    const seedCold = times.map(() => {
      rmSync(join(state, 'index-cache'), { recursive: true, force: true });
      return child(['seed', state]);
    });
    const seedWarm = times.map(() => child(['seed', state]));
    return {
      load: { cachedMs: num(open, 'loadMs'), firstMs: num(read, 'loadMs'), heapMB: num(open, 'heapMB'), rssMB: num(open, 'rssMB'), words: num(open, 'words') },
      seedTable: { buildMs: num(open, 'buildMs'), forms: num(open, 'forms') },
      seedStart: { coldMs: num(seedCold, 'readyMs'), warmMs: num(seedWarm, 'readyMs'), warmRssMB: num(seedWarm, 'rssMB') },
    };
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}
