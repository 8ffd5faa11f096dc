// Starts the bot for a configuration: knowledge → answers → replies → the app on its transport (Slack or console).
import type { App, webApi } from '@slack/bolt';
import { createWarmingEngine } from './answers/index.js';
import { indexCacheDir } from './index-cache-dir.js';
import { loadEngine } from './load-engine.js';
import { loadAliases, loadKnowledge } from './knowledge/index.js';
import type { Config } from './config.js';
import type { ConsoleIO } from './console/console-receiver.js';
import type { Logger } from './logger.js';
import { createDailyPost, type DailyPost } from './schedule/daily-post.js';
import { openPostState } from './schedule/post-state.js';
import { createSlackApp } from './slack/create-app.js';
import { fixedReplies } from './slack/fixed-replies.js';
import type { SlackMessage } from './slack/format/slack-message.js';
import { summaryMessage } from './slack/format/summary-message.js';
import { buildSummary } from './summary/index.js';
import { consoleTransport, slackTransport } from './transports.js';

/** Options of {@link startBot}. */
export interface BotOptions {
  logger: Logger;
  /** Web API client overrides (tests shorten timeouts and turn off retries). */
  clientOptions?: Partial<webApi.WebClientOptions>;
  /** How long shutdown waits for replies in flight. Default 5 s. */
  drainMs?: number;
  /** The terminal for the local console (console mode). Default: standard input and output. */
  console?: ConsoleIO;
  /** How long start-up waits for the index before serving with "still reading" replies. Default 2 s. */
  warmWaitMs?: number;
}

/** A running bot. */
export interface RunningBot {
  app: App;
  /** The HTTP port actually listened on (HTTP mode). */
  port?: number;
  /** Resolves when the console reaches the end of its input (console mode only). */
  finished?: Promise<void>;
  /** Resolves when the index is ready and questions get real answers. */
  ready: Promise<void>;
  /** Stops taking new work, waits for replies in flight, and resolves (true when all finished in time). */
  stop(): Promise<boolean>;
}

/** Loads the knowledge, builds the app on the transport for `config.mode`, and starts it. */
export async function startBot(config: Config, options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  const knowledge = loadKnowledge(config.knowledgeDir);
  logger.info({ documents: knowledge.documents.length, passages: knowledge.passages.length }, 'knowledge loaded');
  const summary = summaryMessage(buildSummary(knowledge, config.summary.document ? { document: config.summary.document } : {}));
  // Until the index is ready (read from the cache, or built in chunks), questions get a "still reading" reply.
  const engine = createWarmingEngine(knowledge);
  const aliases = loadAliases(config.knowledgeDir);
  const warming = loadEngine(knowledge, config.knowledgeDir, aliases, indexCacheDir(config.stateDir), logger).then(
    ({ engine: ready, index, ms, cacheError }) => {
      engine.ready(ready);
      if (cacheError) logger.warn({ err: cacheError }, 'could not save the index cache');
      logger.info({ index, ms: Math.round(ms) }, 'index ready');
    },
    (error: unknown) => logger.error({ err: String(error) }, 'could not build the index: questions get a "still reading" reply'),
  );
  const transport =
    config.mode === 'console'
      ? consoleTransport(options.console ?? { input: process.stdin, output: process.stdout }, () => summary, knowledge.documents.map((d) => d.title), config.colour)
      : slackTransport(config, logger);
  const { app, inFlight } = createSlackApp({
    receiver: transport.receiver,
    botToken: transport.botToken,
    ...(transport.apiUrl ? { apiUrl: transport.apiUrl } : {}),
    ...(transport.botIdentity ? { botIdentity: transport.botIdentity } : {}),
    logger,
    deps: { engine, replies: fixedReplies(knowledge, () => summary) },
    clientOptions: { ...transport.clientOptions, ...options.clientOptions },
  });
  // The console has no deadline: it waits for the index. Slack is acknowledged at once; a small knowledge is
  // ready within the wait below, a large one keeps building while the bot replies "still reading".
  if (config.mode === 'console') await warming;
  const port = await transport.start(app);
  await Promise.race([warming, new Promise((resolve) => setTimeout(resolve, options.warmWaitMs ?? 2_000).unref())]);
  logger.info({ mode: config.mode, ...(port !== undefined ? { port } : {}) }, 'ready');
  const daily = config.mode === 'console' ? undefined : dailyPostFor(config, app, () => summary, logger);
  // The catch-up post may retry for a while: it runs alongside, counted as work in flight.
  if (daily) void inFlight.track(() => daily.start());

  return {
    app,
    ready: warming,
    ...(port !== undefined ? { port } : {}),
    ...(transport.finished ? { finished: transport.finished } : {}),
    async stop() {
      logger.info({ inFlight: inFlight.size }, 'stopping: no new work, finishing replies in flight');
      daily?.stop();
      const stopping = app.stop().catch((error: unknown) => logger.warn({ err: String(error) }, 'receiver did not stop cleanly'));
      transport.onStop?.();
      const finished = await inFlight.drain(options.drainMs ?? 5_000);
      await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      logger.info({ finished }, 'stopped');
      return finished;
    },
  };
}

// The daily summary post, when SUMMARY_CHANNEL is set; it posts through the app's Web API client in either mode.
function dailyPostFor(config: Config, app: App, message: () => SlackMessage, logger: Logger): DailyPost | undefined {
  const { channel } = config.summary;
  if (!channel) {
    logger.info('no daily summary post: SUMMARY_CHANNEL is not set');
    return undefined;
  }
  return createDailyPost({
    ...config.summary,
    channel,
    message,
    state: openPostState(config.stateDir, logger),
    logger,
    post: async (to, m) => {
      const result = await app.client.chat.postMessage({ channel: to, ...m, unfurl_links: false, unfurl_media: false });
      return result.ts ?? '';
    },
  });
}
