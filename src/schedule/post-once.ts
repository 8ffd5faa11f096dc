// Makes one day's post exactly once: the local record, Slack's history and (with replicas) a shared lock, with retries.
import type { Logger } from '../logger.js';
import { permanentFailure } from './post-errors.js';
import type { PostRecord } from './post-state.js';
import type { PostOutcome, PostTag, ScheduledPostOptions } from './types.js';

/** How long the day's lock is held at most (a replica that dies while posting lets it go). */
const LOCK_MS = 10 * 60_000;
/** How long the shared record of a post is kept. */
const RECORD_MS = 3 * 24 * 3_600_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts for `date` unless that post was made already; `log` names the post and channel. */
export function postOnceMaker<M>(options: ScheduledPostOptions<M>, log: Logger): (date: string, reason: string) => Promise<PostOutcome> {
  const { channel, state, attempts = 4, backoffMs = 2_000, clock = () => new Date() } = options;
  const kind = options.kind ?? 'summary';
  const label = options.label ?? 'daily summary';
  const setting = options.channelSetting ?? 'SUMMARY_CHANNEL';
  let historyWarned = false;

  // Slack's history says whether the post exists (made before a crash, or by a call whose answer was lost).
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

  async function record(date: string, ts: string, articles?: string[]): Promise<void> {
    // Slack has the post: a record that cannot be written is an operator's problem, never a reason to post again.
    try {
      await state.record({ channel, date, ts, postedAt: clock().toISOString(), ...(articles ? { articles } : {}), ...(kind === 'summary' ? {} : { kind }) });
    } catch (error) {
      log.error({ date, ts, file: state.file, err: (error as Error).message }, `${label} posted, but it could not be recorded in STATE_DIR (check the folder): it is not posted again`);
    }
  }

  // With shared state: the post is made by the replica that takes the day's lock, and recorded there for the others.
  async function attemptPost(date: string, reason: string): Promise<PostOutcome> {
    const { shared } = options;
    if (!shared) return attemptLocally(date, reason);
    const key = `${kind === 'summary' ? 'daily' : kind}:${channel}:${date}`;
    const deadline = clock().getTime() + (options.sharedWaitMs ?? options.catchupHours * 3_600_000);
    for (let wait = backoffMs; ; wait = Math.min(wait * 2, 60_000)) {
      try {
        const posted = await shared.get(`posted:${key}`);
        if (posted) {
          if (!state.has(channel, date, kind)) await record(date, posted);
          log.info({ date, reason, ts: posted }, `${label} already posted today (by a replica)`);
          return 'already-posted';
        }
        if (!(await shared.lock(key, LOCK_MS))) {
          log.info({ date, reason }, `${label} already posted (or being posted) by another replica`);
          return 'already-posted';
        }
        break;
      } catch (error) {
        if (clock().getTime() + wait > deadline) {
          log.error({ date, err: (error as Error).message }, `${label} not posted: the shared state (Redis) did not answer within the catch-up window`);
          return 'failed';
        }
        log.warn({ date, err: (error as Error).message, retryInMs: wait }, `${label} waits for the shared state (Redis) before posting`);
        await sleep(wait);
      }
    }
    try {
      const outcome = await attemptLocally(date, reason);
      const ts = outcome === 'posted' || outcome === 'already-posted' ? state.last(channel, kind)?.ts : undefined;
      if (ts && state.last(channel, kind)?.date === date) await shared.put(`posted:${key}`, ts, RECORD_MS).catch((error: unknown) => log.warn({ err: String(error) }, `could not record the ${label} in the shared state`));
      return outcome;
    } finally {
      await shared.unlock(key).catch(() => undefined);
    }
  }

  async function attemptLocally(date: string, reason: string): Promise<PostOutcome> {
    if (state.has(channel, date, kind)) {
      log.info({ date, reason }, `${label} already posted today`);
      return 'already-posted';
    }
    const previous: PostRecord | undefined = state.last(channel, kind);
    const tag: PostTag = { eventType: options.eventType, date, channel };
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Before each attempt: an earlier one (or a process killed mid-post) may have posted without us knowing.
        const earlier = await foundInSlack(tag);
        if (earlier) {
          await record(date, earlier);
          log.info({ date, ts: earlier, reason, attempt }, `${label} already posted today (found in the channel)`);
          return 'already-posted';
        }
        const content = await options.compose(previous);
        if (content.unchanged && options.whenUnchanged === 'skip') {
          log.info({ date, reason, since: previous?.date }, `${label} skipped: no article added, changed or removed since the last post (SUMMARY_WHEN_UNCHANGED=skip)`);
          return 'skipped';
        }
        const ts = await options.post(channel, content.message, tag);
        log.info({ date, ts, reason, attempt, unchanged: content.unchanged }, `${label} posted`);
        await record(date, ts, content.articles);
        return 'posted';
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
        const fix = permanentFailure(code, setting);
        if (fix) {
          log.error({ date, slackError: code, fix }, `${label} not posted: ${code}: ${fix}`);
          return 'failed';
        }
        if (attempt >= attempts) {
          log.error({ date, err: code, attempts }, `${label} not posted: giving up after retries`);
          return 'failed';
        }
        const delay = backoffMs * 2 ** (attempt - 1);
        log.warn({ date, err: code, attempt, retryInMs: delay }, `${label} post failed: retrying`);
        await sleep(delay);
      }
    }
  }

  return attemptPost;
}
