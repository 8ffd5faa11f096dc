// The team's model in service: passages embedded in batches whenever the knowledge changes (kept in STATE_DIR and, with
// Redis, shared by replicas), questions embedded with a short timeout and remembered. The engine reads only what is
// at hand (the Meaning it is given); nothing here makes an answer wait past the question's timeout, and while the
// endpoint is down answers are lexical, logged once per outage.
import { type Meaning, meaningText, passageMeaningText } from '../answers/index.js';
import type { Knowledge, Passage } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import type { SharedStore } from '../store/index.js';
import type { EmbeddingsClient, EmbeddingsUnavailable } from './embeddings-client.js';
import { appendVectors, readVectorFile, rewriteVectorFile, vectorDigest, vectorFilePath, vectorFromText, vectorToText } from './vector-file.js';

/** The costs and patience of the embeddings port, in one place. */
export const EMBEDDINGS_DEFAULTS = {
  /** Longest wait for a question's vector; past it the question is answered lexically. */
  questionTimeoutMs: 400,
  /** Longest wait for one batch of passages. */
  batchTimeoutMs: 30_000,
  /** Passages sent in one request. */
  batchSize: 32,
  /** Questions whose vectors are remembered (asked again: no request). */
  questionCacheSize: 500,
  /** After a failure, time before the endpoint is tried again (in the background: no answer waits for it). */
  retryAfterMs: 5_000,
  /** How long a passage vector is kept in the shared store (Redis) for other replicas. */
  sharedTtlMs: 30 * 24 * 60 * 60 * 1000,
  /** Vectors read from the shared store at once. */
  sharedReadBatch: 200,
  /** Questions failing in a row that make an outage (one slow answer from a busy endpoint is not one). */
  failuresForOutage: 2,
  /** Longest wait between attempts to embed passages while the endpoint fails. */
  maxRetryAfterMs: 60_000,
  /** Records the vector file may hold before it is written anew without the dead ones (when most are dead). */
  compactAbove: 1_000,
  /** Longest wait on shutdown for the request under way. */
  closeWaitMs: 1_000,
};

/** The vector of a passage the endpoint refused: no dimensions, so its similarity to any question is 0. */
const REFUSED = new Float32Array(0);

export type EmbeddingsDefaults = typeof EMBEDDINGS_DEFAULTS;

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
  /** Records in the file (live or not): when most are dead, it is written anew. */
  let recordsInFile = vectors.size;
  const digests = new WeakMap<Passage, string>();
  const digestOf = (passage: Passage): string => {
    let digest = digests.get(passage);
    if (digest === undefined) digests.set(passage, (digest = vectorDigest(model, passageMeaningText(passage))));
    return digest;
  };
  const questions = new Map<string, Float32Array>();
  const shared = options.store?.kind === 'redis' ? options.store : undefined;
  const sharedKey = (digest: string): string => `embedding:${model}:${digest}`;
  /** Digests the shared store did not have when asked (not asked again: the endpoint embeds them). */
  const notShared = new Set<string>();

  // The endpoint's health, as questions see it: an outage after `failuresForOutage` failures in a row (one slow answer
  // is not one), one warning when it starts and one line when it ends; while down, it is tried again behind the
  // answers after `retryAfterMs` (a question never waits on a dead endpoint).
  let up = true;
  let failures = 0;
  let retryAt = 0;
  const failed = (reason: string): void => {
    failures += 1;
    if (!up || failures < settings.failuresForOutage) return;
    up = false;
    retryAt = Date.now() + settings.retryAfterMs;
    log.warn({ reason }, 'embeddings endpoint unavailable: questions are answered lexically until it is back');
  };
  const answered = (): void => {
    failures = 0;
    if (up) return;
    up = true;
    log.info('embeddings endpoint back: answers use the model again');
  };

  const remember = (text: string, vector: Float32Array): void => {
    questions.delete(text);
    questions.set(text, vector);
    if (questions.size > settings.questionCacheSize) questions.delete(questions.keys().next().value as string);
  };
  const embedQuestion = async (text: string): Promise<boolean> => {
    try {
      const [vector] = await client.embed([text], settings.questionTimeoutMs);
      answered();
      if (vector) remember(text, vector);
      return vector !== undefined;
    } catch (error) {
      if ((error as EmbeddingsUnavailable).refused) return false;
      failed((error as Error).message);
      return false;
    }
  };

  // One pass at a time, each over the latest knowledge (a pass over knowledge already embedded costs only lookups).
  // A pass the endpoint fails is tried again in the background, waiting twice as long each time (up to
  // `maxRetryAfterMs`); its first failure is logged, and the pass that ends the streak.
  let latest: Knowledge | undefined;
  let chain: Promise<void> = Promise.resolve();
  let retry: NodeJS.Timeout | undefined;
  let passFailures = 0;
  let closed = false;
  const follow = (knowledge: Knowledge): Promise<void> => {
    latest = knowledge;
    chain = chain.then(async () => {
      if (closed || latest !== knowledge) return;
      try {
        await embedMissing(knowledge);
        if (passFailures > 0) log.info({ attempts: passFailures + 1 }, 'passages embedded after the endpoint failed');
        passFailures = 0;
        await forgetRetired(knowledge);
      } catch (error) {
        if (closed) return;
        if (passFailures === 0) log.warn({ reason: (error as Error).message }, 'passages could not be embedded: questions about them are answered lexically until they are');
        const wait = Math.min(settings.retryAfterMs * 2 ** passFailures, settings.maxRetryAfterMs);
        passFailures += 1;
        clearTimeout(retry);
        retry = setTimeout(() => latest && void follow(latest), wait).unref();
      }
    });
    return chain;
  };

  const store = async (records: [string, Float32Array][]): Promise<void> => {
    for (const [digest, vector] of records) vectors.set(digest, vector);
    await appendVectors(file, dir, records).then(
      () => (recordsInFile += records.length),
      (error: unknown) => log.warn({ file, err: String(error) }, 'could not save passage vectors'),
    );
    if (shared) await Promise.all(records.map(([digest, vector]) => shared.put(sharedKey(digest), vectorToText(vector), settings.sharedTtlMs))).catch(() => undefined);
  };

  // A batch the endpoint refuses (a passage too long for it, say) is sent one passage at a time; a passage refused on
  // its own is given no vector (its similarity counts as 0) and not sent again.
  const embedBatch = async (batch: [string, string][]): Promise<void> => {
    try {
      const embedded = await client.embed(batch.map(([, text]) => text), settings.batchTimeoutMs);
      await store(batch.map(([digest], k): [string, Float32Array] => [digest, embedded[k] as Float32Array]));
    } catch (error) {
      if (!(error as EmbeddingsUnavailable).refused) throw error;
      if (batch.length > 1) {
        for (const one of batch) if (!closed) await embedBatch([one]);
        return;
      }
      const [digest = ''] = batch[0] ?? [];
      log.warn({ digest, reason: (error as Error).message }, 'the endpoint refused a passage: it is weighed without its embedding');
      vectors.set(digest, REFUSED);
    }
  };

  const embedMissing = async (knowledge: Knowledge): Promise<void> => {
    const texts = new Map<string, string>();
    for (const passage of knowledge.passages) {
      const digest = digestOf(passage);
      if (!vectors.has(digest)) texts.set(digest, passageMeaningText(passage));
    }
    if (texts.size === 0) return;
    const began = performance.now();
    const fromStore = shared ? await readShared([...texts.keys()].filter((d) => !notShared.has(d))) : 0;
    const missing = [...texts].filter(([digest]) => !vectors.has(digest));
    for (let i = 0; i < missing.length && !closed; i += settings.batchSize) await embedBatch(missing.slice(i, i + settings.batchSize));
    if (!closed) log.info({ passages: texts.size, fromStore, embedded: missing.length, ms: Math.round(performance.now() - began) }, 'passages embedded');
  };

  // After a pass: vectors of passages no longer in the knowledge leave memory, and the file is written anew with the
  // live ones when most of its records are dead.
  const forgetRetired = async (knowledge: Knowledge): Promise<void> => {
    if (latest !== knowledge) return;
    const live = new Set(knowledge.passages.map(digestOf));
    for (const digest of vectors.keys()) if (!live.has(digest)) vectors.delete(digest);
    if (recordsInFile > settings.compactAbove && recordsInFile > 2 * vectors.size) {
      const kept = [...vectors].filter(([, v]) => v.length > 0);
      await rewriteVectorFile(file, dir, kept).then(
        () => (recordsInFile = kept.length),
        (error: unknown) => log.warn({ file, err: String(error) }, 'could not compact the saved passage vectors'),
      );
    }
  };

  // Vectors another replica already embedded; a store that cannot answer leaves them to the endpoint.
  const readShared = async (wanted: string[]): Promise<number> => {
    let found = 0;
    for (let i = 0; i < wanted.length && !closed; i += settings.sharedReadBatch) {
      const batch = wanted.slice(i, i + settings.sharedReadBatch);
      const texts = await Promise.all(batch.map((digest) => shared?.get(sharedKey(digest)).catch(() => undefined)));
      const records: [string, Float32Array][] = [];
      batch.forEach((digest, k) => {
        const vector = texts[k] === undefined ? undefined : vectorFromText(texts[k]);
        if (vector) records.push([digest, vector]);
        else notShared.add(digest);
      });
      for (const [digest, vector] of records) vectors.set(digest, vector);
      await appendVectors(file, dir, records).then(() => (recordsInFile += records.length), () => undefined);
      found += records.length;
    }
    return found;
  };

  return {
    model,
    get up() {
      return up;
    },
    question: (text) => {
      const vector = questions.get(text);
      // Most recently used last: the oldest is the first to go.
      if (vector) remember(text, vector);
      return vector;
    },
    passage: (passage) => vectors.get(digestOf(passage)),
    async prepare(raw) {
      const text = meaningText(raw);
      if (!text) return false;
      if (questions.has(text)) return true;
      if (up) return embedQuestion(text);
      // Down: answered lexically now; once the wait is over, the endpoint is tried again behind this answer.
      if (Date.now() >= retryAt) {
        retryAt = Date.now() + settings.retryAfterMs;
        void embedQuestion(text);
      }
      return false;
    },
    follow,
    async close() {
      closed = true;
      clearTimeout(retry);
      // The pass stops after the request under way; shutdown does not wait longer than that for it.
      await Promise.race([chain, new Promise((resolve) => setTimeout(resolve, settings.closeWaitMs).unref())]);
    },
  };
}
