// Follows news feeds: every poll, each feed's new items (by guid or link) are added like links, a few at a time. A
// feed that fails is logged and tried again at the next poll; with several replicas, one polls at a time and the
// record of items taken is shared.
import { createHash } from 'node:crypto';
import type { SafeFetcher } from '../fetch/index.js';
import type { Logger } from '../logger.js';
import type { SharedStore } from '../store/index.js';
import type { Desk } from './desk.js';
import { DeskError } from './desk-error.js';
import { parseFeed, type FeedItem } from './parse-feed.js';

/** Tuning of the feed poller. */
export const FEED_DEFAULTS = {
  /** New items added per feed and poll; a first look at a feed adds its newest this many and passes over the rest. */
  perPoll: 3,
  /** Polls an item may fail before it is passed over. */
  attempts: 3,
};

/** Options of {@link startFeedPoller}. */
export interface FeedPollerOptions {
  /** RSS or Atom URLs (`KNOWLEDGE_FEEDS`). */
  feeds: readonly string[];
  /** Time between polls (`KNOWLEDGE_FEEDS_POLL_SECONDS`). */
  pollMs: number;
  fetcher: SafeFetcher;
  desk: Pick<Desk, 'addUrl'>;
  /** Where the items already taken are recorded (shared by replicas with Redis). */
  store: SharedStore;
  logger: Logger;
  perPoll?: number;
}

/** A running poller. */
export interface FeedPoller {
  /** Polls every feed now (what the timer does); resolves when done. */
  poll(): Promise<void>;
  stop(): void;
}

const STREAM = 'feed-items';

/** Starts polling: the first poll at once, then every `pollMs`. */
export function startFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { feeds, fetcher, desk, store, pollMs } = options;
  const log = options.logger.child({ module: 'feeds' });
  const perPoll = options.perPoll ?? FEED_DEFAULTS.perPoll;
  const seen = new Set<string>();
  const failures = new Map<string, number>();
  let readUpTo = 0;
  let running: Promise<void> | undefined;
  let stopped = false;

  const key = (feed: string, item: FeedItem): string => createHash('sha256').update(`${feed}\0${item.id}`).digest('hex').slice(0, 32);
  const remember = async (feed: string, items: FeedItem[]): Promise<void> => {
    for (const item of items) {
      seen.add(key(feed, item));
      await store.append(STREAM, { at: Date.now(), item: key(feed, item) });
    }
  };

  const pollFeed = async (feed: string): Promise<void> => {
    let items: FeedItem[];
    try {
      const fetched = await fetcher.fetch(feed);
      items = parseFeed(fetched.bytes.toString('utf8'), fetched.url);
    } catch (error) {
      log.warn({ feed, reason: (error as Error).message }, 'feed could not be read: trying again at the next poll');
      return;
    }
    const fresh = items.filter((item) => !seen.has(key(feed, item)));
    const firstLook = fresh.length === items.length && items.length > perPoll && !items.some((item) => failures.has(key(feed, item)));
    if (firstLook) await remember(feed, fresh.slice(perPoll));
    let added = 0;
    for (const item of fresh.slice(0, perPoll)) {
      try {
        const result = await desk.addUrl(item.link, { user: 'feed' });
        if (result.status !== 'unchanged') added += 1;
        await remember(feed, [item]);
      } catch (error) {
        const tries = (failures.get(key(feed, item)) ?? 0) + 1;
        failures.set(key(feed, item), tries);
        const passOver = error instanceof DeskError && tries >= FEED_DEFAULTS.attempts;
        log.warn({ feed, link: item.link, reason: (error as Error).message, tries }, passOver ? 'feed item could not be added: passed over' : 'feed item could not be added: trying again at the next poll');
        if (passOver) await remember(feed, [item]);
      }
    }
    log.info({ feed, items: items.length, new: fresh.length, added }, 'feed polled');
  };

  const pollAll = async (): Promise<void> => {
    // With several replicas, the lock lets one poll; the records say what every replica has taken.
    if (!(await store.lock('feed-poll', Math.max(pollMs - 1_000, 1_000)).catch(() => false))) return;
    try {
      const records = await store.read(STREAM, readUpTo);
      for (const record of records) {
        if (typeof record.item === 'string') seen.add(record.item);
        readUpTo = Math.max(readUpTo, record.at);
      }
      for (const feed of feeds) if (!stopped) await pollFeed(feed);
    } catch (error) {
      log.warn({ err: String(error) }, 'feeds not polled: the shared store did not answer');
    } finally {
      await store.unlock('feed-poll').catch(() => undefined);
    }
  };

  const poll = (): Promise<void> => {
    running ??= pollAll().finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  void poll();
  return {
    poll,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
