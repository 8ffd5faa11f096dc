// What a news page wraps its story in: cookie banners, navigation, share bars, newsletter boxes, bylines, captions,
// "related" lists. Recognised by the words sites name them with (class, id, role, ARIA label, data module), and
// removed before Readability looks for the story; never an element holding most of the page's paragraphs.
import { textOf, type DomDocument, type DomElement } from './dom.js';

/** Words in an element's names that mark it as the page's furniture rather than the story. */
export const FURNITURE_WORDS: ReadonlySet<string> = new Set([
  'cookie', 'cookies', 'consent', 'gdpr', 'newsletter', 'newsletters', 'signup', 'subscribe', 'subscription', 'promo',
  'related', 'recirc', 'recirculation', 'recommended', 'trending', 'popular', 'share', 'sharing', 'social', 'byline',
  'bio', 'author', 'caption', 'figcaption', 'credit', 'footer', 'nav', 'navigation', 'menu', 'breadcrumb',
  'breadcrumbs', 'crumbs', 'sidebar', 'ad', 'ads', 'advert', 'advertisement', 'sponsor', 'sponsored', 'comments',
  'comment', 'paywall', 'banner', 'modal', 'popup', 'standfirst', 'dek', 'subtitle', 'subhead', 'kicker', 'tags',
]);

/** Elements that are furniture whatever their names. */
const FURNITURE_TAGS = 'nav, footer, aside, form, dialog, figure, figcaption, [role="navigation"], [role="dialog"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]';

const NAMING_ATTRIBUTES = ['class', 'id', 'role', 'aria-label', 'data-module', 'data-component', 'data-type'];

/** The most of the page's paragraph text one removed element may hold (a wrapper of the story never goes). */
const MAX_SHARE_REMOVED = 0.5;

/** Removes the page's furniture from `document` (in place). */
export function removeFurniture(document: DomDocument): void {
  const body = document.querySelector('body');
  if (!body) return;
  const total = paragraphChars(body);
  const marked = new Set<DomElement>([...body.querySelectorAll(FURNITURE_TAGS)]);
  for (const element of body.querySelectorAll('*')) if (named(element)) marked.add(element);
  for (const element of marked) {
    if (element.parentElement === null) continue; // Already gone with an ancestor.
    if (total > 0 && paragraphChars(element) / total >= MAX_SHARE_REMOVED) continue;
    element.remove();
  }
}

function named(element: DomElement): boolean {
  for (const attribute of NAMING_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (!value) continue;
    for (const word of value.toLowerCase().split(/[^a-z]+/u)) if (FURNITURE_WORDS.has(word)) return true;
  }
  return false;
}

function paragraphChars(element: DomElement): number {
  let chars = 0;
  for (const p of element.querySelectorAll('p')) chars += textOf(p).length;
  return chars;
}
