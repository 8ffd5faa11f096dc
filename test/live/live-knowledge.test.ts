// End to end over the HTTP receiver: the knowledge folder changes while the bot runs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../src/schedule/post-state.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { eventEnvelope, mentionEvent, sendSigned, slashCommand } from '../helpers/slack-requests.js';
import { summaryTimeNow } from '../helpers/summary-time.js';
import { tempDir } from '../helpers/temp-dir.js';

const AIRLINE_FILE = 'aurelia-buys-levanta.txt';
const AIRLINE = readFileSync(new URL(`../eval/articles/${AIRLINE_FILE}`, import.meta.url), 'utf8');
const AIRLINE_TITLE = 'Aurelia Airlines to acquire Spanish rival Levanta in €1.4 billion deal';
const QUESTION = 'how many aircraft does levanta fly';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

/** Asks `question` by mention until `until` holds for the reply (or `timeoutMs` passes); returns the last reply text. */
async function askUntil(bot: HttpBot, question: string, until: (reply: string) => boolean, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let reply = '';
  while (Date.now() < deadline) {
    const event = mentionEvent(question);
    await sendSigned(bot.eventsUrl, event);
    const call = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
    reply = JSON.stringify(call.body);
    if (until(reply)) return reply;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return reply;
}

async function briefing(bot: HttpBot, text: string): Promise<string> {
  const id = `r${Math.random().toString(36).slice(2)}`;
  await sendSigned(bot.eventsUrl, slashCommand(text, fake.responseUrl(id)));
  const call = await fake.waitFor('respond', (c) => c.body.responseId === id);
  return JSON.stringify(call.body);
}

describe('an article added, broken and removed while the bot runs', () => {
  let bot: HttpBot;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    bot = await startHttpBot(fake, { KNOWLEDGE_DIR: dir, KNOWLEDGE_POLL_SECONDS: '1' });
  });
  afterAll(async () => {
    await bot.bot.stop();
  });

  it('answers from a new article within 5 s, and /briefing names it', async () => {
    expect(await askUntil(bot, QUESTION, () => true, 1)).not.toContain('58 Airbus');
    writeFileSync(join(dir, AIRLINE_FILE), AIRLINE);
    const reply = await askUntil(bot, QUESTION, (r) => r.includes('58 Airbus'));
    expect(reply).toContain('58 Airbus');
    expect(reply).toContain(AIRLINE_TITLE);
    expect(await briefing(bot, '')).toContain(AIRLINE_TITLE);
    expect(await briefing(bot, 'list')).toContain(AIRLINE_TITLE);
    const updated = bot.logs.lines.find((l) => l.msg === 'knowledge updated');
    expect(updated).toMatchObject({ added: [AIRLINE_FILE], documents: 2 });
  });

  it('keeps the last good version of a file saved broken, and names the file and line', async () => {
    const broken = AIRLINE.replace('\nSources:', '\nQ: Is this question ever answered?\n\nSources:');
    writeFileSync(join(dir, AIRLINE_FILE), broken);
    const line = broken.split('\n').indexOf('Q: Is this question ever answered?') + 1;
    const deadline = Date.now() + 5_000;
    let problem: Record<string, unknown> | undefined;
    while (!problem && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      problem = bot.logs.lines.find((l) => l.file === AIRLINE_FILE && l.level === 50);
    }
    expect(problem).toMatchObject({ file: AIRLINE_FILE, line, keptLastGood: true });
    expect(String(problem?.msg)).toContain(`${AIRLINE_FILE}:${line}`);
    expect(await askUntil(bot, QUESTION, () => true, 1)).toContain('58 Airbus');
  });

  it('stops answering from an article once its file is deleted', async () => {
    rmSync(join(dir, AIRLINE_FILE));
    const reply = await askUntil(bot, QUESTION, (r) => !r.includes('58 Airbus'));
    expect(reply).not.toContain('58 Airbus');
    expect(await briefing(bot, 'list')).not.toContain(AIRLINE_TITLE);
  });

  it('keeps the last good knowledge when the folder is emptied, and logs an error', async () => {
    rmSync(join(dir, SEED_FILE));
    const deadline = Date.now() + 5_000;
    while (!bot.logs.lines.some((l) => String(l.msg).includes('keeping the last good knowledge')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(bot.logs.lines.some((l) => l.level === 50 && String(l.msg).includes('keeping the last good knowledge'))).toBe(true);
    expect(await askUntil(bot, 'why is putin going to beijing', () => true, 1)).toContain('Belt and Road');
    writeFileSync(join(dir, SEED_FILE), SEED_TEXT);
  });

  it('skips editor files, binary files and files over 1 MB, with one log line each', async () => {
    writeFileSync(join(dir, `.${AIRLINE_FILE}.swp`), 'swap');
    writeFileSync(join(dir, `${AIRLINE_FILE}~`), AIRLINE);
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(dir, 'huge.txt'), `Title: Huge\n\n${'word '.repeat(220_000)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const skipped = bot.logs.lines.filter((l) => String(l.msg).startsWith('skipped '));
    for (const file of [`.${AIRLINE_FILE}.swp`, `${AIRLINE_FILE}~`, 'photo.txt', 'huge.txt']) {
      expect(skipped.filter((l) => l.file === file), file).toHaveLength(1);
    }
    expect(await briefing(bot, 'list')).not.toContain('Huge');
  });
});

describe('the index cache after a change', () => {
  it('is saved for the new knowledge, so that a restart loads it instead of building', async () => {
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    const stateDir = tempDir();
    const env = { KNOWLEDGE_DIR: dir, STATE_DIR: stateDir, KNOWLEDGE_POLL_SECONDS: '1' };
    const first = await startHttpBot(fake, env, { indexCacheSaveMs: 50 });
    writeFileSync(join(dir, AIRLINE_FILE), AIRLINE);
    const deadline = Date.now() + 5_000;
    while (!first.logs.lines.some((l) => l.msg === 'index cache saved') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await first.bot.stop();
    expect(first.logs.lines.some((l) => l.msg === 'index cache saved')).toBe(true);
    const second = await startHttpBot(fake, env);
    try {
      expect(second.logs.lines.find((l) => l.msg === 'index ready')).toMatchObject({ index: 'cache' });
      expect(await askUntil(second, QUESTION, () => true, 1)).toContain('58 Airbus');
    } finally {
      await second.bot.stop();
    }
  });
});

describe('the Home tab', () => {
  it('publishes a view with the summary, the articles and questions to try', async () => {
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT, [AIRLINE_FILE]: AIRLINE });
    const bot = await startHttpBot(fake, { KNOWLEDGE_DIR: dir });
    try {
      await sendSigned(bot.eventsUrl, eventEnvelope({ type: 'app_home_opened', user: 'U333', channel: 'D333', tab: 'home', ts: '1700000999.000100' }));
      const call = await fake.waitFor('views.publish', (c) => c.body.user_id === 'U333');
      const view = JSON.parse(String(call.body.view)) as { type: string; blocks: unknown[] };
      expect(view.type).toBe('home');
      expect(JSON.stringify(view.blocks)).toContain(AIRLINE_TITLE);
      expect(JSON.stringify(view.blocks)).toContain('Try asking');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    } finally {
      await bot.bot.stop();
    }
  });
});

describe('the daily post after a change', () => {
  // A post recorded yesterday, so that a start today catches up and compares with it (Slack's copy of today's post
  // is forgotten: yesterday's would not be tagged with today's date).
  const backdate = (stateDir: string): void => {
    fake.reset();
    const file = join(stateDir, STATE_FILE);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { posts: { date: string }[] };
    for (const post of data.posts) post.date = '2000-01-01';
    writeFileSync(file, JSON.stringify(data));
  };
  const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0DAILY');
  // A bot that made its daily post, stopped, and whose post is then recorded as yesterday's.
  const postedYesterday = async (settings: Record<string, string> = {}) => {
    fake.reset();
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    const stateDir = tempDir();
    const env = { KNOWLEDGE_DIR: dir, STATE_DIR: stateDir, SUMMARY_CHANNEL: 'C0DAILY', SUMMARY_TIME: summaryTimeNow(), ...settings };
    const first = await startHttpBot(fake, env);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0DAILY');
    await first.bot.stop();
    backdate(stateDir);
    return { dir, env };
  };

  it('marks the article that is new since the previous post', async () => {
    const { dir, env } = await postedYesterday();
    writeFileSync(join(dir, AIRLINE_FILE), AIRLINE);
    const second = await startHttpBot(fake, env);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0DAILY' && JSON.stringify(c.body).includes('Levanta'));
    await second.bot.stop();
    const text = JSON.stringify(posts().at(-1)?.body);
    expect(text).toMatch(/New since the last post|\*New:\* Aurelia/u);
    expect(text).toContain('Also in the briefing');
  });

  it('skips a day when nothing changed and SUMMARY_WHEN_UNCHANGED=skip', async () => {
    const { env } = await postedYesterday({ SUMMARY_WHEN_UNCHANGED: 'skip' });
    const second = await startHttpBot(fake, env);
    const deadline = Date.now() + 3_000;
    while (!second.logs.lines.some((l) => String(l.msg).startsWith('daily summary skipped')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await second.bot.stop();
    expect(second.logs.lines.some((l) => String(l.msg).startsWith('daily summary skipped'))).toBe(true);
    expect(posts()).toHaveLength(0);
  });

  it('posts the summary again, marked unchanged, by default', async () => {
    const { env } = await postedYesterday();
    const second = await startHttpBot(fake, env);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0DAILY' && JSON.stringify(c.body).includes('No new articles'));
    await second.bot.stop();
    expect(posts()).toHaveLength(1);
  });
});
