// End to end over HTTP: what the briefing did not answer shows in /briefing gaps, grouped; only editors see it when set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { mentionEvent, sendSigned, slashCommand } from '../helpers/slack-requests.js';
import { summaryTimeNow } from '../helpers/summary-time.js';
import { tempDir } from '../helpers/temp-dir.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

async function ask(bot: HttpBot, question: string): Promise<void> {
  const event = mentionEvent(question);
  await sendSigned(bot.eventsUrl, event);
  await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === event.event.ts);
}

async function gaps(bot: HttpBot, user = 'U111'): Promise<string> {
  const id = `g${Math.random().toString(36).slice(2)}`;
  const body = slashCommand('gaps', fake.responseUrl(id));
  body.set('user_id', user);
  await sendSigned(bot.eventsUrl, body);
  const call = await fake.waitFor('respond', (c) => c.body.responseId === id);
  return JSON.stringify(call.body);
}

describe('/briefing gaps', () => {
  it('lists the questions the briefing did not answer, grouped with their counts', async () => {
    const bot = await startHttpBot(fake);
    try {
      for (const q of ['when is the next all-hands?', 'When is the next all hands', 'who won the world cup', 'is china neutral on the ukraine war']) await ask(bot, q);
      const report = await gaps(bot);
      expect(report).toMatch(/next all.hands \(2×\)/u);
      expect(report).toContain('who won the world cup (1×)');
      expect(report).toContain('*4* questions asked, *25%* answered');
      expect(report).not.toContain('U111');
      expect(report).toContain('ephemeral');
    } finally {
      await bot.bot.stop();
    }
  });

  it('is only for BRIEFING_EDITORS when that is set, and says so politely to others', async () => {
    const bot = await startHttpBot(fake, { BRIEFING_EDITORS: 'U0EDITOR1,U0EDITOR2' });
    try {
      expect(await gaps(bot, 'U111')).toContain('The gap report is for the briefing’s editors');
      expect(await gaps(bot, 'U0EDITOR2')).toContain('Gaps in the briefing');
    } finally {
      await bot.bot.stop();
    }
  });
});

describe('the weekly gap report', () => {
  const today = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date().getUTCDay()] ?? 'mon';

  it('is posted to GAPS_CHANNEL on GAPS_DAY once, beside the daily summary in the same channel', async () => {
    const env = { GAPS_CHANNEL: 'C0GAPS1', GAPS_DAY: today, SUMMARY_CHANNEL: 'C0GAPS1', SUMMARY_TIME: summaryTimeNow(), STATE_DIR: tempDir() };
    const first = await startHttpBot(fake, env);
    const report = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0GAPS1' && JSON.stringify(c.body).includes('Gaps in the briefing'));
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0GAPS1' && JSON.stringify(c.body).includes('Key points'));
    await first.bot.stop();
    expect(report.body.metadata).toMatchObject({ event_type: 'briefing_gaps' });
    const second = await startHttpBot(fake, env);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await second.bot.stop();
    const posted = fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0GAPS1');
    expect(posted.filter((c) => JSON.stringify(c.body).includes('Gaps in the briefing'))).toHaveLength(1);
    expect(posted.filter((c) => JSON.stringify(c.body).includes('Key points'))).toHaveLength(1);
  });
});
