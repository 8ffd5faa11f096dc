// Posts the summary to a channel once a day at a set local time (croner), with catch-up and retries.
import { Cron } from 'croner';
import type { Logger } from '../logger.js';
import type { SlackMessage } from '../slack/index.js';
import { localDate, localTime } from './local-date.js';
import type { PostRecord, PostState } from './post-state.js';

/** When and where to post. */
export interface DailyPostSettings {
  channel: string;
  time: { hour: number; minute: number };
  timezone: string;
  /** Days of the week, 0 = Sunday. */
  days: readonly number[];
  /** A post missed by at most this many hours (same local day) is made at start-up. */
  catchupHours: number;
}

/** What the daily post carries as Slack message metadata, to be found again in the channel's history. */
export interface PostTag {
  eventType: string;
  date: string;
  channel: string;
}

/** The metadata event type of the daily post (the weekly gap report's is `briefing_gaps`). */
export const POST_EVENT_TYPE = 'briefing_summary';

/** What to post, given the previous post in the channel (built when posting). */
export interface DailyContent {
  message: SlackMessage;
  /** The articles' fingerprints, recorded with the post. */
  articles: string[];
  /** Nothing was added, changed or removed since the previous post. */
  unchanged: boolean;
}

/** Options of {@link createDailyPost}. */
export interface DailyPostOptions extends DailyPostSettings {
  /** The post, marking what is new since `previous` (the channel's last post, when there is one). */
  compose: (previous: PostRecord | undefined) => DailyContent | Promise<DailyContent>;
  /** What is posted, for the record, the lock and the metadata: `summary` (default) or another report. */
  kind?: string;
  /** The metadata event type. Default {@link POST_EVENT_TYPE}. */
  eventType?: string;
  /** When nothing changed since the previous post: post the summary again (marked unchanged) or skip the day. */
  whenUnchanged?: 'post' | 'skip';
  /** Posts to Slack (tagged with `tag` as message metadata) and resolves with the message ts once Slack confirms it. */
  post: (channel: string, message: SlackMessage, tag: PostTag) => Promise<string>;
  /**
   * Looks in the channel for a post tagged `tag` (Slack is the record of what was posted): its ts, undefined when
   * there is none, or `unavailable` with why (no history scope, say). Without it, only the local record is used.
   */
  findPosted?: (channel: string, tag: PostTag) => Promise<{ ts?: string } | { unavailable: string }>;
  /**
   * State shared by replicas (Redis): a lock per channel and date so that one replica posts, and the record of the
   * post. Its methods throw while it cannot answer; the post then waits and tries again, within the catch-up window.
   */
  shared?: {
    lock(key: string, ttlMs: number): Promise<boolean>;
    unlock(key: string): Promise<void>;
    put(key: string, value: string, ttlMs: number): Promise<void>;
    get(key: string): Promise<string | undefined>;
  };
  /** How long a post may wait for the shared state to answer. Default: the catch-up window. */
  sharedWaitMs?: number;
  state: PostState;
  logger: Logger;
  /** Attempts per post and the first backoff delay (doubling). Default 4 attempts from 2 s. */
  attempts?: number;
  backoffMs?: number;
}

/** Outcome of one attempt to make today's post. */
export type PostOutcome = 'posted' | 'already-posted' | 'skipped' | 'failed';

/** The running schedule. */
export interface DailyPost {
  /** Posts now if today's post was missed within the catch-up window, then schedules the daily runs. */
  start(): Promise<void>;
  stop(): void;
  /** The next scheduled post. */
  nextRun(): Date | null;
  /** Makes today's post unless it was made already (what the schedule and catch-up call). */
  postToday(reason: string): Promise<PostOutcome>;
}

/** How long the day's lock is held at most (a replica that dies while posting lets it go). */
const LOCK_MS = 10 * 60_000;
/** How long the shared record of a post is kept. */
const RECORD_MS = 3 * 24 * 3_600_000;

/** Slack errors a retry cannot fix; each with what the operator should do. */
const PERMANENT: Record<string, string> = {
  not_in_channel: 'invite the bot to the channel (/invite @briefing-bot)',
  channel_not_found: 'check SUMMARY_CHANNEL is a channel ID the bot can see',
  is_archived: 'the channel is archived: choose another SUMMARY_CHANNEL',
  missing_scope: 'add the chat:write scope and reinstall the app',
  invalid_auth: 'check SLACK_BOT_TOKEN',
  account_inactive: 'reinstall the app and update SLACK_BOT_TOKEN',
  token_revoked: 'reinstall the app and update SLACK_BOT_TOKEN',
};

/** Builds the daily post; nothing runs until `start()`. */
export function createDailyPost(options: DailyPostOptions): DailyPost {
  const { channel, timezone, logger, state, attempts = 4, backoffMs = 2_000 } = options;
  const pattern = `${options.time.minute} ${options.time.hour} * * ${options.days.join(',')}`;
  const kind = options.kind ?? 'summary';
  const log = logger.child({ module: kind === 'summary' ? 'daily-post' : `${kind}-post`, channel });
  let cron: Cron | undefined;
  let running: Promise<PostOutcome> | undefined;

  let historyWarned = false;
  // Slack's history says whether today's post exists (made before a crash, or by a call whose answer was lost).
  async function foundInSlack(tag: PostTag): Promise<string | undefined> {
    if (!options.findPosted) return undefined;
    try {
      const found = await options.findPosted(channel, tag);
      if ('unavailable' in found) {
        if (!historyWarned) {
          historyWarned = true;
          log.warn({ reason: found.unavailable, fix: 'add the channels:history and groups:history scopes and reinstall the app' }, 'cannot read the channel history to check for an earlier post: relying on the local record in STATE_DIR');
        }
        return undefined;
      }
      return found.ts;
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not read the channel history: relying on the local record in STATE_DIR');
      return undefined;
    }
  }

  const record = (date: string, ts: string, articles?: string[]): void => {
    // Slack has the post: a record that cannot be written is an operator's problem, never a reason to post again.
    try {
      state.record({ channel, date, ts, postedAt: new Date().toISOString(), ...(articles ? { articles } : {}), ...(kind === 'summary' ? {} : { kind }) });
    } catch (error) {
      log.error({ date, ts, file: state.file, err: (error as Error).message }, 'daily summary posted, but it could not be recorded in STATE_DIR (check the folder): it is not posted again');
    }
  };

  // With shared state: the post is made by the replica that takes the day's lock, and recorded there for the others.
  async function attemptPost(date: string, reason: string): Promise<PostOutcome> {
    const { shared } = options;
    if (!shared) return attemptLocally(date, reason);
    const key = `${kind === 'summary' ? 'daily' : kind}:${channel}:${date}`;
    const deadline = Date.now() + (options.sharedWaitMs ?? options.catchupHours * 3_600_000);
    for (let wait = backoffMs; ; wait = Math.min(wait * 2, 60_000)) {
      try {
        const posted = await shared.get(`posted:${key}`);
        if (posted) {
          if (!state.has(channel, date, kind)) record(date, posted);
          log.info({ date, reason, ts: posted }, 'daily summary already posted today (by a replica)');
          return 'already-posted';
        }
        if (!(await shared.lock(key, LOCK_MS))) {
          log.info({ date, reason }, 'daily summary already posted (or being posted) by another replica');
          return 'already-posted';
        }
        break;
      } catch (error) {
        if (Date.now() + wait > deadline) {
          log.error({ date, err: (error as Error).message }, 'daily summary not posted: the shared state (Redis) did not answer within the catch-up window');
          return 'failed';
        }
        log.warn({ date, err: (error as Error).message, retryInMs: wait }, 'daily summary waits for the shared state (Redis) before posting');
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    try {
      const outcome = await attemptLocally(date, reason);
      const ts = outcome === 'posted' || outcome === 'already-posted' ? state.last(channel, kind)?.ts : undefined;
      if (ts && state.last(channel, kind)?.date === date) await shared.put(`posted:${key}`, ts, RECORD_MS).catch((error: unknown) => log.warn({ err: String(error) }, 'could not record the daily post in the shared state'));
      return outcome;
    } finally {
      await shared.unlock(key).catch(() => undefined);
    }
  }

  async function attemptLocally(date: string, reason: string): Promise<PostOutcome> {
    if (state.has(channel, date, kind)) {
      log.info({ date, reason }, 'daily summary already posted today');
      return 'already-posted';
    }
    const previous = state.last(channel, kind);
    const tag: PostTag = { eventType: options.eventType ?? POST_EVENT_TYPE, date, channel };
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Before each attempt: an earlier one (or a process killed mid-post) may have posted without us knowing.
        const earlier = await foundInSlack(tag);
        if (earlier) {
          record(date, earlier);
          log.info({ date, ts: earlier, reason, attempt }, 'daily summary already posted today (found in the channel)');
          return 'already-posted';
        }
        const content = await options.compose(previous);
        if (content.unchanged && options.whenUnchanged === 'skip') {
          log.info({ date, reason, since: previous?.date }, 'daily summary skipped: no article added, changed or removed since the last post (SUMMARY_WHEN_UNCHANGED=skip)');
          return 'skipped';
        }
        const ts = await options.post(channel, content.message, tag);
        log.info({ date, ts, reason, attempt, unchanged: content.unchanged }, 'daily summary posted');
        record(date, ts, content.articles);
        return 'posted';
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
        const fix = PERMANENT[code];
        if (fix) {
          log.error({ date, slackError: code, fix }, `daily summary not posted: ${code}: ${fix}`);
          return 'failed';
        }
        if (attempt >= attempts) {
          log.error({ date, err: code, attempts }, 'daily summary not posted: giving up after retries');
          return 'failed';
        }
        const delay = backoffMs * 2 ** (attempt - 1);
        log.warn({ date, err: code, attempt, retryInMs: delay }, 'daily summary post failed: retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  const postToday = (reason: string): Promise<PostOutcome> => {
    const date = localDate(new Date(), timezone);
    // One post at a time: a catch-up and a scheduled run can never both post.
    const previous = running ?? Promise.resolve<PostOutcome>('already-posted');
    const next = previous.then(() => attemptPost(date, reason));
    running = next;
    return next;
  };

  return {
    async start() {
      cron = new Cron(pattern, { timezone, name: `daily-${kind}-${channel}` }, () => void postToday('schedule'));
      log.info({ time: `${String(options.time.hour).padStart(2, '0')}:${String(options.time.minute).padStart(2, '0')}`, timezone, days: options.days, next: cron.nextRun()?.toISOString() }, 'daily summary scheduled');
      const now = new Date();
      const missed = new Cron(pattern, { timezone }).previousRuns(1, now)[0];
      const withinWindow = missed && now.getTime() - missed.getTime() <= options.catchupHours * 3_600_000;
      if (missed && withinWindow && localDate(missed, timezone) === localDate(now, timezone)) {
        log.info({ missed: missed.toISOString(), localTime: localTime(now, timezone) }, 'daily summary time passed while the bot was down: catching up');
        await postToday('catch-up');
      }
    },
    stop() {
      cron?.stop();
    },
    nextRun: () => cron?.nextRun() ?? null,
    postToday,
  };
}
