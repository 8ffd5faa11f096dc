// The daily post on a fake clock with the real scheduler (croner): local times, DST, days, catch-up, retries, state.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduledPost } from '../../src/schedule/scheduled-post.js';
import type { ScheduleSettings } from '../../src/schedule/types.js';
import { localDate, localTime } from '../../src/schedule/local-date.js';
import { openPostState, STATE_FILE } from '../../src/schedule/post-state.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const compose = () => ({ message: { text: 'summary', blocks: [] }, articles: ['a.txt@1'], unchanged: false });

interface Harness {
  posts: { at: Date; channel: string }[];
  stateDir: string;
  logs: ReturnType<typeof captureLogger>;
  start: () => Promise<ReturnType<typeof createScheduledPost>>;
}

function harness(settings: Partial<ScheduleSettings> = {}, post?: (n: number) => Promise<string>, stateDir = tempDir()): Harness {
  const posts: { at: Date; channel: string }[] = [];
  const logs = captureLogger('info');
  let calls = 0;
  return {
    posts,
    stateDir,
    logs,
    async start() {
      const daily = createScheduledPost({
        channel: 'C123',
        time: { hour: 9, minute: 0 },
        timezone: 'America/New_York',
        days: [0, 1, 2, 3, 4, 5, 6],
        catchupHours: 6,
        ...settings,
        compose,
        eventType: 'briefing_summary',
        state: openPostState(stateDir, logs.logger),
        logger: logs.logger,
        backoffMs: 1_000,
        post: async (channel) => {
          calls += 1;
          const ts = post ? await post(calls) : `${calls}.0001`;
          posts.push({ at: new Date(), channel });
          return ts;
        },
      });
      await daily.start();
      return daily;
    },
  };
}

const at = (iso: string) => vi.setSystemTime(new Date(iso));
const ny = (d: Date) => `${localDate(d, 'America/New_York')} ${localTime(d, 'America/New_York')}`;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('schedule', () => {
  it('posts at 09:00 New York time every day across the March daylight-saving change', async () => {
    at('2026-03-06T12:00:00Z'); // 07:00 EST, Friday
    const h = harness();
    const daily = await h.start();
    await vi.advanceTimersByTimeAsync(4 * DAY);
    daily.stop();
    expect(h.posts.map((p) => p.at.toISOString())).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z', // clocks went forward at 02:00 that morning
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(h.posts.map((p) => ny(p.at))).toEqual(['2026-03-06 09:00', '2026-03-07 09:00', '2026-03-08 09:00', '2026-03-09 09:00']);
  });

  it('posts once a day across the November change, neither skipping nor doubling', async () => {
    at('2026-10-31T12:00:00Z'); // 08:00 EDT
    const h = harness();
    const daily = await h.start();
    await vi.advanceTimersByTimeAsync(3 * DAY);
    daily.stop();
    expect(h.posts.map((p) => ny(p.at))).toEqual(['2026-10-31 09:00', '2026-11-01 09:00', '2026-11-02 09:00']);
    expect(h.posts[1]?.at.toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('skips days not in SUMMARY_DAYS', async () => {
    at('2026-03-06T12:00:00Z'); // Friday
    const h = harness({ days: [1, 2, 3, 4, 5] });
    const daily = await h.start();
    await vi.advanceTimersByTimeAsync(4 * DAY);
    daily.stop();
    expect(h.posts.map((p) => localDate(p.at, 'America/New_York'))).toEqual(['2026-03-06', '2026-03-09']);
  });
});

describe('catch-up and restarts', () => {
  it('posts at start-up when the time passed within the window, once', async () => {
    at('2026-03-10T15:30:00Z'); // 11:30 EDT, 2.5 h late
    const h = harness();
    const daily = await h.start();
    expect(h.posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(12 * HOUR);
    expect(h.posts).toHaveLength(1);
    daily.stop();
  });

  it('does not catch up after the window, nor for an earlier day', async () => {
    at('2026-03-10T20:00:00Z'); // 16:00 EDT, 7 h late
    const late = harness();
    (await late.start()).stop();
    expect(late.posts).toHaveLength(0);
    at('2026-03-11T05:00:00Z'); // 01:00 the next day: yesterday's post is not made up
    const nextDay = harness({ catchupHours: 24 });
    (await nextDay.start()).stop();
    expect(nextDay.posts).toHaveLength(0);
  });

  it('never posts twice in a day across a restart with the same STATE_DIR', async () => {
    at('2026-03-10T12:00:00Z');
    const first = harness();
    const d1 = await first.start();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    d1.stop();
    expect(first.posts).toHaveLength(1);
    const second = harness({}, undefined, first.stateDir);
    const d2 = await second.start();
    expect(second.posts).toHaveLength(0);
    expect(second.logs.lines.some((l) => l.msg === 'daily summary already posted today')).toBe(true);
    d2.stop();
  });
});

describe('failures', () => {
  it('retries a failed post with backoff, and records it only once it succeeds', async () => {
    at('2026-03-10T15:00:00Z');
    const h = harness({}, async (n) => {
      if (n < 3) throw Object.assign(new Error('timeout'), { data: { error: 'request_timeout' } });
      return '1700000000.000100';
    });
    const started = h.start();
    await vi.advanceTimersByTimeAsync(10_000);
    (await started).stop();
    expect(h.posts).toHaveLength(1);
    expect(h.logs.lines.filter((l) => l.msg === 'daily summary post failed: retrying')).toHaveLength(2);
    expect(h.logs.lines.find((l) => l.msg === 'daily summary posted')).toMatchObject({ ts: '1700000000.000100', attempt: 3 });
  });

  it('posts once when the record cannot be written after Slack confirmed the post', async () => {
    at('2026-03-10T15:00:00Z');
    const logs = captureLogger('info');
    const posts: string[] = [];
    const daily = createScheduledPost({
      channel: 'C123', time: { hour: 9, minute: 0 }, timezone: 'America/New_York', days: [0, 1, 2, 3, 4, 5, 6], catchupHours: 6,
      compose, eventType: 'briefing_summary', logger: logs.logger, backoffMs: 1_000,
      state: { file: '/unwritable/daily-posts.json', has: () => false, last: () => undefined, record: async () => { throw new Error('EACCES: permission denied'); } },
      post: async (channel) => {
        posts.push(channel);
        return '1700000000.000100';
      },
    });
    const started = daily.start();
    await vi.advanceTimersByTimeAsync(30_000);
    await started;
    daily.stop();
    expect(posts).toHaveLength(1);
    expect(logs.lines.find((l) => l.level === 50)).toMatchObject({ ts: '1700000000.000100', file: '/unwritable/daily-posts.json' });
    expect(logs.lines.some((l) => l.msg === 'daily summary post failed: retrying')).toBe(false);
  });

  it('with shared state: waits for it while it cannot answer, then one replica posts and the others do not', async () => {
    at('2026-03-10T15:00:00Z');
    const locks = new Set<string>();
    const records = new Map<string, string>();
    let unavailable = 2;
    const shared = {
      lock: async (key: string) => {
        if (unavailable > 0) {
          unavailable -= 1;
          throw new Error('Redis is not connected');
        }
        if (locks.has(key)) return false;
        locks.add(key);
        return true;
      },
      unlock: async (key: string) => void locks.delete(key),
      put: async (key: string, value: string) => void records.set(key, value),
      get: async (key: string) => records.get(key),
    };
    const logs = captureLogger('info');
    const posts: string[] = [];
    const replica = (stateDir: string) =>
      createScheduledPost({
        channel: 'C123', time: { hour: 9, minute: 0 }, timezone: 'America/New_York', days: [0, 1, 2, 3, 4, 5, 6], catchupHours: 6,
        compose, eventType: 'briefing_summary', logger: logs.logger, backoffMs: 1_000, shared, state: openPostState(stateDir, logs.logger),
        post: async (channel) => {
          posts.push(channel);
          return `1700000000.00010${posts.length}`;
        },
      });
    const first = replica(tempDir());
    const started = first.start();
    await vi.advanceTimersByTimeAsync(10_000);
    await started;
    expect(logs.lines.filter((l) => String(l.msg).startsWith('daily summary waits for the shared state'))).toHaveLength(2);
    first.stop();
    // Another replica (its own STATE_DIR) starting inside the catch-up window.
    const second = replica(tempDir());
    await second.start();
    second.stop();
    expect(posts).toHaveLength(1);
    expect(records.get('posted:daily:C123:2026-03-10')).toBe('1700000000.000101');
    expect(logs.lines.some((l) => String(l.msg).startsWith('daily summary already posted today (by a replica)'))).toBe(true);
  });

  it('gives up after a few attempts, logs an error, and does not record the post', async () => {
    at('2026-03-10T15:00:00Z');
    const h = harness({}, async () => {
      throw Object.assign(new Error('fail'), { data: { error: 'internal_error' } });
    });
    const started = h.start();
    await vi.advanceTimersByTimeAsync(60_000);
    (await started).stop();
    expect(h.logs.lines.find((l) => l.msg === 'daily summary not posted: giving up after retries')).toMatchObject({ level: 50, attempts: 4 });
    const retry = harness({}, undefined, h.stateDir);
    (await retry.start()).stop();
    expect(retry.posts).toHaveLength(1);
  });

  it('explains not_in_channel and does not retry it', async () => {
    at('2026-03-10T15:00:00Z');
    let calls = 0;
    const h = harness({}, async () => {
      calls += 1;
      throw Object.assign(new Error('not_in_channel'), { data: { error: 'not_in_channel' } });
    });
    (await h.start()).stop();
    expect(calls).toBe(1);
    expect(h.logs.raw()).toContain('invite the bot to the channel (/invite @briefing-bot)');
  });

  it('reports a corrupt state file, moves it aside and keeps going', async () => {
    at('2026-03-10T15:00:00Z');
    const dir = tempDir();
    writeFileSync(join(dir, STATE_FILE), '{ not json');
    const h = harness({}, undefined, dir);
    (await h.start()).stop();
    expect(h.logs.lines.find((l) => String(l.msg).startsWith('scheduled post state file is corrupt'))).toMatchObject({ level: 50 });
    expect(h.posts).toHaveLength(1);
    expect(readdirSync(dir).some((f) => f.startsWith(`${STATE_FILE}.corrupt-`))).toBe(true);
  });
});

describe('any post, on its own clock', () => {
  it('takes the time from the clock it is given and names itself in its log lines', async () => {
    vi.useRealTimers();
    const logs = captureLogger('info');
    const tags: { date: string; eventType: string }[] = [];
    const report = createScheduledPost({
      channel: 'C9', time: { hour: 9, minute: 0 }, timezone: 'America/New_York', days: [2], catchupHours: 6,
      kind: 'gaps', label: 'weekly gap report', eventType: 'briefing_gaps',
      clock: () => new Date('2031-03-11T15:30:00Z'), // a Tuesday, 11:30 in New York: 2.5 h after the post was due
      compose, logger: logs.logger, state: openPostState(tempDir(), logs.logger),
      post: async (_channel, _message, tag) => {
        tags.push(tag);
        return '1.0001';
      },
    });
    await report.start();
    report.stop();
    expect(tags).toEqual([{ eventType: 'briefing_gaps', date: '2031-03-11', channel: 'C9' }]);
    expect(logs.lines.map((l) => l.msg)).toContain('weekly gap report posted');
    expect(logs.lines.some((l) => String(l.msg).includes('daily summary'))).toBe(false);
  });
});
