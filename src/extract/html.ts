// A news page's article: Readability finds the story among the page's navigation, share links, "related" lists and
// banners; its paragraphs are then read as plain text, with the page's own metadata for headline and date.
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument, textOf, type DomDocument, type DomElement } from './dom.js';
import { ExtractError } from './extract-error.js';
import { parseJson, publishedDate } from './published-date.js';
import { removeFurniture } from './boilerplate.js';
import type { ExtractedArticle } from './types.js';

/** Tuning of {@link htmlArticle}. */
export const HTML_DEFAULTS = {
  /** Fewest characters of article text Readability must find (its own default is 500). */
  minArticleChars: 400,
  /** A paragraph whose text is mostly link text (this share or more) is navigation ("Read more: …"), not the story. */
  maxLinkShare: 0.6,
  /** A list item shorter than this is navigation or a bullet of labels, not a paragraph. */
  minListItemChars: 60,
  /** Most paragraphs read from a page (an article has tens; a page of thousands is not one). */
  maxParagraphs: 1_000,
  /** Only a paragraph this short is checked for being a repeat inside a longer one (a pull quote, a caption). */
  maxRepeatChars: 400,
  /** A paragraph of the story has at least this many words (shorter ones count only beside them: teasers do not). */
  minStoryWords: 20,
  /** Fewest paragraphs of `minStoryWords` a page must have to be an article rather than a list of teasers. */
  minStoryParagraphs: 2,
};

/** The article of an HTML page. @throws ExtractError when the page has no article text. */
export function htmlArticle(html: string, url?: string): ExtractedArticle {
  const document = parseHtmlDocument(html);
  // Read before Readability, which rewrites the document it is given.
  const date = publishedDate(document);
  const headline = metaHeadline(document);
  removeFurniture(document);
  const parsed = new Readability<DomElement>(document as never, { charThreshold: HTML_DEFAULTS.minArticleChars, serializer: (node) => node as unknown as DomElement }).parse();
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  const story = paragraphs.filter((p) => p.split(' ').length >= HTML_DEFAULTS.minStoryWords);
  if (story.length < HTML_DEFAULTS.minStoryParagraphs || story.join(' ').length < HTML_DEFAULTS.minArticleChars) throw new ExtractError('no article text found on that page');
  const title = withoutSiteName(headline ?? parsed?.title ?? '', parsed?.siteName ?? document.querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
  return { ...(title ? { title } : {}), ...(date ? { date } : {}), paragraphs, ...(url ? { sources: [url] } : {}) };
}

/** The article's paragraphs: its `<p>` (and long list items), without link-only lines or text repeated (pull quotes). */
export function paragraphsOf(content: DomElement): string[] {
  const kept: string[] = [];
  for (const block of content.querySelectorAll('p, li')) {
    if (kept.length >= HTML_DEFAULTS.maxParagraphs) break;
    if (block.tagName.toLowerCase() === 'li' && (block.querySelector('p') || textOf(block).length < HTML_DEFAULTS.minListItemChars)) continue;
    const text = textOf(block);
    if (!text) continue;
    const linked = [...block.querySelectorAll('a')].reduce((sum, a) => sum + textOf(a).length, 0);
    if (linked / text.length >= HTML_DEFAULTS.maxLinkShare) continue;
    kept.push(text);
  }
  // An exact repeat is dropped, and so is a short passage (a pull quote, a caption) that repeats part of a longer one.
  const seen = new Set<string>();
  const unique = kept.filter((text) => !seen.has(text) && Boolean(seen.add(text)));
  return unique.filter((text) => text.length > HTML_DEFAULTS.maxRepeatChars || !unique.some((other) => other.length > text.length && other.includes(text)));
}

// The headline the page declares for sharing and search (JSON-LD, Open Graph), before the <title> heuristics.
function metaHeadline(document: DomDocument): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const headline = headlineIn(parseJson(textOf(script)));
    if (headline) return headline;
  }
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return og || undefined;
}

function headlineIn(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return value.map((v) => headlineIn(v, depth + 1)).find(Boolean);
  const record = value as Record<string, unknown>;
  const type = String(record['@type'] ?? '');
  if (/Article|Posting|Report/u.test(type) && typeof record.headline === 'string' && record.headline.trim()) return record.headline.trim();
  return headlineIn(record['@graph'], depth + 1);
}

// "Headline | Site" or "Headline - Site" → "Headline", when the tail is the site's name.
function withoutSiteName(title: string, siteName: string | null | undefined): string {
  const clean = title.replace(/\s+/gu, ' ').trim();
  if (!siteName) return clean;
  const tail = new RegExp(`\\s*[|\\-–—:]\\s*${siteName.trim().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s*$`, 'iu');
  return clean.replace(tail, '') || clean;
}
