// The daily post goes out once, whatever happens: Slack's channel history is the record (message metadata), so a
// post whose answer was lost, or made by a process killed before recording it, is found and not made again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../src/schedule/post-state.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot } from '../helpers/http-bot.js';
import { spawnBot } from '../helpers/spawn-bot.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { summaryTimeNow } from '../helpers/summary-time.js';
import { tempDir } from '../helpers/temp-dir.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const CHANNEL = 'C0DAILY1';
const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
const until = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('the daily post, exactly once', () => {
  it('tags the post with its date and channel as message metadata', async () => {
    const running = await startHttpBot(fake, { SUMMARY_CHANNEL: CHANNEL, SUMMARY_TIME: summaryTimeNow() });
    const post = await fake.waitFor('chat.postMessage', (c) => c.body.channel === CHANNEL);
    await running.bot.stop();
    expect(post.body.metadata).toMatchObject({ event_type: 'briefing_summary', event_payload: { channel: CHANNEL, date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/u) } });
  });

  it('does not post again after a timeout when Slack had the post (a slow Slack)', async () => {
    fake.slow('chat.postMessage', 1_500);
    const running = await startHttpBot(fake, { SUMMARY_CHANNEL: CHANNEL, SUMMARY_TIME: summaryTimeNow() });
    await until(() => running.logs.lines.some((l) => String(l.msg).includes('already posted today (found in the channel)')));
    await running.bot.stop();
    expect(running.logs.lines.some((l) => l.msg === 'daily summary post failed: retrying')).toBe(true);
    expect(running.logs.lines.some((l) => String(l.msg).includes('found in the channel'))).toBe(true);
    expect(posts()).toHaveLength(1);
  });

  it('falls back to the local record when the history cannot be read, and says how to fix it once', async () => {
    fake.on('conversations.history', () => ({ body: { ok: false, error: 'missing_scope', needed: 'channels:history' } }));
    const stateDir = tempDir();
    const env = { SUMMARY_CHANNEL: CHANNEL, SUMMARY_TIME: summaryTimeNow(), STATE_DIR: stateDir };
    const first = await startHttpBot(fake, env);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === CHANNEL);
    await until(() => first.logs.lines.some((l) => l.msg === 'daily summary posted'));
    await first.bot.stop();
    const warnings = first.logs.lines.filter((l) => String(l.msg).startsWith('cannot read the channel history'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, reason: 'missing_scope', fix: expect.stringContaining('channels:history') });
    const second = await startHttpBot(fake, env);
    await second.bot.stop();
    expect(posts()).toHaveLength(1);
  });

  it('posts once when the record cannot be written after Slack confirmed the post', async () => {
    const stateDir = tempDir();
    // The record is written to a temp file, then renamed: a folder in the temp file's place makes the write fail.
    mkdirSync(join(stateDir, `${STATE_FILE}.${process.pid}.tmp`));
    const running = await startHttpBot(fake, { SUMMARY_CHANNEL: CHANNEL, SUMMARY_TIME: summaryTimeNow(), STATE_DIR: stateDir });
    await until(() => running.logs.lines.some((l) => l.level === 50 && String(l.msg).includes('could not be recorded')));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await running.bot.stop();
    expect(running.logs.lines.find((l) => String(l.msg).includes('could not be recorded'))).toMatchObject({ file: join(stateDir, STATE_FILE) });
    expect(posts()).toHaveLength(1);
  });

  it('posts once when the bot is killed (SIGKILL) after Slack took the post and before it answered', async () => {
    fake.slow('chat.postMessage', 5_000);
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0',
      STATE_DIR: tempDir(), SUMMARY_CHANNEL: CHANNEL, SUMMARY_TIME: summaryTimeNow(), LOG_LEVEL: 'info',
    };
    const first = spawnBot(env);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === CHANNEL, 20_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = spawnBot(env);
    const found = await second.waitForLog((l) => String(l.msg).includes('already posted today'), 20_000);
    second.child.kill('SIGTERM');
    await second.exited;
    expect(found.msg).toContain('found in the channel');
    expect(posts()).toHaveLength(1);
  }, 60_000);
});
