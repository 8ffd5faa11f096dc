// The team's model in service: passages embedded in batches whenever the knowledge changes (kept in STATE_DIR and, with
// Redis, shared by replicas), questions embedded with a short timeout and remembered. The engine reads only what is
// at hand (the Meaning it is given); nothing here makes an answer wait past the question's timeout, and while the
// endpoint is down answers are lexical, logged once per outage.
import { type Meaning, passageMeaningText } from '../answers/index.js';
import type { Knowledge, Passage } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import type { SharedStore } from '../store/index.js';
import type { EmbeddingsClient } from './embeddings-client.js';
import { EMBEDDINGS_DEFAULTS, type EmbeddingsDefaults } from './embeddings-defaults.js';
import { createPassagePass } from './passage-pass.js';
import { createQuestionVectors } from './question-vectors.js';
import { readVectorFile, vectorDigest, vectorFilePath } from './vector-file.js';

/** Options of {@link createMeaningService}. */
export interface MeaningServiceOptions {
  client: EmbeddingsClient;
  /** Where vectors are kept (`STATE_DIR/embeddings`). */
  dir: string;
  logger: Logger;
  /** Replicas' shared store: passage vectors are read from and written to it (Redis only). */
  store?: SharedStore;
  defaults?: Partial<EmbeddingsDefaults>;
}

/** The Meaning the engine reads, and what keeps it filled. */
export interface MeaningService extends Meaning {
  readonly model: string;
  /** Fetches the question's vector (at most `questionTimeoutMs`): true when the engine can use it. Never throws. */
  prepare(raw: string): Promise<boolean>;
  /** Embeds the passages of `knowledge` that have no vector yet; resolves when done (or put off while the endpoint is down). */
  follow(knowledge: Knowledge): Promise<void>;
  /** Whether the endpoint answered last time it was asked. */
  readonly up: boolean;
  /** Resolves once every pending write is done. */
  close(): Promise<void>;
}

/** Starts the service: vectors already in `dir` are read first. */
export async function createMeaningService(options: MeaningServiceOptions): Promise<MeaningService> {
  const settings = { ...EMBEDDINGS_DEFAULTS, ...options.defaults };
  const { client, dir } = options;
  const model = client.model;
  const log = options.logger.child({ module: 'embeddings', model });
  const file = vectorFilePath(dir, model);
  const started = performance.now();
  const vectors = await readVectorFile(file).catch((error: unknown) => {
    log.warn({ file, err: String(error) }, 'could not read the saved passage vectors: they are embedded again');
    return new Map<string, Float32Array>();
  });
  log.info({ vectors: vectors.size, ms: Math.round(performance.now() - started) }, 'saved passage vectors read');
  const digests = new WeakMap<Passage, string>();
  const digestOf = (passage: Passage): string => {
    let digest = digests.get(passage);
    if (digest === undefined) digests.set(passage, (digest = vectorDigest(model, passageMeaningText(passage))));
    return digest;
  };
  const questions = createQuestionVectors({ client, settings, log });
  const passes = createPassagePass({
    client,
    settings,
    log,
    vectors,
    digestOf,
    file,
    dir,
    recordsInFile: vectors.size,
    ...(options.store?.kind === 'redis' ? { shared: options.store } : {}),
    sharedKey: (digest) => `embedding:${model}:${digest}`,
  });

  return {
    model,
    get up() {
      return questions.up;
    },
    question: (text) => questions.question(text),
    passage: (passage) => vectors.get(digestOf(passage)),
    prepare: (raw) => questions.prepare(raw),
    follow: (knowledge) => passes.follow(knowledge),
    close: () => passes.close(),
  };
}
