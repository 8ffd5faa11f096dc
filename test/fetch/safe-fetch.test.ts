// Fetching on a user's behalf: public addresses only (checked after DNS and on every redirect), bounded, one-line reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher, isPrivateAddress, type SafeFetcher } from '../../src/fetch/index.js';
import { startPageServer, type PageServer } from '../helpers/page-server.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '100.127.255.254', '0.0.0.0', '224.0.0.251', '239.255.255.250', '255.255.255.255', '::1', '::', 'fe80::1', 'fd12:3456::1',
    'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '64:ff9b:1::1', '::ffff:0:7f00:1', '2002:7f00:1::1', '2002:a9fe:a9fe::', '[::1]', 'not-an-address',
  ])('%s is not public', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001::200e', '2002:808:808::1'])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('a fetcher that allows private addresses (an intranet, these tests)', () => {
  let web: PageServer;
  let fetcher: SafeFetcher;
  beforeAll(async () => {
    web = await startPageServer();
    fetcher = createSafeFetcher({ allowPrivate: true, timeoutMs: 1_000 });
  });
  afterAll(async () => {
    await fetcher.close();
    await web.close();
  });

  it('reads a page, with its type and charset, following redirects', async () => {
    const page = await fetcher.fetch(`${web.origin}/redirect?to=${encodeURIComponent('/pages/ferry-strike.html')}`);
    expect(page.url).toBe(`${web.origin}/pages/ferry-strike.html`);
    expect(page.contentType).toBe('text/html');
    expect(page.charset).toBe('utf-8');
    expect(page.bytes.toString('utf8')).toContain('<html');
  });

  it.each([
    ['/nope.html', 'the page answered 404'],
    ['/huge', 'the page is larger than 5 MB'],
    ['/loop', 'the page redirected more than 5 times'],
    ['/image.png', 'that link is a file of type image/png, not an article page, feed, PDF or Word document'],
    ['/hang', 'the page did not answer within 1 s'],
  ])('%s is refused: "%s"', async (path, reason) => {
    await expect(fetcher.fetch(`${web.origin}${path}`)).rejects.toThrow(reason);
  });

  it.each([
    ['ftp://example.com/a.txt', 'only http and https links can be added, not ftp'],
    ['file:///etc/passwd', 'only http and https links can be added, not file'],
    ['not a link', 'that is not a web link'],
    ['http://user:secret@example.com/', 'links with a user name or password are not fetched'],
  ])('%s is refused before any request', async (url, reason) => {
    const before = web.requests.length;
    await expect(fetcher.fetch(url)).rejects.toThrow(reason);
    expect(web.requests.length).toBe(before);
  });
});

describe('the default fetcher', () => {
  let web: PageServer;
  let publicSite: PageServer;
  let fetcher: SafeFetcher;
  beforeAll(async () => {
    web = await startPageServer();
    // 127.0.0.2 stands in for a public site: only it is let through below, so its redirects can be followed.
    publicSite = await startPageServer('127.0.0.2');
    fetcher = createSafeFetcher({ timeoutMs: 2_000 });
  });
  afterAll(async () => {
    await fetcher.close();
    await web.close();
    await publicSite.close();
  });

  it.each([
    ['a loopback address', () => `${web.origin}/pages/ferry-strike.html`],
    ['a name that resolves to loopback', () => `http://localhost:${new URL(web.origin).port}/pages/ferry-strike.html`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private network address', () => 'http://10.0.0.8/'],
    ['an IPv6 loopback address', () => 'http://[::1]:8080/'],
    ['an IPv4-mapped IPv6 address', () => 'http://[::ffff:127.0.0.1]/'],
  ])('refuses %s, asking nothing of it', async (_what, url) => {
    const before = web.requests.length;
    await expect(fetcher.fetch(url())).rejects.toThrow('that address is on a private network');
    expect(web.requests.length).toBe(before);
  });

  it('checks every redirect: a public page sending the fetch to a private address is refused there', async () => {
    const blocked = (address: string): boolean => address !== '127.0.0.2' && isPrivateAddress(address);
    const publicOnly = createSafeFetcher({ blocked, timeoutMs: 2_000 });
    try {
      const direct = await publicOnly.fetch(`${publicSite.origin}/pages/ferry-strike.html`);
      expect(direct.contentType).toBe('text/html');
      const to = `${web.origin}/pages/ferry-strike.html`;
      const before = web.requests.length;
      await expect(publicOnly.fetch(`${publicSite.origin}/redirect?to=${encodeURIComponent(to)}`)).rejects.toThrow('that address is on a private network');
      const viaName = `http://localhost:${new URL(web.origin).port}/pages/ferry-strike.html`;
      await expect(publicOnly.fetch(`${publicSite.origin}/redirect?to=${encodeURIComponent(viaName)}`)).rejects.toThrow('that address is on a private network');
      expect(web.requests.length).toBe(before);
    } finally {
      await publicOnly.close();
    }
  });
});
