// Opens the desk for a running bot: over the live knowledge, with the feeds it follows, the briefing's size kept,
// and (with a shared store in Redis) the other replicas' changes applied here.
import { questionsToTry, type AnswerEngine } from '../answers/index.js';
import { createSafeFetcher } from '../fetch/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import type { SharedStore } from '../store/index.js';
import { Desk } from './desk.js';
import { startFeedPoller, type FeedPoller } from './feed-poller.js';
import { startReplicaSync, type ReplicaSync } from './replica-sync.js';

/** How long a file name claimed by one replica stays taken for the others. */
const NAME_CLAIM_MS = 365 * 86_400_000;

/** What the desk works over, and its settings. */
export interface StartDeskOptions {
  dir: string;
  live: { knowledge(): Knowledge; refresh(): Promise<void>; readonly engine: AnswerEngine; readonly ready: Promise<void> };
  store: SharedStore;
  logger: Logger;
  feeds: readonly string[];
  feedsPollMs: number;
  maxArticles?: number;
  allowPrivate: boolean;
  /** How often another replica's changes are looked for (with Redis). */
  replicaSyncMs?: number;
}

/** A running desk. */
export interface RunningDesk {
  desk: Desk;
  feeds?: FeedPoller;
  replicas?: ReplicaSync;
  stop(): Promise<void>;
}

/** Starts the desk; feeds and the size limit begin once the knowledge is ready. */
export function startDesk(options: StartDeskOptions): RunningDesk {
  const { live, store, logger } = options;
  const log = logger.child({ module: 'desk' });
  const fetcher = createSafeFetcher({ allowPrivate: options.allowPrivate });
  let replicas: ReplicaSync | undefined;
  let stopped = false;
  const desk = new Desk({
    dir: options.dir,
    knowledge: () => live.knowledge(),
    refresh: () => live.refresh(),
    fetcher,
    logger: log,
    ...(options.maxArticles !== undefined ? { maxArticles: options.maxArticles } : {}),
    questionsFor: (document) => questionsToTry(document, live.engine),
    onChange: async (change) => replicas?.publish(change),
    // With replicas, a new file name is claimed in the shared store, so two articles added at once on two replicas
    // never get the same name (and one never overwrites the other).
    ...(store.kind === 'redis' ? { reserveName: (file: string) => store.claim(`desk-file:${file}`, NAME_CLAIM_MS) } : {}),
  });
  if (store.kind === 'redis') replicas = startReplicaSync({ store, desk, logger: log, ...(options.replicaSyncMs ? { everyMs: options.replicaSyncMs } : {}) });
  const running: RunningDesk = {
    desk,
    ...(replicas ? { replicas } : {}),
    async stop() {
      stopped = true;
      running.feeds?.stop();
      replicas?.stop();
      await fetcher.close().catch(() => undefined);
    },
  };
  void live.ready.then(async () => {
    if (stopped) return;
    await desk.retain().catch((error: unknown) => log.warn({ err: String(error) }, 'could not archive the oldest articles'));
    if (options.feeds.length > 0 && !stopped) {
      running.feeds = startFeedPoller({ feeds: options.feeds, pollMs: options.feedsPollMs, fetcher, desk, store, logger: log });
      log.info({ feeds: options.feeds.length, everySeconds: options.feedsPollMs / 1_000 }, 'following news feeds');
    }
  });
  return running;
}
