// When a page says its article was published: its metadata (Open Graph, JSON-LD, meta names), then a <time> element.
import { textOf, type DomDocument } from './dom.js';

/** Meta tags that carry a publication time, most trusted first. */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="date"]',
];

/** The publication date of the page's article as `YYYY-MM-DD` (the date as written in its timestamp), if it says. */
export function publishedDate(document: DomDocument): string | undefined {
  for (const selector of META_SELECTORS) {
    const date = isoDate(document.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const date = isoDate(datePublishedIn(parseJson(textOf(script))));
    if (date) return date;
  }
  const time = document.querySelector('time[itemprop="datePublished"]') ?? document.querySelector('time[pubdate]') ?? document.querySelector('time[datetime]');
  return isoDate(time?.getAttribute('datetime') ?? undefined);
}

/** `datePublished` anywhere in a JSON-LD value (a NewsArticle, an `@graph`, a list of them). */
export function datePublishedIn(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return datePublishedIn(record['@graph'], depth + 1) ?? datePublishedIn(record.mainEntity, depth + 1);
}

/** The date part of a timestamp as written (`2026-10-02T08:30:00-04:00` → `2026-10-02`); other forms through Date. */
export function isoDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const written = /^\s*(\d{4}-\d{2}-\d{2})/u.exec(text);
  if (written) return written[1];
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** A JSON-LD block's value, or undefined when it does not parse (pages ship broken ones). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
