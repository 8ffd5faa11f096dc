// Starts the bot for a configuration: knowledge → answers → replies → the app on its transport (Slack or console).
import type { App, webApi } from '@slack/bolt';
import { indexCacheDir, startLiveKnowledge, type LiveKnowledge } from '../live/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { openLexicon } from '../lexicon/index.js';
import type { Config } from '../config/index.js';
import { type ConsoleIO, storeGuard, createSlackApp, type SlackAppOptions, fixedReplies, summaryMessage, consoleTransport, slackTransport, storedThreadContext } from '../slack/index.js';
import type { Logger } from '../logger.js';
import { dailyPostTime, scheduledPosts } from './scheduled-posts.js';
import { openStore } from '../store/index.js';
import { GapLog, Votes } from '../feedback/index.js';
import { createHash } from 'node:crypto';
import { buildSummary, type Summary } from '../summary/index.js';
import { startDesk } from '../desk/index.js';
import { createEmbeddingsClient, createMeaningService } from '../embeddings/index.js';
import { join } from 'node:path';

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
  /** Quiet time after a change in the knowledge folder before it is read. Default 500 ms. */
  knowledgeDebounceMs?: number;
  /** Quiet time after a knowledge update before the index cache is saved. Default 5 s. */
  indexCacheSaveMs?: number;
  /** How an answer whose post failed is looked for and tried again (tests shorten the wait). */
  replies?: SlackAppOptions['replies'];
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
  /** The knowledge in service, followed as the folder changes. */
  live: LiveKnowledge;
  /** Stops taking new work, waits for replies in flight, and resolves (true when all finished in time). */
  stop(): Promise<boolean>;
}

/** Loads the knowledge, builds the app on the transport for `config.mode`, and starts it; the knowledge is followed. */
export async function startBot(config: Config, options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  // Shared state: in this process, or in Redis for several replicas (REDIS_URL).
  const store = openStore(config.redisUrl, logger, { stateDir: config.stateDir, retentionDays: config.feedbackRetentionDays });
  const gaps = new GapLog(store);
  // Votes are hashed with a key the replicas share and nothing stores: derived from the bot token.
  const votes = new Votes(store, createHash('sha256').update(`briefing-bot votes\0${config.slack?.botToken ?? 'console'}`).digest('hex'));
  // A Redis that is down does not stop the bot: it is waited for briefly, then replies fall back to this process.
  if (!(await store.ready(2_000))) logger.warn('Redis did not answer within 2 s: starting anyway (replies are deduplicated in this process until it does)');
  await votes.refresh(true).catch((error: unknown) => logger.warn({ err: String(error) }, 'could not read the votes: answers start without readers’ feedback'));
  // The team's embedding model (EMBEDDINGS_URL): its vectors are read from STATE_DIR now, the rest embedded in the
  // background; until a question and its candidates have vectors, it is answered lexically.
  const meaning = config.embeddings
    ? await createMeaningService({ client: createEmbeddingsClient(config.embeddings), dir: join(config.stateDir, 'embeddings'), logger, store })
    : undefined;
  // Reads the folder (a file that does not parse is logged and left out; no usable article stops start-up), then
  // builds or loads the index meanwhile: until it is ready, questions get a "still reading" reply.
  const live = await startLiveKnowledge({
    dir: config.knowledgeDir,
    cacheDir: indexCacheDir(config.stateDir),
    logger,
    // General English for every engine of this process: WordNet read now, its word vectors as the index loads.
    lexicon: openLexicon(),
    pollMs: config.knowledgePollSeconds * 1_000,
    ...(options.knowledgeDebounceMs !== undefined ? { debounceMs: options.knowledgeDebounceMs } : {}),
    ...(options.indexCacheSaveMs !== undefined ? { saveCacheAfterMs: options.indexCacheSaveMs } : {}),
    avoid: votes,
    ...(meaning ? { meaning } : {}),
  });
  const first = live.knowledge();
  if (meaning) {
    void meaning.follow(first);
    live.onChange((knowledge) => void meaning.follow(knowledge));
  }
  logger.info({ documents: first.documents.length, passages: first.passages.length }, 'knowledge loaded');
  const summaryOptions = config.summary.document ? { document: config.summary.document } : {};
  // One summary per version of the knowledge, made when first asked for.
  const summaries = new WeakMap<Knowledge, Summary>();
  const summaryOf = (knowledge: Knowledge, since?: readonly string[]): Summary => {
    if (since) return buildSummary(knowledge, { ...summaryOptions, since });
    const known = summaries.get(knowledge) ?? buildSummary(knowledge, summaryOptions);
    summaries.set(knowledge, known);
    return known;
  };
  const currentSummary = (): Summary => summaryOf(live.knowledge());
  const transport =
    config.mode === 'console'
      ? consoleTransport(options.console ?? { input: process.stdin, output: process.stdout }, {
          dailyPost: () => summaryMessage(currentSummary()),
          knowledge: () => live.knowledge(),
          colour: config.colour,
        })
      : slackTransport(config, logger);
  // The editors' desk: articles added from Slack (a link, a file in a DM), a feed, or removed; shared by replicas.
  const desk = startDesk({
    dir: config.knowledgeDir,
    live,
    store,
    logger,
    feeds: config.desk.feeds,
    feedsPollMs: config.desk.feedsPollSeconds * 1_000,
    ...(config.desk.maxArticles !== undefined ? { maxArticles: config.desk.maxArticles } : {}),
    allowPrivate: config.desk.allowPrivate,
  });
  const replies = fixedReplies(() => live.knowledge(), currentSummary, config.editors);
  const { app, inFlight } = createSlackApp({
    receiver: transport.receiver,
    botToken: transport.botToken,
    ...(transport.apiUrl ? { apiUrl: transport.apiUrl } : {}),
    ...(transport.botIdentity ? { botIdentity: transport.botIdentity } : {}),
    logger,
    deps: {
      engine: live.engine,
      ...(meaning ? { meaning } : {}),
      replies,
      gaps,
      votes,
      desk: desk.desk,
      ...(config.editors ? { editors: config.editors } : {}),
      ...(transport.fileFetch ? { fetchFile: transport.fileFetch } : {}),
      assistant: {
        threadContext: storedThreadContext(store),
        once: (key) => store.claim(key, 30 * 86_400_000),
        ...(config.summary.channel ? { dailyPost: { channel: config.summary.channel, when: dailyPostTime(config) } } : {}),
      },
    },
    ...(store.kind === 'redis' ? { guard: storeGuard(store) } : {}),
    ...(options.replies ? { replies: options.replies } : {}),
    clientOptions: { ...transport.clientOptions, ...options.clientOptions },
  });
  // The console has no deadline: it waits for the index. Slack is acknowledged at once; a small knowledge is
  // ready within the wait below, a large one keeps building while the bot replies "still reading".
  if (config.mode === 'console') await live.ready;
  const port = await transport.start(app);
  await Promise.race([live.ready, new Promise((resolve) => setTimeout(resolve, options.warmWaitMs ?? 2_000).unref())]);
  logger.info({ mode: config.mode, ...(port !== undefined ? { port } : {}) }, 'ready');
  const slackMode = config.mode !== 'console';
  if (slackMode && !config.summary.channel) logger.info('no daily summary post: SUMMARY_CHANNEL is not set');
  const posts = slackMode ? scheduledPosts({ config, app, store, logger, live, summaryOf, gaps, votes }) : [];
  for (const post of posts) void inFlight.track(() => post.start());

  return {
    app,
    ready: live.ready,
    live,
    ...(port !== undefined ? { port } : {}),
    ...(transport.finished ? { finished: transport.finished } : {}),
    async stop() {
      logger.info({ inFlight: inFlight.size }, 'stopping: no new work, finishing replies in flight');
      for (const post of posts) post.stop();
      await desk.stop();
      live.close();
      await meaning?.close();
      const stopping = app.stop().catch((error: unknown) => logger.warn({ err: String(error) }, 'receiver did not stop cleanly'));
      transport.onStop?.();
      const finished = await inFlight.drain(options.drainMs ?? 5_000);
      await store.close();
      await Promise.race([stopping, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      logger.info({ finished }, 'stopped');
      return finished;
    },
  };
}
