// The editors' desk end to end, through the real HTTP receiver with signed requests: a link added with the command,
// files shared in a DM (text, HTML, Word, PDF) downloaded with the bot token, removal, a followed feed, and the
// refusals (non-editors, private addresses, files it cannot read) that change nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type ApiCall, type FakeSlack } from '../helpers/fake-slack.js';
import { startHttpBot, type HttpBot } from '../helpers/http-bot.js';
import { makeDocx } from '../helpers/make-docx.js';
import { makeImageOnlyPdf, makePdf } from '../helpers/make-pdf.js';
import { FIXTURES, startPageServer, type PageServer } from '../helpers/page-server.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { BOT_TOKEN, dmEvent, sendSigned, slashCommand } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';

const EDITOR = 'U111'; // The user of slashCommand and dmEvent.
let fake: FakeSlack;
let web: PageServer;
beforeAll(async () => {
  fake = await startFakeSlack();
  web = await startPageServer();
});
afterAll(async () => {
  await web.close();
  await fake.close();
});

let responses = 0;
/** Sends `/briefing <text>` as `user`; resolves with the ack and the reply posted to the response URL. */
async function command(bot: HttpBot, text: string, { user = EDITOR, timeoutMs = 10_000 } = {}): Promise<{ ack: string; reply: string; ms: number }> {
  const id = `desk-${(responses += 1)}`;
  const body = slashCommand(text, fake.responseUrl(id));
  body.set('user_id', user);
  const sent = await sendSigned(bot.eventsUrl, body);
  expect(sent.status).toBe(200);
  const started = Date.now();
  const call = await fake.waitFor('respond', (c) => c.body.responseId === id, timeoutMs);
  return { ack: sent.text, reply: JSON.stringify(call.body), ms: Date.now() - started };
}

/** Shares `files` with the bot in a DM as `user`; resolves with the bot's replies in the DM (one per file). */
async function share(bot: HttpBot, files: Record<string, unknown>[], user = EDITOR): Promise<ApiCall[]> {
  const before = fake.callsTo('chat.postMessage').length;
  const event = dmEvent('', { subtype: 'file_share', user, files });
  expect((await sendSigned(bot.eventsUrl, event)).status).toBe(200);
  const deadline = Date.now() + 15_000;
  while (fake.callsTo('chat.postMessage').length - before < files.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return fake.callsTo('chat.postMessage').slice(before).filter((c) => c.body.channel === 'D111');
}

const snapshot = (dir: string): string[][] => readdirSync(dir).filter((f) => f !== 'archive').sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]);

describe('an editor at the desk (FETCH_ALLOW_PRIVATE=true, BRIEFING_EDITORS set)', () => {
  let bot: HttpBot;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    bot = await startHttpBot(fake, { KNOWLEDGE_DIR: dir, FETCH_ALLOW_PRIVATE: 'true', BRIEFING_EDITORS: `${EDITOR},U0OTHER` });
  }, 30_000);
  afterAll(async () => {
    await bot.bot.stop();
  });

  it('/briefing add <link>: acked at once, then "Added" privately with questions to try, answerable within 10 s', async () => {
    const { ack, reply, ms } = await command(bot, `add <${web.origin}/pages/ferry-strike.html>`);
    expect(ack).toContain('Reading');
    expect(reply).toContain('"response_type":"ephemeral"');
    expect(reply).toContain('Added *Ferry deckhands walk off the job, stranding island commuters on the eve of the holiday rush* — 10 paragraphs');
    expect(reply).toContain('Questions to try');
    const question = /`\/briefing ([^`]+)`/u.exec(JSON.parse(reply).blocks[1].text.text as string)?.[1] ?? '';
    const answer = await command(bot, question);
    expect(ms + answer.ms).toBeLessThan(10_000);
    expect(answer.reply).toContain('Ferry deckhands walk off the job');
    expect(answer.reply).toContain('paragraph');
  });

  it.each([
    ['notes.txt', 'text/plain', () => new TextEncoder().encode('Title: Marlow library to close for repairs\n\nThe Marlow public library will close on 3 March for eight months while its leaking copper roof is replaced, the county librarian said.\n\nBooks can be borrowed from a mobile van parked outside the town hall on Tuesdays and Saturdays.\n'), 'when will the marlow library close', 'leaking copper roof'],
    ['bulletin.html', 'text/html', () => readFileSync(join(FIXTURES, 'pages/stadium-vote.html')), 'how many seats would the otters stadium have had', '7,500-seat stadium'],
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', () => makeDocx(['The Tolverne cheese dairy will double its output after winning a contract to supply 40 supermarkets in the north, its owner Maria Penrose said on Monday.', 'The dairy will hire 35 people and build a second ripening cellar next to its farm, at a cost of £2.3 million.'], { title: 'Tolverne dairy to double output' }), 'how many people will the tolverne dairy hire', 'hire 35 people'],
    ['minutes.pdf', 'application/pdf', () => makePdf(['The Ashvale parish council voted 7 to 2 on Thursday to turn the disused railway goods yard into allotments and a community orchard.', 'Work on the Ashvale goods yard will start in April and cost the parish about £180,000, paid for from a lottery grant.'], { title: 'Ashvale goods yard to become allotments' }), 'what will the ashvale goods yard become', 'allotments'],
  ])('a %s shared in a DM becomes answerable within 10 s, citing it', async (name, type, bytes, question, quoted) => {
    const started = Date.now();
    const [reply] = await share(bot, [fake.shareFile(name, bytes(), type)]);
    expect(JSON.stringify(reply?.body)).toMatch(/Added \*[^*]+\* — \d+ paragraph/u);
    const download = fake.callsTo('file download').at(-1);
    expect(download?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const answer = await command(bot, question);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer.reply).toContain(quoted);
  });

  it('a file Slack withholds (file_access: check_file_info) is looked up with files.info', async () => {
    const file = fake.shareFile('brief.txt', new TextEncoder().encode('Title: Quarry road reopens\n\nThe quarry road at Pellow reopened on Friday after a landslip closed it for nine weeks, the highways department said.\n'), 'text/plain');
    const [reply] = await share(bot, [{ id: file.id, mode: 'file_access', file_access: 'check_file_info' }]);
    expect(JSON.stringify(reply?.body)).toContain('Added *Quarry road reopens*');
    expect(fake.callsTo('files.info').at(-1)?.body.file).toBe(file.id);
  });

  it('each bad input gets its one-line reason, the bot stays up, and no article is lost or changed', async () => {
    const before = snapshot(dir);
    const refusals = [
      (await command(bot, `add ${web.origin}/pages/no-article.html`)).reply,
      (await command(bot, `add ${web.origin}/missing.html`)).reply,
      (await command(bot, `add ${web.origin}/huge`)).reply,
      (await command(bot, 'add ftp://example.com/story.txt')).reply,
      (await command(bot, 'remove volcano')).reply,
      ...(await share(bot, [fake.shareFile('scan.pdf', makeImageOnlyPdf(), 'application/pdf')])).map((c) => JSON.stringify(c.body)),
      ...(await share(bot, [fake.shareFile('budget.xlsx', new Uint8Array([80, 75, 3, 4, 1, 2]), 'application/vnd.ms-excel')])).map((c) => JSON.stringify(c.body)),
    ];
    expect(refusals.map((r) => /Could not [^:]+: (.*?)\. Nothing in the briefing/u.exec(r)?.[1])).toEqual([
      'no article text found on that page',
      'the page answered 404',
      'the page is larger than 5 MB',
      'only http and https links can be added, not ftp',
      'no article in the briefing matches “volcano” (`/briefing list` shows them)',
      'the PDF has no text layer',
      'I can read .txt, .md, .html, .docx and .pdf files, not .xlsx',
    ]);
    expect(snapshot(dir)).toEqual(before);
    expect((await command(bot, 'list')).reply).toContain('Articles in the briefing');
  }, 30_000);

  it('a non-editor is refused politely, by command and by DM, and nothing is added', async () => {
    const before = snapshot(dir);
    const { reply } = await command(bot, `add ${web.origin}/pages/water-rationing.html`, { user: 'U0READER' });
    expect(reply).toContain('Only the briefing’s editors can add or remove articles');
    const [dm] = await share(bot, [fake.shareFile('n.txt', new TextEncoder().encode('Some article text that would be added by an editor if one shared it with the bot here.'), 'text/plain')], 'U0READER');
    expect(JSON.stringify(dm?.body)).toContain('Only the briefing’s editors can add or remove articles');
    expect((await command(bot, 'remove marlow', { user: 'U0READER' })).reply).toContain('Only the briefing’s editors');
    expect(snapshot(dir)).toEqual(before);
    expect(web.requests).not.toContain('/pages/water-rationing.html');
  });

  it('/briefing list says who may add and remove; /briefing remove takes an article out', async () => {
    expect((await command(bot, 'list')).reply).toContain('<@U111>, <@U0OTHER> can add an article');
    const { reply } = await command(bot, 'remove marlow library');
    expect(reply).toContain('Removed *Marlow library to close for repairs*');
    expect(readdirSync(join(dir, 'archive'))).toContain('marlow-library-to-close-for-repairs.txt');
    expect((await command(bot, 'when will the marlow library close')).reply).not.toContain('leaking copper roof');
  });

  it('the log says who added what, never the text', () => {
    const added = bot.logs.lines.filter((l) => l.msg === 'desk: article added');
    expect(added.length).toBeGreaterThanOrEqual(5);
    expect(added.every((l) => l.user === EDITOR && typeof l.file === 'string')).toBe(true);
    expect(bot.logs.raw()).not.toContain('leaking copper roof');
  });
});

describe('without FETCH_ALLOW_PRIVATE', () => {
  it('every private address is refused with a clear line, directly or through a redirect, and nothing is added', async () => {
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    const bot = await startHttpBot(fake, { KNOWLEDGE_DIR: dir });
    try {
      const port = new URL(web.origin).port;
      const asked = web.requests.length;
      for (const url of [`${web.origin}/pages/ferry-strike.html`, `http://localhost:${port}/pages/ferry-strike.html`, 'http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/', 'http://[::1]/', `${web.origin}/redirect?to=${encodeURIComponent('http://169.254.169.254/')}`]) {
        expect((await command(bot, `add ${url}`)).reply).toContain('Could not add that link: that address is on a private network.');
      }
      expect(web.requests.length).toBe(asked);
      expect(readdirSync(dir)).toEqual([SEED_FILE]);
    } finally {
      await bot.bot.stop();
    }
  }, 30_000);
});

describe('a followed feed (KNOWLEDGE_FEEDS)', () => {
  it('a new item is answerable within one poll', async () => {
    const rss = (paths: string[]): string =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${paths.map((p) => `<item><title>${p}</title><link>${web.origin}${p}</link><guid>${p}</guid></item>`).join('')}</channel></rss>`;
    web.set('/wire.rss', { body: rss(['/pages/sea-turtle-release.html']), type: 'application/rss+xml' });
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    const bot = await startHttpBot(fake, { KNOWLEDGE_DIR: dir, FETCH_ALLOW_PRIVATE: 'true', KNOWLEDGE_FEEDS: `${web.origin}/wire.rss`, KNOWLEDGE_FEEDS_POLL_SECONDS: '2' });
    try {
      const until = async (check: () => boolean): Promise<void> => {
        const deadline = Date.now() + 10_000;
        while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      };
      await until(() => bot.bot.live.knowledge().documents.length === 2);
      expect(bot.bot.live.knowledge().documents.map((d) => d.sources).flat()).toContain(`${web.origin}/pages/sea-turtle-release.html`);
      web.set('/wire.rss', { body: rss(['/pages/ebike-battery-recall.html', '/pages/sea-turtle-release.html']), type: 'application/rss+xml' });
      const published = Date.now();
      await until(() => bot.bot.live.knowledge().documents.length === 3);
      expect(Date.now() - published).toBeLessThan(2_000 + 3_000);
      const article = bot.bot.live.knowledge().documents.find((d) => d.sources.includes(`${web.origin}/pages/ebike-battery-recall.html`));
      expect(article?.title).toBeTruthy();
      const question = bot.bot.live.engine.answer('which e-bike batteries are being recalled');
      expect(question.source?.file).toBe(article?.file);
    } finally {
      await bot.bot.stop();
      web.unset('/wire.rss');
    }
  }, 30_000);
});
