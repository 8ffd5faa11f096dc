// The desk over a real knowledge folder followed live: adds, the same article twice, a changed page, name clashes,
// removal to the archive, the briefing's size, and nothing lost when an add fails.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Desk, DeskError, type DeskChange } from '../../src/desk/index.js';
import { createSafeFetcher } from '../../src/fetch/index.js';
import { startLiveKnowledge, type LiveKnowledge } from '../../src/live/live-knowledge.js';
import { questionsToTry } from '../../src/answers/index.js';
import { buildSummary, fingerprint } from '../../src/summary/index.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { startPageServer, type PageServer } from '../helpers/page-server.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const editor = { user: 'U0EDITOR' };
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const PIER = 'Title: Pier to reopen in March\nDate: 2026-11-02\n\nThe harbour master said the new pier would open in March after a two-year delay caused by storms and rising steel costs.\n\nFishermen welcomed the news but said berth fees of $40 a night were still too high for small boats.\n';
const FERRY = (extra = ''): string =>
  `<html><head><title>Ferry fares rise</title><meta property="article:published_time" content="2026-10-01T09:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>Ferry fares rise</h1>
<p>The island ferry will raise its fares by 12 percent from January, the operator said on Wednesday, blaming fuel and crew costs for the increase.</p>
<p>A return ticket for a car and driver will cost $58, up from $52, while foot passengers will pay $14, the operator's director Helen Braddock said.</p>
<p>Residents of the island said the rise would hurt families who cross daily for work and school, and asked the state to step in with a subsidy.${extra}</p>
</article><footer>© Island Times</footer></body></html>`;

let web: PageServer;
beforeAll(async () => {
  web = await startPageServer();
});
afterAll(async () => {
  await web.close();
});

async function openDesk(files: Record<string, string> = { [SEED_FILE]: SEED_TEXT }, maxArticles?: number) {
  const dir = tempDir(files);
  const logs = captureLogger('info');
  const live = await startLiveKnowledge({ dir, cacheDir: tempDir(), logger: logs.logger, lexicon, pollMs: 60_000 });
  await live.ready;
  const changes: DeskChange[] = [];
  const fetcher = createSafeFetcher({ allowPrivate: true, timeoutMs: 2_000 });
  const desk = new Desk({
    dir, knowledge: () => live.knowledge(), refresh: () => live.refresh(), fetcher, logger: logs.logger,
    ...(maxArticles ? { maxArticles } : {}),
    questionsFor: (d) => questionsToTry(d, live.engine),
    onChange: async (c) => void changes.push(c),
  });
  opened.push({ live, close: () => fetcher.close() });
  return { dir, live, desk, logs, changes };
}
const opened: { live: LiveKnowledge; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.live.close();
    await o.close();
  }
});

describe('adding', () => {
  it('a link becomes an article in the knowledge format, served at once, with questions that it answers', async () => {
    const { dir, live, desk, changes, logs } = await openDesk();
    const added = await desk.addUrl(`${web.origin}/pages/ferry-strike.html`, editor);
    expect(added.status).toBe('added');
    expect(added.file).toMatch(/^ferry-deckhands-walk-off-the-job[a-z0-9-]*\.txt$/u);
    const written = readFileSync(join(dir, added.file), 'utf8');
    expect(written).toMatch(/^Title: Ferry deckhands walk off the job/u);
    expect(written).toContain('\nDate: 2026-11-18\n');
    expect(written).toContain(`Sources:\n- ${web.origin}/pages/ferry-strike.html\n`);
    expect(added.paragraphs).toBe(live.knowledge().documents.find((d) => d.file === added.file)?.passages.length);
    expect(added.questions.length).toBeGreaterThan(0);
    for (const question of added.questions) expect(live.engine.answer(question).source?.file).toBe(added.file);
    expect(changes).toEqual([expect.objectContaining({ op: 'add', file: added.file, text: written })]);
    const line = logs.lines.find((l) => l.msg === 'desk: article added');
    expect(line).toMatchObject({ user: 'U0EDITOR', file: added.file });
    expect(JSON.stringify(line)).not.toContain('deckhands walked');
  });

  it('a file adds its article; the same text again is "already in the briefing" and writes nothing', async () => {
    const { dir, desk } = await openDesk();
    const first = await desk.addFile({ bytes: text(PIER), name: 'pier notes.txt' }, editor);
    expect(first).toMatchObject({ status: 'added', file: 'pier-to-reopen-in-march.txt', title: 'Pier to reopen in March', paragraphs: 2 });
    const before = readdirSync(dir).sort();
    const again = await desk.addFile({ bytes: text(`${PIER}\n\n`), name: 'copy.txt' }, editor);
    expect(again).toMatchObject({ status: 'unchanged', file: first.file });
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a link added again is unchanged; when its page changed, the article is replaced in its own file', async () => {
    const { dir, live, desk } = await openDesk();
    web.set('/ferry-fares.html', { body: FERRY(), type: 'text/html' });
    const url = `${web.origin}/ferry-fares.html`;
    const first = await desk.addUrl(url, editor);
    expect((await desk.addUrl(url, editor)).status).toBe('unchanged');
    web.set('/ferry-fares.html', { body: FERRY(' The state transport board meets on Friday to discuss it.'), type: 'text/html' });
    const second = await desk.addUrl(url, editor);
    expect(second).toMatchObject({ status: 'replaced', file: first.file });
    expect(readFileSync(join(dir, first.file), 'utf8')).toContain('transport board meets on Friday');
    expect(readFileSync(join(dir, 'archive', first.file), 'utf8')).not.toContain('transport board meets on Friday');
    expect(live.knowledge().documents.filter((d) => d.title === 'Ferry fares rise')).toHaveLength(1);
    web.unset('/ferry-fares.html');
  });

  it('a title that names an existing file gets a new name: the other article is never overwritten', async () => {
    const other = 'Title: Pier to reopen in March\n\nA different story: the old pier in the next town reopens in March as a museum with a café.\n';
    const { dir, desk } = await openDesk({ [SEED_FILE]: SEED_TEXT, 'pier-to-reopen-in-march.txt': other });
    const added = await desk.addFile({ bytes: text(PIER), name: 'pier.txt' }, editor);
    expect(added.file).toBe('pier-to-reopen-in-march-2.txt');
    expect(readFileSync(join(dir, 'pier-to-reopen-in-march.txt'), 'utf8')).toBe(other);
  });

  it.each([
    ['a private address when private addresses are refused', 'private'],
    ['a page with no article', '/pages/no-article.html'],
    ['a 404', '/gone.html'],
    ['an image', '/image.png'],
  ])('%s: a one-line reason, and the folder as it was', async (_what, path) => {
    const { dir, desk, live } = await openDesk();
    const strict = new Desk({ dir, knowledge: () => live.knowledge(), refresh: () => live.refresh(), fetcher: createSafeFetcher(), logger: captureLogger().logger });
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    const attempt = path === 'private' ? strict.addUrl(`${web.origin}/pages/ferry-strike.html`, editor) : desk.addUrl(`${web.origin}${path}`, editor);
    await expect(attempt).rejects.toBeInstanceOf(DeskError);
    await expect(attempt).rejects.toThrow(/^(?:that address is on a private network|no article text found on that page|the page answered 404|that link is a file of type image\/png, not an article page, feed, PDF or Word document)$/u);
    expect(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])).toEqual(before);
  });

  it('the next daily summary marks the added article as new since the previous post', async () => {
    const { live, desk } = await openDesk();
    const previous = live.knowledge().documents.map(fingerprint);
    const added = await desk.addFile({ bytes: text(PIER), name: 'pier.txt' }, editor);
    const summary = buildSummary(live.knowledge(), { since: previous });
    const marked = [summary, ...summary.also].filter((d) => d.isNew).map((d) => d.file);
    expect(marked).toEqual([added.file]);
  });

  it('a file that only cites the link is not taken for the article from it', async () => {
    const curated = `Title: Ferry fares, our notes\n\nOur own notes on the fare rise, written by the desk editor, with the operator's figures.\n\nSources:\n- ${web.origin}/ferry-notes.html\n- operator.example\n`;
    web.set('/ferry-notes.html', { body: FERRY(), type: 'text/html' });
    const { dir, desk } = await openDesk({ [SEED_FILE]: SEED_TEXT, 'notes.txt': curated });
    const added = await desk.addUrl(`${web.origin}/ferry-notes.html`, editor);
    expect(added.status).toBe('added');
    expect(added.file).not.toBe('notes.txt');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe(curated);
    web.unset('/ferry-notes.html');
  });

  it('a name is taken by its stem: an article beside pier-to-reopen-in-march.md gets another', async () => {
    const md = '# Pier to reopen in March\n\nThe Markdown version of a different pier story, about a pier in another harbour town.\n';
    const { desk, dir } = await openDesk({ [SEED_FILE]: SEED_TEXT, 'pier-to-reopen-in-march.md': md });
    expect((await desk.addFile({ bytes: text(PIER), name: 'pier.txt' }, editor)).file).toBe('pier-to-reopen-in-march-2.txt');
    expect(readFileSync(join(dir, 'pier-to-reopen-in-march.md'), 'utf8')).toBe(md);
  });

  it('an article longer than the folder reads (1 MB) is refused before anything is written', async () => {
    const { dir, desk } = await openDesk();
    const long = `Title: Long\n\n${Array.from({ length: 16_000 }, (_, i) => `Paragraph ${i} of a very long report on the harbour, its boats and its people.`).join('\n\n')}\n`;
    await expect(desk.addFile({ bytes: text(long), name: 'long.txt' }, editor)).rejects.toThrow('the article is longer than the briefing reads (1 MB of text)');
    expect(readdirSync(dir)).toEqual([SEED_FILE]);
  });

  it('writes whole files only: nothing temporary is left behind', async () => {
    const { dir, desk } = await openDesk();
    await desk.addFile({ bytes: text(PIER), name: 'pier.txt' }, editor);
    expect(readdirSync(dir).filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('removing', () => {
  it('by words of its title: the article leaves the briefing for the archive folder', async () => {
    const { dir, live, desk, changes } = await openDesk({ [SEED_FILE]: SEED_TEXT, 'pier.txt': PIER });
    const removed = await desk.remove('pier reopen', editor);
    expect(removed).toEqual({ file: 'pier.txt', title: 'Pier to reopen in March' });
    expect(existsSync(join(dir, 'pier.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'archive', 'pier.txt'), 'utf8')).toBe(PIER);
    expect(live.knowledge().documents.map((d) => d.file)).toEqual([SEED_FILE]);
    expect(changes.at(-1)).toMatchObject({ op: 'remove', file: 'pier.txt' });
  });

  it('by file name; an archived name already taken gets a time stamp', async () => {
    const { dir, desk } = await openDesk({ [SEED_FILE]: SEED_TEXT, 'pier.txt': PIER, 'other.txt': 'Title: Other\n\nSomething else entirely happened in the valley this week, officials said.\n' });
    await desk.remove('pier.txt', editor);
    writeFileSync(join(dir, 'pier.txt'), PIER.replace('March', 'April'));
    await desk.addFile({ bytes: text('Title: Filler\n\nA filler story about the county fair and its record pumpkin weighing 900 pounds.\n'), name: 'f.txt' }, editor);
    await desk.remove('pier', editor);
    expect(readdirSync(join(dir, 'archive')).filter((f) => f.startsWith('pier'))).toHaveLength(2);
  });

  it.each([
    ['nothing matches', 'volcano', /no article in the briefing matches “volcano”/u],
    ['several match', 'story', /2 articles match “story” \(a\.txt, b\.txt\): name one by its file name/u],
    ['nothing named', '  ', /say which article/u],
  ])('%s: a one-line reason, nothing moved', async (_what, query, reason) => {
    const files = { [SEED_FILE]: SEED_TEXT, 'a.txt': 'Title: First story\n\nOne story about the harbour and its boats, told at some length here.\n', 'b.txt': 'Title: Second story\n\nAnother story about the valley and its farms, told at some length here.\n' };
    const { dir, desk } = await openDesk(files);
    await expect(desk.remove(query, editor)).rejects.toThrow(reason);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
  });

  it('never the only article (the briefing would have nothing to answer from)', async () => {
    const { desk } = await openDesk();
    await expect(desk.remove(SEED_FILE, editor)).rejects.toThrow('that is the only article in the briefing');
  });
});

describe('the briefing’s size (KNOWLEDGE_MAX_ARTICLES)', () => {
  it('archives the oldest beyond it, never the article just added', async () => {
    const dated = (day: string, title: string) => `Title: ${title}\nDate: 2026-10-${day}\n\nA story from the ${day}th about ${title.toLowerCase()}, with enough words to read.\n`;
    const { dir, live, desk } = await openDesk({ 'a.txt': dated('01', 'Apples'), 'b.txt': dated('05', 'Boats'), 'c.txt': dated('03', 'Cars') }, 2);
    const added = await desk.addFile({ bytes: text(dated('02', 'Dogs')), name: 'd.txt' }, editor);
    expect(added.retired.sort()).toEqual(['a.txt', 'c.txt']);
    expect(live.knowledge().documents.map((d) => d.file).sort()).toEqual(['b.txt', added.file].sort());
    expect(readdirSync(join(dir, 'archive')).sort()).toEqual(['a.txt', 'c.txt']);
  });
});
