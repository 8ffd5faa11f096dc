// The costs and patience of the embeddings port, in one object callers can read back (and override per service).

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

export type EmbeddingsDefaults = typeof EMBEDDINGS_DEFAULTS;
