// Feeds: RSS and Atom items read; a feed followed poll by poll (new items added a few at a time, each once, shared
// through the store's record); a feed that fails is logged and tried again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, startFeedPoller } from '../../src/desk/index.js';
import { createSafeFetcher } from '../../src/fetch/index.js';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { FIXTURES, startPageServer, type PageServer } from '../helpers/page-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'feeds', name), 'utf8').replaceAll('{{BASE}}', 'https://wire.example');

describe('parseFeed', () => {
  it.each(['news.rss', 'news.atom'])('%s: each item’s id and link, in the feed’s order', (name) => {
    const items = parseFeed(fixture(name), `https://wire.example/feeds/${name}`);
    expect(items.map((i) => i.link)).toEqual([
      'https://wire.example/pages/ferry-strike.html',
      'https://wire.example/pages/stadium-vote.html',
      'https://wire.example/pages/water-rationing.html',
    ]);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
    expect(items[0]?.title).toMatch(/^Ferry deckhands walk off the job/u);
  });

  it('an item without a guid is known by its link; relative links resolve against the feed', () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A</title><link>/a.html</link></item></channel></rss>';
    expect(parseFeed(rss, 'https://wire.example/feed.rss')).toEqual([{ id: 'https://wire.example/a.html', link: 'https://wire.example/a.html', title: 'A' }]);
  });

  it('a page that is not a feed says so', () => {
    expect(() => parseFeed('<html><body><p>hi</p></body></html>', 'https://wire.example/')).toThrow('that is not an RSS or Atom feed');
  });
});

describe('following a feed', () => {
  let web: PageServer;
  beforeAll(async () => {
    web = await startPageServer();
  });
  afterAll(async () => {
    await web.close();
  });

  const rss = (links: string[]): string =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>${links.map((l) => `<item><title>${l}</title><link>${web.origin}${l}</link><guid>${l}</guid></item>`).join('')}</channel></rss>`;

  it('adds the newest few at first, then each new item once; the record outlives the poller', async () => {
    web.set('/live.rss', { body: rss(['/pages/ferry-strike.html', '/pages/stadium-vote.html', '/pages/water-rationing.html']), type: 'application/rss+xml' });
    const added: string[] = [];
    const desk = { addUrl: async (url: string) => (added.push(url), { status: 'added' as const, file: 'x.txt', title: 'x', paragraphs: 1, questions: [], retired: [] }) };
    const store = createEmbeddedStore({ dir: tempDir() });
    const fetcher = createSafeFetcher({ allowPrivate: true });
    const { logger } = captureLogger();
    const poller = startFeedPoller({ feeds: [`${web.origin}/live.rss`], pollMs: 3_600_000, perPoll: 2, fetcher, desk, store, logger });
    await poller.poll();
    expect(added).toEqual([`${web.origin}/pages/ferry-strike.html`, `${web.origin}/pages/stadium-vote.html`]);
    await poller.poll();
    expect(added).toHaveLength(2);
    web.set('/live.rss', { body: rss(['/pages/ebike-battery-recall.html', '/pages/ferry-strike.html', '/pages/stadium-vote.html', '/pages/water-rationing.html']), type: 'application/rss+xml' });
    await poller.poll();
    expect(added.at(-1)).toBe(`${web.origin}/pages/ebike-battery-recall.html`);
    expect(added).toHaveLength(3);
    poller.stop();
    // A new poller on the same store (a restart, another replica) knows what was taken.
    const again = startFeedPoller({ feeds: [`${web.origin}/live.rss`], pollMs: 3_600_000, perPoll: 2, fetcher, desk, store, logger });
    await again.poll();
    again.stop();
    expect(added).toHaveLength(3);
    await fetcher.close();
  });

  it('a feed that fails is logged and tried again at the next poll; an item that fails is tried again too', async () => {
    const logs = captureLogger();
    const store = createEmbeddedStore({ dir: tempDir() });
    const fetcher = createSafeFetcher({ allowPrivate: true });
    let failing = true;
    const tried: string[] = [];
    const desk = {
      addUrl: async (url: string) => {
        tried.push(url);
        if (failing) throw new Error('disk full');
        return { status: 'added' as const, file: 'x.txt', title: 'x', paragraphs: 1, questions: [] as string[], retired: [] as string[] };
      },
    };
    const poller = startFeedPoller({ feeds: [`${web.origin}/later.rss`], pollMs: 3_600_000, fetcher, desk, store, logger: logs.logger });
    await poller.poll();
    expect(logs.lines.find((l) => l.msg === 'feed could not be read: trying again at the next poll')).toMatchObject({ reason: 'the page answered 404' });
    web.set('/later.rss', { body: rss(['/pages/ferry-strike.html']), type: 'application/rss+xml' });
    await poller.poll();
    expect(tried).toEqual([`${web.origin}/pages/ferry-strike.html`]);
    failing = false;
    await poller.poll();
    expect(tried).toHaveLength(2);
    await poller.poll();
    expect(tried).toHaveLength(2);
    poller.stop();
    await fetcher.close();
  });
});
