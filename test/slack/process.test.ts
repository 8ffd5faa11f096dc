// The bot as a process: start-up refusals name the setting, and SIGTERM finishes replies in flight then exits 0.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { ROOT, spawnBot } from '../helpers/spawn-bot.js';
import { BOT_TOKEN, mentionEvent, sendSigned, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

const httpEnv = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' });

describe('start-up', () => {
  it('refuses bad settings with one message naming every variable, before serving', async () => {
    const bot = spawnBot({ SLACK_BOT_TOKEN: 'xoxp-wrong-kind-of-token', PORT: '99999', LOG_LEVEL: 'chatty' }, { cwd: tempDir() });
    expect(await bot.exited).toBe(1);
    const err = bot.stderr();
    expect(err).toContain('SLACK_BOT_TOKEN=');
    expect(err).toContain('expected a whole token starting with xoxb-');
    expect(err).toContain('SLACK_SIGNING_SECRET is missing');
    expect(err).toContain('PORT="99999" is not valid');
    expect(err).toContain('LOG_LEVEL=chatty');
    expect(err).not.toContain('xoxp-wrong-kind-of-token');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('says which token to check when Slack rejects it', async () => {
    fake.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const bot = spawnBot(httpEnv(), { cwd: tempDir() });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('check SLACK_BOT_TOKEN');
    fake.reset();
  });
});

describe('SIGTERM', () => {
  it('stops taking new work, finishes the reply in flight, and exits 0', async () => {
    fake.reset();
    fake.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: '1700000000.000900' }, delayMs: 1_500 }));
    const bot = spawnBot(httpEnv(), { cwd: tempDir() });
    const ready = await bot.waitForLog((l) => l.msg === 'ready');
    const url = `http://127.0.0.1:${String(ready.port)}/slack/events`;
    await sendSigned(url, mentionEvent('what about the arctic'));
    await fake.waitFor('chat.postMessage');
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(bot.stderr()).toMatch(/"finished":true/);
    await expect(sendSigned(url, mentionEvent('what about the arctic'))).rejects.toThrow();
  });
});

describe('the compiled build (npm run build; the Dockerfile starts node dist/main.js)', () => {
  let out: string;
  beforeAll(() => {
    // Built inside the project (its node_modules resolve from there), in a folder of this run's own.
    out = join(ROOT, '.build-test', String(process.pid));
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
    expect(built.stdout + built.stderr).toBe('');
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs under node alone; SIGTERM to it finishes the replies in flight and exits 0', async () => {
    fake.reset();
    fake.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: '1700000000.000900' }, delayMs: 1_500 }));
    const bot = spawnBot({ ...httpEnv(), KNOWLEDGE_DIR: join(ROOT, 'knowledge'), STATE_DIR: tempDir() }, { cwd: tempDir(), entry: join(out, 'main.js') });
    const ready = await bot.waitForLog((l) => l.msg === 'ready', 30_000);
    const url = `http://127.0.0.1:${String(ready.port)}/slack/events`;
    await Promise.all([sendSigned(url, mentionEvent('what about the arctic')), sendSigned(url, mentionEvent('is china neutral on the ukraine war'))]);
    await fake.waitFor('chat.postMessage', () => fake.callsTo('chat.postMessage').length >= 2);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toMatch(/"finished":true/);
    expect(bot.child.spawnargs).not.toContain('tsx');
  }, 60_000);
});
