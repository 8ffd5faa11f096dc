// A post made once a day (or week) at a set local time (croner): the daily summary, the weekly gap report.
import { Cron } from 'croner';
import { localDate, localTime } from './local-date.js';
import { postOnceMaker } from './post-once.js';
import type { PostOutcome, ScheduledPost, ScheduledPostOptions } from './types.js';

/** Builds the scheduled post; nothing runs until `start()`. */
export function createScheduledPost<M>(options: ScheduledPostOptions<M>): ScheduledPost {
  const { channel, timezone, logger, clock = () => new Date() } = options;
  const pattern = `${options.time.minute} ${options.time.hour} * * ${options.days.join(',')}`;
  const kind = options.kind ?? 'summary';
  const label = options.label ?? 'daily summary';
  const log = logger.child({ module: 'scheduled-post', post: kind, channel });
  const postOnce = postOnceMaker(options, log);
  let cron: Cron | undefined;
  let running: Promise<PostOutcome> | undefined;

  const postToday = (reason: string): Promise<PostOutcome> => {
    const date = localDate(clock(), timezone);
    // One post at a time: a catch-up and a scheduled run can never both post.
    const previous = running ?? Promise.resolve<PostOutcome>('already-posted');
    const next = previous.then(() => postOnce(date, reason));
    running = next;
    return next;
  };

  return {
    async start() {
      cron = new Cron(pattern, { timezone, name: `${kind}-${channel}` }, () => void postToday('schedule'));
      log.info({ time: `${String(options.time.hour).padStart(2, '0')}:${String(options.time.minute).padStart(2, '0')}`, timezone, days: options.days, next: cron.nextRun()?.toISOString() }, `${label} scheduled`);
      const now = clock();
      const missed = new Cron(pattern, { timezone }).previousRuns(1, now)[0];
      const withinWindow = missed && now.getTime() - missed.getTime() <= options.catchupHours * 3_600_000;
      if (missed && withinWindow && localDate(missed, timezone) === localDate(now, timezone)) {
        log.info({ missed: missed.toISOString(), localTime: localTime(now, timezone) }, `${label} time passed while the bot was down: catching up`);
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
