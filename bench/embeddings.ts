// Section 8: the team's embedding model (EMBEDDINGS_URL). On 1,000 synthetic articles: the cost of embedding them at
// start-up with the vector cache cold and warm (this process serves a small deterministic 768-dimension model on
// 127.0.0.1, so the figures are the bot's side: requests, JSON, the cache), and the latency the fused decision adds
// to a question whose vector is at hand (the endpoint's time excluded). Each run in a fresh process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import { hashedWords, startEmbeddingsServer } from '../test/helpers/embeddings-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Dimensions of the bench's model: those of the common open models (nomic-embed-text, bge-base). */
export const BENCH_DIMENSIONS = 768;

/** One start of the vector cache: how long, how much CPU in the bot's process, how many requests, what memory it added. */
export interface EmbedStart {
  passages: number;
  wallMs: number;
  cpuMs: number;
  requests: number;
  rssAddedMB: number;
  fileMB: number;
}

/** The fused decision against the lexical one on the same questions. */
export interface FusedLatency {
  lexical: { p50: number; p99: number };
  fused: { p50: number; p99: number };
  /** Questions the fused decision decided (the rest had a candidate without a vector: none expected). */
  fusedShare: number;
}

/** Runs `bench/embeddings-child.ts` without blocking this event loop (it serves the model the child asks). */
function runChild<T>(args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/embeddings-child.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T) : reject(new Error(`embeddings-child failed: ${err}`))));
  });
}

/** Cold and warm starts of the vector cache, then the latency rounds, over `articles` synthetic articles. */
export async function embeddings(articles = 1_000, questions = 300): Promise<{ articles: number; cold: EmbedStart; warm: EmbedStart; latency: FusedLatency }> {
  const root = mkdtempSync(join(tmpdir(), 'bench-embeddings-'));
  const server = await startEmbeddingsServer(hashedWords(BENCH_DIMENSIONS));
  try {
    const dir = join(root, 'articles');
    writeCorpus(dir, articles);
    const vectors = join(root, 'vectors');
    const start = async (): Promise<EmbedStart> => {
      const before = server.requests.length;
      const result = await runChild<Omit<EmbedStart, 'requests'>>(['start', dir, vectors, server.url]);
      return { ...result, requests: server.requests.length - before };
    };
    const cold = await start();
    const warm = await start();
    const latency = await runChild<FusedLatency>(['latency', dir, vectors, server.url, String(questions)]);
    return { articles, cold, warm, latency };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
