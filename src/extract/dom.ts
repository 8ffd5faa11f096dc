// The little of the DOM the extractors use, over linkedom (the project compiles without the browser's DOM types).
import { DOMParser, parseHTML } from 'linkedom';

/** An element, as far as the extractors read it. */
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  remove(): void;
}

/** A parsed document. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/** Parses an HTML page (scripts are parsed as text and never run). */
export function parseHtmlDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** Parses an XML document (a feed). */
export function parseXmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument;
}

/** The element's text with runs of white space made single spaces, trimmed. */
export function textOf(element: DomElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
