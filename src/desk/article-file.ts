// An extracted article written in the knowledge format (Title:, Date:, paragraphs, FAQ:, Sources:), and its file name.
import { createHash } from 'node:crypto';
import { KnowledgeError, parseDocument, type KnowledgeDocument } from '../knowledge/index.js';
import type { ExtractedArticle } from '../extract/index.js';
import { ExtractError } from '../extract/index.js';

/** Longest file name stem made from a title. */
export const MAX_STEM_LENGTH = 60;

// Lines the knowledge format reads as headings: a paragraph that is only "FAQ" or "Sources" would start a section.
const SECTION_WORD = /^(?:#+\s*)?(?:FAQ|Sources?):?$/iu;

/** The article as the text of a knowledge file, checked by the knowledge parser. @throws ExtractError if it would not read back. */
export function articleText(article: ExtractedArticle, { date }: { date?: string } = {}): string {
  const paragraphs = article.paragraphs.map(oneLine).filter((p) => p && !SECTION_WORD.test(p));
  if (paragraphs.length === 0) throw new ExtractError('no article text found');
  const lines = [
    ...(article.title ? [`Title: ${oneLine(article.title)}`] : []),
    ...((article.date ?? date) ? [`Date: ${article.date ?? date}`] : []),
    ...(article.title || article.date || date ? [''] : []),
    ...paragraphs.flatMap((p) => [p, '']),
  ];
  const faq = (article.faq ?? []).filter((e) => oneLine(e.question) && oneLine(e.answer));
  if (faq.length > 0) lines.push('FAQ:', ...faq.flatMap((e) => [`Q: ${oneLine(e.question)}`, `A: ${oneLine(e.answer)}`, '']));
  const sources = (article.sources ?? []).map(oneLine).filter(Boolean);
  if (sources.length > 0) lines.push('Sources:', ...sources.map((s) => `- ${s}`), '');
  const text = lines.join('\n');
  try {
    parseDocument(text, 'new-article.txt');
  } catch (error) {
    if (error instanceof KnowledgeError) throw new ExtractError('the article could not be written in the knowledge format');
    throw error;
  }
  return text;
}

/** What tells one article's text from another's: its paragraphs, white space and case aside. */
export function bodyDigest(paragraphs: readonly string[]): string {
  return createHash('sha256').update(paragraphs.map((p) => oneLine(p).toLowerCase()).join('\n')).digest('hex');
}

/** The body digest of a document in service. */
export function documentBodyDigest(document: KnowledgeDocument): string {
  return bodyDigest(document.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text));
}

/** A file name for a title whose stem none of `taken` has (lower-case stems): `kebab-title.txt`, then `kebab-title-2.txt`… */
export function fileNameFor(title: string, taken: ReadonlySet<string>): string {
  const stem =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/['’]/gu, '')
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, MAX_STEM_LENGTH)
      .replace(/-[^-]*$/u, (tail) => (title.length > MAX_STEM_LENGTH ? '' : tail))
      .replace(/-+$/u, '') || 'article';
  for (let n = 1; ; n += 1) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}`;
    if (!taken.has(name)) return `${name}.txt`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
