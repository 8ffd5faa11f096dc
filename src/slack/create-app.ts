// Builds the Bolt app: one guard middleware (request log, one reply per delivery, in-flight count), listeners, error sink.
import { App, webApi, type Receiver } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { boltLogger } from './bolt-logger.js';
import { errorHandler } from './error-handler.js';
import { registerListeners } from './listeners/index.js';
import { answerTurns } from './answer-turns.js';
import type { ListenerDeps } from './listeners/deps.js';
import { createDeliveryGuard, type DeliveryGuard } from './middleware/dedupe-deliveries.js';
import { requestGuard } from './middleware/request-guard.js';
import { createInFlight, type InFlight } from './middleware/in-flight.js';
import { webApiFetch } from './web-api-fetch.js';
import { replyPoster, type REPLY_DEFAULTS } from './post-reply.js';

/** Web API client defaults: a call gives up when Slack is silent for 10 s and is retried twice, then logged. */
export function defaultClientOptions(): Partial<webApi.WebClientOptions> {
  return {
    fetch: webApiFetch(10_000),
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4_000 },
  };
}

/** Options of {@link createSlackApp}. */
export interface SlackAppOptions {
  receiver: Receiver;
  botToken: string;
  /** Base URL of the Web API (`SLACK_API_URL`). */
  apiUrl?: string;
  logger: Logger;
  deps: ListenerDeps;
  /** Overrides of {@link defaultClientOptions} (tests shorten timeouts). */
  clientOptions?: Partial<webApi.WebClientOptions>;
  /** Known bot identity: skips `auth.test` (the local console has no Slack to ask). */
  botIdentity?: { botId: string; botUserId: string };
  /** One reply per delivery: this process' guard by default; the shared store's across replicas. */
  guard?: DeliveryGuard;
  /** How answers are tried again (tests shorten the wait). Default REPLY_DEFAULTS. */
  replies?: Partial<typeof REPLY_DEFAULTS>;
}

/** The app and its in-flight counter (for graceful shutdown). */
export interface SlackApp {
  app: App;
  inFlight: InFlight;
}

/** Wires a Bolt app over `receiver`. Call `app.init()` before `app.start()` (it checks the token). */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { logger } = options;
  const clientOptions: Partial<webApi.WebClientOptions> = {
    ...defaultClientOptions(),
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...options.clientOptions,
  };
  const app = new App({
    token: options.botToken,
    receiver: options.receiver,
    logger: boltLogger(logger),
    deferInitialization: true,
    extendedErrorHandler: true,
    // No listener reads Bolt's conversation state; its default store would be updated on every event for nothing.
    convoStore: false,
    ...(options.botIdentity ? { ...options.botIdentity, tokenVerificationEnabled: false } : {}),
    clientOptions,
  });
  // Answers go through a client of their own that never retries by itself: a retry is made only after looking in
  // the conversation for the answer (see post-reply.ts).
  const replyClient = new webApi.WebClient(options.botToken, { ...clientOptions, logger: boltLogger(logger), retryConfig: { retries: 0 } });
  const deps = { answerTurn: answerTurns(), ...options.deps, postReply: replyPoster(replyClient, options.replies) };
  const inFlight = createInFlight();
  app.use(requestGuard({ logger, guard: options.guard ?? createDeliveryGuard(), inFlight }));
  registerListeners(app, deps);
  app.error(errorHandler(app, logger));
  return { app, inFlight };
}
