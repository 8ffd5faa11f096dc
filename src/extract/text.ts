// A text or Markdown file: the knowledge format as it is (title, date, FAQ, sources kept), or plain paragraphs.
import { KnowledgeError, parseDocument } from '../knowledge/index.js';
import { ExtractError } from './extract-error.js';
import type { ExtractedArticle } from './types.js';

/** The article of a `.txt` or `.md` file's text. @throws ExtractError when it has no paragraphs. */
export function textArticle(text: string, { markdown = false } = {}): ExtractedArticle {
  const source = markdown ? plainMarkdown(text) : text;
  let document;
  try {
    document = parseDocument(source, 'shared-file.txt');
  } catch (error) {
    if (error instanceof KnowledgeError) throw new ExtractError(`the file does not read as an article (${error.message.replace(/^knowledge: [^:]+:(?:\d+:)? /u, '')})`);
    throw error;
  }
  const hasTitle = /^\s*(?:Title:\s*|#\s+)\S/mu.test(source.split(/\r?\n\s*\r?\n/u)[0] ?? '');
  return {
    ...(hasTitle ? { title: document.title } : {}),
    ...(document.date ? { date: document.date } : {}),
    paragraphs: document.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text),
    faq: document.passages.flatMap((p) => (p.kind === 'faq' && p.question ? [{ question: p.question, answer: p.text }] : [])),
    ...(document.sources.length > 0 ? { sources: document.sources } : {}),
  };
}

// Markdown's marks that are not words: subheadings dropped, emphasis and link targets removed (the `# Title` stays).
function plainMarkdown(text: string): string {
  return text
    .split(/\r?\n/u)
    .filter((line) => !/^\s*#{2,}\s/u.test(line) && !/^\s*(?:[-*_]\s*){3,}$/u.test(line) && !/^\s*!\[/u.test(line))
    .map((line) => line.replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1').replace(/(\*\*|__)(.+?)\1/gu, '$2').replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/gu, '$1$2'))
    .join('\n');
}
