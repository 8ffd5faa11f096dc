// Passages embedded in batches whenever the knowledge changes: one pass at a time over the latest knowledge, the
// vectors kept in STATE_DIR's vector file and (with Redis) shared with the other replicas, retried with backoff while
// the endpoint fails, and the vectors of retired passages let go.
import type { Knowledge, Passage } from '../knowledge/index.js';
import { passageMeaningText } from '../answers/index.js';
import type { Logger } from '../logger.js';
import type { SharedStore } from '../store/index.js';
import type { EmbeddingsDefaults } from './embeddings-defaults.js';
import type { EmbeddingsClient, EmbeddingsUnavailable } from './embeddings-client.js';
import { appendVectors, rewriteVectorFile, vectorFromText, vectorToText } from './vector-file.js';

/** The vector of a passage the endpoint refused: no dimensions, so its similarity to any question is 0. */
const REFUSED = new Float32Array(0);

/** What a pass works on: the vectors at hand (filled in place) and where they are kept. */
export interface PassagePassOptions {
  client: EmbeddingsClient;
  settings: EmbeddingsDefaults;
  log: Logger;
  /** Passage vectors by digest: the service reads them, the pass adds and retires them. */
  vectors: Map<string, Float32Array>;
  /** The digest of a passage's meaning text. */
  digestOf(passage: Passage): string;
  /** The vector file, its folder, and how many records it held when read. */
  file: string;
  dir: string;
  recordsInFile: number;
  /** The replicas' shared store (Redis only), and a passage vector's key in it. */
  shared?: SharedStore;
  sharedKey(digest: string): string;
}

/** The passage side of the meaning service. */
export interface PassagePass {
  /** Embeds the passages of `knowledge` that have no vector yet; resolves when done (or put off while the endpoint is down). */
  follow(knowledge: Knowledge): Promise<void>;
  /** Stops after the request under way (waiting at most `closeWaitMs`). */
  close(): Promise<void>;
}

/** Passes over the knowledge that keep `vectors` filled. */
export function createPassagePass(options: PassagePassOptions): PassagePass {
  const { client, settings, log, vectors, digestOf, file, dir, shared, sharedKey } = options;
  /** Records in the file (live or not): when most are dead, it is written anew. */
  let recordsInFile = options.recordsInFile;
  /** Digests the shared store did not have when asked (not asked again: the endpoint embeds them). */
  const notShared = new Set<string>();

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
    follow,
    async close() {
      closed = true;
      clearTimeout(retry);
      // The pass stops after the request under way; shutdown does not wait longer than that for it.
      await Promise.race([chain, new Promise((resolve) => setTimeout(resolve, settings.closeWaitMs).unref())]);
    },
  };
}
