// Parses one knowledge file's text into a document: body paragraphs, FAQ entries and sources.
import { splitDateline } from './dateline.js';
import { deriveTitle } from './derive-title.js';
import { KnowledgeError } from './knowledge-error.js';
import type { KnowledgeDocument, Passage } from './types.js';

const TITLE = /^(?:Title:\s*|#\s+)(.+)$/u;
const DATE = /^Date:\s*(\d{4}-\d{2}-\d{2})\s*$/u;
const FAQ_HEADING = /^(?:#+\s*)?FAQ:?\s*$/iu;
const SOURCES_HEADING = /^(?:#+\s*)?Sources?:?\s*$/iu;
const QUESTION = /^Q:\s*(.*)$/u;
const ANSWER = /^A:\s*(.*)$/u;
const BULLET = /^[-–—*•]\s*/u;

type Section = 'body' | 'faq' | 'sources';

interface OpenEntry {
  question: string;
  answer?: string;
  line: number;
}

/**
 * Parses the text of one knowledge file. `file` is its name (used in errors and ids).
 * Text is kept exactly as written; lines wrapped inside a paragraph are joined with a space.
 * @throws KnowledgeError naming the file and line when the text cannot be used.
 */
export function parseDocument(text: string, file: string): KnowledgeDocument {
  const id = file.replace(/\.[^.]+$/u, '');
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const paragraphs: { text: string; line: number }[] = [];
  const faq: OpenEntry[] = [];
  const sources: string[] = [];
  let title: string | undefined;
  let date: string | undefined;
  let section: Section = 'body';
  let open: { text: string; line: number } | undefined;
  let entry: OpenEntry | undefined;

  const closeParagraph = (): void => {
    if (open) paragraphs.push(open);
    open = undefined;
  };
  const closeEntry = (): void => {
    if (!entry) return;
    if (entry.answer === undefined) throw new KnowledgeError('"Q:" has no "A:" after it', file, entry.line);
    faq.push(entry);
    entry = undefined;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    const isHeader = paragraphs.length === 0 && !open && section === 'body';
    if (isHeader && !title && TITLE.test(line)) return void (title = TITLE.exec(line)?.[1]?.trim());
    if (isHeader && !date && DATE.test(line)) return void (date = DATE.exec(line)?.[1]);
    if (FAQ_HEADING.test(line)) {
      closeParagraph();
      closeEntry();
      section = 'faq';
      return;
    }
    if (SOURCES_HEADING.test(line)) {
      closeParagraph();
      closeEntry();
      section = 'sources';
      return;
    }
    if (section === 'sources') {
      if (line) sources.push(line.replace(BULLET, ''));
      return;
    }
    if (section === 'body') {
      if (!line) return closeParagraph();
      open = open ? { ...open, text: `${open.text} ${line}` } : { text: line, line: lineNo };
      return;
    }
    if (!line) return;
    const question = QUESTION.exec(line);
    if (question) {
      closeEntry();
      entry = { question: question[1] ?? '', line: lineNo };
      return;
    }
    const answer = ANSWER.exec(line);
    if (answer) {
      if (!entry) throw new KnowledgeError('"A:" has no "Q:" before it', file, lineNo);
      if (entry.answer !== undefined) throw new KnowledgeError('a second "A:" for one "Q:"', file, lineNo);
      entry.answer = answer[1] ?? '';
      return;
    }
    if (!entry) throw new KnowledgeError('expected "Q:" or "A:" in the FAQ section', file, lineNo);
    if (entry.answer === undefined) entry.question += ` ${line}`;
    else entry.answer += ` ${line}`;
  });
  closeParagraph();
  closeEntry();

  const first = paragraphs[0];
  if (!first) {
    throw new KnowledgeError('no paragraphs found (expected text paragraphs separated by blank lines)', file);
  }
  for (const e of faq) {
    if (!e.question.trim()) throw new KnowledgeError('"Q:" with no question', file, e.line);
    if (!e.answer?.trim()) throw new KnowledgeError('"A:" with no answer', file, e.line);
  }

  const passages: Passage[] = [
    ...paragraphs.map((p, i): Passage => ({
      id: `${id}#p${i + 1}`,
      docId: id,
      kind: 'paragraph',
      index: i + 1,
      text: p.text,
      line: p.line,
    })),
    ...faq.map((e, i): Passage => ({
      id: `${id}#faq${i + 1}`,
      docId: id,
      kind: 'faq',
      index: i + 1,
      text: e.answer ?? '',
      question: e.question,
      line: e.line,
    })),
  ];
  const { dateline } = splitDateline(first.text);
  return {
    id,
    file,
    title: title ?? deriveTitle(first.text),
    ...(dateline ? { dateline } : {}),
    ...(date ? { date } : {}),
    sources,
    passages,
  };
}
