// What a scheduled post is given and what it gives back.
import type { Logger } from '../logger.js';
import type { PostRecord, PostState } from './post-state.js';

/** When and where to post. */
export interface ScheduleSettings {
  channel: string;
  time: { hour: number; minute: number };
  timezone: string;
  /** Days of the week, 0 = Sunday. */
  days: readonly number[];
  /** A post missed by at most this many hours (same local day) is made at start-up. */
  catchupHours: number;
}

/** What a post carries as message metadata, to be found again in the channel's history. */
export interface PostTag {
  eventType: string;
  date: string;
  channel: string;
}

/** What to post, given the previous post in the channel (built when posting); `M` is the message's form. */
export interface PostContent<M> {
  message: M;
  /** The articles' fingerprints, recorded with the post. */
  articles: string[];
  /** Nothing was added, changed or removed since the previous post. */
  unchanged: boolean;
}

/** Options of {@link createScheduledPost}. */
export interface ScheduledPostOptions<M> extends ScheduleSettings {
  /** The post, marking what is new since `previous` (the channel's last post, when there is one). */
  compose: (previous: PostRecord | undefined) => PostContent<M> | Promise<PostContent<M>>;
  /** What is posted, for the record and the lock: `summary` (default) or another report. */
  kind?: string;
  /** What the log lines call it. Default `daily summary`. */
  label?: string;
  /** The setting that names the channel, for the operator's fixes. Default `SUMMARY_CHANNEL`. */
  channelSetting?: string;
  /** The metadata event type the post is tagged with. */
  eventType: string;
  /** The time now. Default: the system clock. */
  clock?: () => Date;
  /** When nothing changed since the previous post: post the summary again (marked unchanged) or skip the day. */
  whenUnchanged?: 'post' | 'skip';
  /** Posts to Slack (tagged with `tag` as message metadata) and resolves with the message ts once Slack confirms it. */
  post: (channel: string, message: M, tag: PostTag) => Promise<string>;
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
export interface ScheduledPost {
  /** Posts now if today's post was missed within the catch-up window, then schedules the daily runs. */
  start(): Promise<void>;
  stop(): void;
  /** The next scheduled post. */
  nextRun(): Date | null;
  /** Makes today's post unless it was made already (what the schedule and catch-up call). */
  postToday(reason: string): Promise<PostOutcome>;
}
