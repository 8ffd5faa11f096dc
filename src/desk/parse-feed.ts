// The items of an RSS or Atom feed: what identifies each (guid or id, else link) and the link to its article.
import { parseXmlDocument, textOf, type DomElement } from '../extract/index.js';
import { DeskError } from './desk-error.js';

/** One item of a feed. */
export interface FeedItem {
  /** What tells it from the feed's other items: its guid (RSS) or id (Atom), else its link. */
  id: string;
  /** The article's address, resolved against the feed's. */
  link: string;
  title: string;
}

/** The items of a feed, in the feed's order (usually newest first). @throws DeskError when it is not RSS or Atom. */
export function parseFeed(xml: string, feedUrl: string): FeedItem[] {
  const document = parseXmlDocument(xml);
  const root = document.documentElement;
  const name = root?.tagName.toLowerCase() ?? '';
  if (!root || (name !== 'rss' && name !== 'feed' && name !== 'rdf:rdf')) throw new DeskError('that is not an RSS or Atom feed');
  const items: FeedItem[] = [];
  const entries = name === 'feed' ? children(root, 'entry') : [...root.querySelectorAll('item')];
  for (const entry of entries) {
    const link = name === 'feed' ? atomLink(entry) : textOf(child(entry, 'link')) || (child(entry, 'guid')?.getAttribute('isPermaLink') !== 'false' ? textOf(child(entry, 'guid')) : '');
    const resolved = resolve(link, feedUrl);
    if (!resolved) continue;
    const id = textOf(child(entry, name === 'feed' ? 'id' : 'guid')) || resolved;
    items.push({ id, link: resolved, title: textOf(child(entry, 'title')) });
  }
  return items;
}

// Atom: the rel="alternate" link (or one with no rel).
function atomLink(entry: DomElement): string {
  const links = children(entry, 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return alternate?.getAttribute('href') ?? '';
}

function children(parent: DomElement, tag: string): DomElement[] {
  return [...parent.querySelectorAll(tag)].filter((e) => e.parentElement === parent);
}

function child(parent: DomElement, tag: string): DomElement | undefined {
  return children(parent, tag)[0];
}

function resolve(link: string, base: string): string | undefined {
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
