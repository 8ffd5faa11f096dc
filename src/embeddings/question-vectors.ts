// Questions' vectors: fetched with a short timeout and remembered (the most recently used kept), and the endpoint's
// health as questions see it. A question never waits on an endpoint that is down.
import { meaningText } from '../answers/index.js';
import type { Logger } from '../logger.js';
import type { EmbeddingsDefaults } from './embeddings-defaults.js';
import type { EmbeddingsClient, EmbeddingsUnavailable } from './embeddings-client.js';

/** The question side of the meaning service. */
export interface QuestionVectors {
  /** The remembered vector of a question's meaning text, if any (it becomes the most recently used). */
  question(text: string): Float32Array | undefined;
  /** Fetches the question's vector (at most `questionTimeoutMs`): true when the engine can use it. Never throws. */
  prepare(raw: string): Promise<boolean>;
  /** Whether the endpoint answered last time a question was sent. */
  readonly up: boolean;
}

/** Question vectors over `client`, with the patience of `settings`. */
export function createQuestionVectors({ client, settings, log }: { client: EmbeddingsClient; settings: EmbeddingsDefaults; log: Logger }): QuestionVectors {
  const questions = new Map<string, Float32Array>();

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

  return {
    get up() {
      return up;
    },
    question: (text) => {
      const vector = questions.get(text);
      // Most recently used last: the oldest is the first to go.
      if (vector) remember(text, vector);
      return vector;
    },
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
  };
}
