// One measurement of the lexicon in a fresh process (argument: `read` from the word-vector package, `open` from the
// cache, or `seed` for the seed's start to ready with a given STATE_DIR): JSON on stdout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPassageIndex } from '../src/search/index.js';
import { loadAliases, loadKnowledge } from '../src/knowledge/index.js';
import { defaultCacheDir, Lexicon, openLexicon, WordNet, WordVectors } from '../src/lexicon/index.js';
import { loadEngine } from '../src/live/load-engine.js';
import { createLogger } from '../src/logger.js';

const [mode = 'open', stateDir = mkdtempSync(join(tmpdir(), 'bench-lexicon-'))] = process.argv.slice(2);
const KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;
const memory = (): { heapMB: number; rssMB: number } => {
  global.gc?.();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 };
};

if (mode === 'seed') {
  // The bot's own start: knowledge, then the index (cached in STATE_DIR, or built and saved), then ready.
  const started = performance.now();
  const knowledge = loadKnowledge(KNOWLEDGE);
  const { index } = await loadEngine(knowledge, KNOWLEDGE, loadAliases(KNOWLEDGE), join(stateDir, 'index-cache'), createLogger({ level: 'silent' }), { lexicon: openLexicon() });
  process.stdout.write(`${JSON.stringify({ index, readyMs: performance.now() - started, ...memory() })}\n`);
} else {
  const before = memory();
  const started = performance.now();
  const wordnet = new WordNet();
  const vectors = mode === 'read' ? WordVectors.read() : WordVectors.open(defaultCacheDir());
  const lexicon = new Lexicon(wordnet, () => vectors);
  const loadMs = performance.now() - started;
  const after = memory();
  const knowledge = loadKnowledge(KNOWLEDGE);
  const building = performance.now();
  const index = buildPassageIndex(knowledge, lexicon);
  const buildMs = performance.now() - building;
  process.stdout.write(
    `${JSON.stringify({ loadMs, heapMB: after.heapMB - before.heapMB, rssMB: after.rssMB - before.rssMB, words: vectors.size, buildMs, forms: index.lexical.size })}\n`,
  );
}
