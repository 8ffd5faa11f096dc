// A local web server on 127.0.0.1 standing in for the web: the desk's fixture pages and feeds, pages set by a test,
// redirects, a 6 MB page, a page that never answers.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/desk/', import.meta.url));

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.rss': 'application/rss+xml', '.atom': 'application/atom+xml', '.txt': 'text/plain; charset=utf-8' };

/** A page set by a test: its body and media type (and status). */
export interface Page {
  body: string | Uint8Array;
  type: string;
  status?: number;
  headers?: Record<string, string>;
}

/** The running server. */
export interface PageServer {
  /** `http://<host>:<port>`. */
  origin: string;
  /** Serves `page` at `path` (over a fixture of that path, until `unset`). */
  set(path: string, page: Page): void;
  unset(path: string): void;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts the server on `host` (default 127.0.0.1). Routes: `/pages/*` and `/feeds/*` from the fixtures (`{{BASE}}` in a
 * feed becomes the origin); `/redirect?to=URL` (302); `/loop` (redirects to itself); `/huge` (6 MB of HTML);
 * `/hang` (never answers); `/image.png`.
 */
export async function startPageServer(host = '127.0.0.1'): Promise<PageServer> {
  const pages = new Map<string, Page>();
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(page.status ?? 200, { 'content-type': page.type, ...page.headers });
      return res.end(page.body);
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
      return res.end();
    }
    if (url.pathname === '/loop') {
      res.writeHead(301, { location: '/loop' });
      return res.end();
    }
    if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1_048_576, '<p>lorem ipsum dolor sit amet</p>\n');
      for (let i = 0; i < 6; i += 1) res.write(chunk);
      return res.end();
    }
    if (url.pathname === '/hang') return; // Never answers.
    if (url.pathname === '/image.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    }
    const path = normalize(url.pathname).replace(/^\/+/u, '');
    if (!/^(?:pages|feeds)\//u.test(path)) return notFound();
    try {
      const text = (await readFile(join(FIXTURES, path), 'utf8')).replaceAll('{{BASE}}', origin);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(text);
    } catch {
      notFound();
    }
    function notFound(): void {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not found</h1></body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    set: (path, page) => void pages.set(path, page),
    unset: (path) => void pages.delete(path),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
