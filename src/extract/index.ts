// Articles from pages and files: HTML (a news page), text or Markdown, Word and PDF.
export { extractArticle, fileKind, SUPPORTED_FILES, type ExtractInput } from './extract-article.js';
export { ExtractError } from './extract-error.js';
export { extractApart, EXTRACT_LIMITS } from './extract-apart.js';
export { htmlArticle, HTML_DEFAULTS } from './html.js';
export { parseXmlDocument, textOf, type DomDocument, type DomElement } from './dom.js';
export type { ExtractedArticle } from './types.js';
