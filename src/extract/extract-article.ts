// Which reader a page or file needs (by its declared type, its name, then its first bytes), and the article it gives.
import { ExtractError } from './extract-error.js';
import { htmlArticle } from './html.js';
import { textArticle } from './text.js';
import type { ExtractedArticle } from './types.js';

/** The kinds of file an article can come in. */
export type FileKind = 'html' | 'text' | 'markdown' | 'docx' | 'pdf' | 'feed';

/** The file types an editor can share, as named to them. */
export const SUPPORTED_FILES = '.txt, .md, .html, .docx and .pdf';

/** A page or file to read. */
export interface ExtractInput {
  bytes: Uint8Array;
  /** The declared media type (`text/html`), lower case without parameters, if any. */
  contentType?: string;
  /** The charset the server declared. */
  charset?: string;
  /** The file name, for its extension. */
  name?: string;
  /** Where it was fetched from (written as the article's source). */
  url?: string;
}

const BY_TYPE: Readonly<Record<string, FileKind>> = {
  'text/html': 'html', 'application/xhtml+xml': 'html', 'text/plain': 'text', 'text/markdown': 'markdown', 'text/x-markdown': 'markdown',
  'application/pdf': 'pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/rss+xml': 'feed', 'application/atom+xml': 'feed',
};
const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  html: 'html', htm: 'html', xhtml: 'html', txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', docx: 'docx', pdf: 'pdf', rss: 'feed', atom: 'feed', xml: 'feed',
};

/** The kind of a page or file, or undefined when it is none the desk reads. */
export function fileKind(input: Pick<ExtractInput, 'bytes' | 'contentType' | 'name'>): FileKind | undefined {
  const head = Buffer.from(input.bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  const extension = /\.([a-z0-9]+)$/iu.exec(input.name ?? '')?.[1]?.toLowerCase();
  // A zip: a Word document when it says so (other Office files are zips too).
  if (head.startsWith('PK\u0003\u0004')) return extension === 'docx' || BY_TYPE[input.contentType ?? ''] === 'docx' ? 'docx' : undefined;
  const declared = BY_TYPE[input.contentType ?? ''] ?? (extension ? BY_EXTENSION[extension] : undefined);
  if (declared && declared !== 'text') return declared;
  const start = head.trimStart().toLowerCase();
  if (/^(?:\ufeff)?<(?:!doctype html|html|head|body)\b/u.test(start)) return 'html';
  if (/^<\?xml\b[\s\S]*<(?:rss|feed|rdf:rdf)\b/u.test(start) || /^<(?:rss|feed)\b/u.test(start)) return 'feed';
  if (declared) return declared;
  if (input.contentType === 'text/xml' || input.contentType === 'application/xml') return undefined;
  return input.name === undefined && input.contentType === undefined ? 'text' : undefined;
}

/** The article in a page or file. @throws ExtractError with one line saying why there is none. */
export async function extractArticle(input: ExtractInput): Promise<ExtractedArticle> {
  const kind = fileKind(input);
  const withSource = (article: ExtractedArticle): ExtractedArticle => (input.url ? { ...article, sources: [input.url] } : article);
  switch (kind) {
    case 'html':
      return htmlArticle(decode(input), input.url);
    case 'text':
    case 'markdown':
      return withSource(textArticle(decode(input), { markdown: kind === 'markdown' }));
    case 'docx': {
      const { docxArticle } = await import('./docx.js');
      return withSource(await docxArticle(input.bytes));
    }
    case 'pdf': {
      const { pdfArticle } = await import('./pdf.js');
      return withSource(await pdfArticle(input.bytes));
    }
    case 'feed':
      throw new ExtractError('that is a news feed, not an article (an operator can follow it with KNOWLEDGE_FEEDS)');
    default: {
      const extension = /\.([a-z0-9]+)$/iu.exec(input.name ?? '')?.[1];
      throw new ExtractError(`I can read ${SUPPORTED_FILES} files${extension ? `, not .${extension.toLowerCase()}` : input.contentType ? `, not ${input.contentType}` : ''}`);
    }
  }
}

// Text in the charset the server declared (or the page's <meta charset>), else UTF-8; bad bytes become U+FFFD.
function decode({ bytes, charset }: ExtractInput): string {
  const declared = charset ?? /<meta[^>]+charset=["']?([\w-]+)/iu.exec(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
