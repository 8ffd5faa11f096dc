// Fetches a page a user named, as a security boundary: public addresses only (checked after DNS, again on every
// redirect), http(s) only, bounded in size, time and redirects, and only the kinds of content the desk can read.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { isPrivateAddress } from './address-rule.js';
import { readAtMost, type BodyStream } from './read-at-most.js';

/** Limits of {@link safeFetch}; every one has a default in {@link FETCH_DEFAULTS}. */
export interface FetchLimits {
  /** Lets private, loopback and link-local addresses through (`FETCH_ALLOW_PRIVATE`: an intranet, tests). Default false. */
  allowPrivate: boolean;
  /** Largest body read, in bytes. Default 5 MB. */
  maxBytes: number;
  /** Time for the whole fetch, redirects included, in ms. Default 10 s. */
  timeoutMs: number;
  /** Most redirects followed. Default 5. */
  maxRedirects: number;
  /** Media types accepted (lower case, without parameters). Default: HTML, text, XML, feeds, PDF, Word. */
  accept: readonly string[];
  /** Which resolved addresses are refused (unless `allowPrivate`). Default: every address not on the public internet. */
  blocked: (address: string) => boolean;
}

/** The defaults of {@link FetchLimits}. */
export const FETCH_DEFAULTS: FetchLimits = {
  allowPrivate: false,
  maxBytes: 5 * 1_048_576,
  timeoutMs: 10_000,
  maxRedirects: 5,
  accept: [
    'text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'text/x-markdown',
    'text/xml', 'application/xml', 'application/rss+xml', 'application/atom+xml',
    'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  blocked: isPrivateAddress,
};

/** What a fetch brought back. */
export interface Fetched {
  /** The URL finally read (after redirects). */
  url: string;
  /** Its media type, lower case, without parameters (`text/html`). */
  contentType: string;
  /** Its charset parameter, when it had one. */
  charset?: string;
  bytes: Buffer;
}

/** A fetch refused or failed; `message` is one line for the person who asked ("the page answered 404"). */
export class FetchRefused extends Error {
  override name = 'FetchRefused';
}

const PRIVATE = 'that address is on a private network';

/** A fetcher with its limits and one connection pool. */
export interface SafeFetcher {
  fetch(url: string): Promise<Fetched>;
  close(): Promise<void>;
}

/** Makes a fetcher with `limits` (missing ones from {@link FETCH_DEFAULTS}). */
export function createSafeFetcher(limits: Partial<FetchLimits> = {}): SafeFetcher {
  const rules: FetchLimits = { ...FETCH_DEFAULTS, ...limits };
  // Addresses are checked as the connection is made, after DNS: a name that resolves to a private address is refused
  // even when it changes between two lookups.
  const agent = new Agent({ connect: { lookup: rules.allowPrivate ? dnsLookup : publicLookup(rules.blocked) }, connectTimeout: rules.timeoutMs });
  return {
    fetch: (url) => fetchWithin(url, rules, agent),
    close: () => agent.close(),
  };
}

async function fetchWithin(start: string, rules: FetchLimits, agent: Agent): Promise<Fetched> {
  const signal = AbortSignal.timeout(rules.timeoutMs);
  let url = parseUrl(start);
  for (let hop = 0; ; hop += 1) {
    checkTarget(url, rules);
    let response: Response;
    try {
      response = await fetch(url, { dispatcher: agent, redirect: 'manual', signal, headers: { accept: rules.accept.join(', '), 'user-agent': 'briefing-bot (article fetcher)' } });
    } catch (error) {
      throw failure(error, rules);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel().catch(() => undefined);
      if (hop >= rules.maxRedirects) throw new FetchRefused(`the page redirected more than ${rules.maxRedirects} times`);
      url = parseUrl(response.headers.get('location') ?? '', url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchRefused(`the page answered ${response.status}`);
    }
    const [type = '', ...params] = (response.headers.get('content-type') ?? '').split(';').map((p) => p.trim().toLowerCase());
    const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/gu, '');
    if (!rules.accept.includes(type)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchRefused(`that link is ${type ? `a file of type ${type}` : 'of no stated type'}, not an article page, feed, PDF or Word document`);
    }
    const bytes = await readBounded(response, rules);
    return { url: url.href, contentType: type, ...(charset ? { charset } : {}), bytes };
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    throw new FetchRefused(base ? 'the page redirected to an address that is not a web link' : 'that is not a web link (expected http:// or https://…)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused(`only http and https links can be added, not ${url.protocol.replace(/:$/u, '')}`);
  if (url.username || url.password) throw new FetchRefused('links with a user name or password are not fetched');
  return url;
}

// Names are checked when connecting (see publicLookup); an address written in the link is checked here.
function checkTarget(url: URL, rules: FetchLimits): void {
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  if (!rules.allowPrivate && isIP(host) !== 0 && rules.blocked(host)) throw new FetchRefused(PRIVATE);
}

async function readBounded(response: Response, rules: FetchLimits): Promise<Buffer> {
  const tooLarge = new FetchRefused(`the page is larger than ${Math.round(rules.maxBytes / 1_048_576)} MB`);
  if (Number(response.headers.get('content-length') ?? 0) > rules.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge;
  }
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(response.body as BodyStream | null, rules.maxBytes);
  } catch (error) {
    throw failure(error, rules);
  }
  if (!bytes) throw tooLarge;
  return bytes;
}

// The one line for a failure: a refusal keeps its own words; timeouts, unknown names and refused connections say so.
function failure(error: unknown, rules: FetchLimits): FetchRefused {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof FetchRefused) return e;
    const { name, code } = e as { name?: string; code?: string };
    if (name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchRefused(`the page did not answer within ${rules.timeoutMs / 1_000} s`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchRefused('no such web address (the name does not resolve)');
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new FetchRefused('could not connect to that address');
    if (typeof code === 'string' && /CERT|SSL|TLS/u.test(code)) return new FetchRefused('the site\'s security certificate is not valid');
  }
  return new FetchRefused('the page could not be fetched');
}

// DNS lookup that refuses names resolving to any private address (all of them are checked, not just the first).
const publicLookup = (blocked: (address: string) => boolean): LookupFunction => (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    if (addresses.length === 0 || addresses.some((a) => blocked(a.address))) return callback(new FetchRefused(PRIVATE), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
};
