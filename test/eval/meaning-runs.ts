// The eval with a team's model: every run's passages and questions embedded through the bot's own embeddings port
// (client, batches, vector cache), then each run's engine given that meaning. The model is EMBEDDINGS_URL and
// EMBEDDINGS_MODEL when set, else the Universal Sentence Encoder lite, served here on 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerEngine, type AnswerEngine, type DecisionDefaults } from '../../src/answers/index.js';
import { createEmbeddingsClient, createMeaningService, type MeaningService } from '../../src/embeddings/index.js';
import { fromDocuments } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/logger.js';
import { testLexicon } from '../helpers/lexicon.js';
import type { EvalRun } from './eval-sets.js';
import { startUseLiteServer, USE_LITE_MODEL } from './use-lite.js';

/** The meaning every run's engine is given, and how to stop what was started for it. */
export interface EvalMeaning {
  model: string;
  meaning: MeaningService;
  close(): Promise<void>;
}

/**
 * Embeds every passage and question of `runs`. Vectors are cached under the system's temp folder between evals;
 * the question timeout is long here (a busy machine must not turn an eval run lexical), the bot's is short.
 */
export async function embedRuns(runs: readonly EvalRun[], extraQuestions: readonly string[] = []): Promise<EvalMeaning> {
  const url = process.env.EMBEDDINGS_URL;
  const server = url ? undefined : await startUseLiteServer();
  const model = url ? (process.env.EMBEDDINGS_MODEL ?? '') : USE_LITE_MODEL;
  const dir = join(tmpdir(), 'briefing-bot-eval-vectors');
  mkdirSync(dir, { recursive: true });
  const meaning = await createMeaningService({
    client: createEmbeddingsClient({ url: url ?? (server?.url as string), model, ...(process.env.EMBEDDINGS_API_KEY ? { apiKey: process.env.EMBEDDINGS_API_KEY } : {}) }),
    dir,
    logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
    defaults: { questionTimeoutMs: 30_000, questionCacheSize: 100_000 },
  });
  const started = performance.now();
  // One knowledge holding every run's passages: the service keeps the vectors of the knowledge it follows.
  await meaning.follow({ documents: [], passages: runs.flatMap((run) => fromDocuments(run.documents).passages) });
  const questions = new Set([...runs.flatMap((r) => [...r.answerable.map((a) => a.q), ...r.outOfScope.map((o) => o.q), ...r.chatter]), ...extraQuestions]);
  let missed = 0;
  for (const q of questions) if (!(await meaning.prepare(q))) missed += 1;
  if (missed > 0) throw new Error(`eval: ${missed} of ${questions.size} questions could not be embedded (is the endpoint up?)`);
  console.error(`embeddings: ${model}, ${questions.size} questions and every passage ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { model, meaning, close: async () => { await meaning.close(); await server?.close(); } };
}

/** The run's engine with the meaning (cache off, as every eval engine), and the fused decision shipped or `fused`. */
export function fusedEngineFor(run: EvalRun, meaning: MeaningService, fused?: DecisionDefaults): AnswerEngine {
  return createAnswerEngine(fromDocuments(run.documents), { lexicon: testLexicon(), aliases: run.aliases, cacheSize: 0, meaning, ...(fused ? { fusedDecision: fused } : {}) });
}
