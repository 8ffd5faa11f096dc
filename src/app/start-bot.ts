// Starts the bot for a configuration: knowledge → answers → replies → the app on its transport (Slack or console).
import type { App, webApi } from '@slack/bolt';
import { indexCacheDir, startLiveKnowledge, type LiveKnowledge } from '../live/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { openLexicon } from '../lexicon/index.js';
import type { Config } from '../config/index.js';
import { type ConsoleIO, gapsMessage, findTaggedPost, storeGuard, createSlackApp, type SlackAppOptions, fixedReplies, summaryMessage, consoleTransport, slackTransport, storedThreadContext } from '../slack/index.js';
import type { Logger } from '../logger.js';
import { createDailyPost, POST_EVENT_TYPE, type DailyPost, type DailyPostOptions, openPostState } from '../schedule/index.js';
import { openStore, type SharedStore } from '../store/index.js';
import { GapLog, Votes } from '../feedback/index.js';
import { createHash } from 'node:crypto';
import { buildSummary, fingerprint, type Summary } from '../summary/index.js';
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
  const daily =
    slackMode && config.summary.channel
      ? scheduledPost(config, app, store, logger, {
          channel: config.summary.channel,
          days: config.summary.days,
          kind: 'summary',
          eventType: POST_EVENT_TYPE,
          compose: (previous) => {
            const knowledge = live.knowledge();
            const summary = summaryOf(knowledge, previous?.articles);
            return { message: summaryMessage(summary), articles: knowledge.documents.map(fingerprint), unchanged: summary.unchanged === true };
          },
        })
      : undefined;
  // The weekly gap report (GAPS_CHANNEL, on GAPS_DAY at SUMMARY_TIME).
  const weekly =
    slackMode && config.gaps.channel
      ? scheduledPost(config, app, store, logger, {
          channel: config.gaps.channel,
          days: [config.gaps.day],
          kind: 'gaps',
          eventType: 'briefing_gaps',
          compose: async () => {
            await votes.refresh(true).catch(() => undefined);
            const report = { ...(await gaps.report()), feedback: { disliked: votes.mostDisliked(), ...votes.totals() } };
            return { message: gapsMessage(report), articles: [], unchanged: false };
          },
        })
      : undefined;
  if (weekly) void inFlight.track(() => weekly.start());
  if (daily) void inFlight.track(() => daily.start());

  return {
    app,
    ready: live.ready,
    live,
    ...(port !== undefined ? { port } : {}),
    ...(transport.finished ? { finished: transport.finished } : {}),
    async stop() {
      logger.info({ inFlight: inFlight.size }, 'stopping: no new work, finishing replies in flight');
      daily?.stop();
      weekly?.stop();
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

// The daily summary post, when SUMMARY_CHANNEL is set; it posts through the app's Web API client in either mode.
// A post once a day (the summary) or once a week (the gap report), with the same once-only machinery: the record in
// STATE_DIR, Slack's history (message metadata), and Redis' lock with several replicas.
function scheduledPost(
  config: Config,
  app: App,
  store: SharedStore,
  logger: Logger,
  post: Pick<DailyPostOptions, 'channel' | 'days' | 'compose'> & { kind: string; eventType: string },
): DailyPost {
  return createDailyPost({
    ...config.summary,
    ...post,
    state: openPostState(config.stateDir, logger),
    logger,
    post: async (to, m, tag) => {
      const result = await app.client.chat.postMessage({
        channel: to,
        ...m,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: tag.eventType, event_payload: { date: tag.date, channel: tag.channel } },
      });
      return result.ts ?? '';
    },
    findPosted: (to, tag) => findTaggedPost(app, to, tag),
    ...(store.kind === 'redis' ? { shared: store } : {}),
  });
}

// "at 09:00 (Europe/London) on mon-fri": when the daily summary is posted, as the panel says it.
function dailyPostTime(config: Config): string {
  const { time, timezone, days } = config.summary;
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const every = days.length === 7 ? 'every day' : `on ${days.map((d) => names[d]).join(', ')}`;
  return `at ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')} (${timezone}) ${every}`;
}
