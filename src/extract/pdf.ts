// Reads a PDF an editor shared as an article: its title and its text rebuilt into paragraphs.
import { getDocumentProxy } from 'unpdf';
import { ExtractError } from './extract-error.js';

/** Pages read at most; a longer file is cut there rather than tying the bot up. */
const MAX_PAGES = 200;
/** Most characters of text read: an article is far shorter; past this the reading stops (pages sharing one huge stream). */
const MAX_TEXT_CHARS = 2_000_000;
/** pdf.js prints its warnings to standard output unless told to report errors only (its VerbosityLevel.ERRORS). */
const ERRORS_ONLY = 0;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;
/** The part of a pdf.js text item read here; marked-content items have no `str`. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}
interface Line {
  text: string;
  page: number;
  /** Baseline height on the page (PDF y grows upwards) and font size, in points. */
  y: number;
  size: number;
  /** Where the last text put on the line ends, to tell touching items from ones a space apart. */
  end: number;
}

/** The lines of one page's text items, in reading order: items on one baseline joined, a new line at `hasEOL` or a baseline change. */
function pageLines(items: readonly object[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let broken = true;
  for (const item of items) {
    if (!('str' in item)) continue;
    const { str, transform, width, height, hasEOL } = item as TextItem;
    const [, , c = 0, d = 0, x = 0, y = 0] = transform;
    const size = height || Math.hypot(c, d) || 1;
    if (!str.trim()) {
      if (current && !broken) current.text += ' ';
      broken ||= hasEOL;
      continue;
    }
    if (current && !broken && Math.abs(y - current.y) < size / 2) {
      const noSpace = /\s$/.test(current.text) || /^\s/.test(str) || x - current.end < size * 0.15;
      current.text += noSpace ? str : ` ${str}`;
      current.end = x + width;
    } else {
      current = { text: str, page, y, size, end: x + width };
      lines.push(current);
    }
    broken = hasEOL;
  }
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)] ?? 0;
}

/**
 * Lines grouped into paragraphs. A paragraph ends where the drop to the next line is over 1.5× the usual line
 * spacing (the lower quartile of drops, which still finds line spacing when many paragraphs are one line long;
 * capped at 1.6× the font size so a document of one-line paragraphs splits too), where the text goes back up the
 * page or changes size, and at a page break after a line ending a sentence.
 */
function paragraphsOf(lines: Line[]): string[] {
  const drops = lines.slice(1).flatMap((line, i) => {
    const prev = lines[i];
    return prev && prev.page === line.page && prev.y > line.y ? [prev.y - line.y] : [];
  });
  const sizes = lines.map((line) => line.size);
  const spacing = Math.min(quantile(drops, 0.25) || Infinity, 1.6 * quantile(sizes, 0.5));
  const paragraphs: string[] = [];
  let text = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const starts =
      !prev ||
      (prev.page === line.page
        ? prev.y - line.y > 1.5 * spacing || line.y >= prev.y || Math.abs(line.size - prev.size) > 0.2 * prev.size
        : SENTENCE_END.test(prev.text));
    if (starts) {
      if (text) paragraphs.push(text);
      text = line.text;
    } else if (/\p{L}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(line.text)) {
      text = text.slice(0, -1) + line.text;
    } else text = `${text} ${line.text}`;
  });
  if (text) paragraphs.push(text);
  return paragraphs;
}

async function titleOf(pdf: Pdf): Promise<string | undefined> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
  const title = (info as { Title?: unknown }).Title;
  return typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/**
 * The article in a PDF: its text layer rebuilt into paragraphs (lines joined with a space, a word hyphenated
 * across a line break joined up) from at most the first 200 pages, titled by the document info `/Title` if any.
 * A first paragraph repeating that title is dropped. Throws an {@link ExtractError} when the file is not
 * a readable PDF or has no text layer (an image-only scan).
 */
export async function pdfArticle(bytes: Uint8Array): Promise<{ title?: string; paragraphs: string[] }> {
  let pdf: Pdf;
  try {
    // A copy: pdf.js takes over (detaches) the buffer it is handed, and refuses a Node Buffer outright.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: ERRORS_ONLY });
  } catch {
    throw new ExtractError('that file is not a readable PDF');
  }
  try {
    const lines: Line[] = [];
    let chars = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES) && chars < MAX_TEXT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const read = pageLines((await page.getTextContent()).items, n);
      for (const line of read) chars += line.text.length;
      lines.push(...read);
      page.cleanup();
    }
    if (lines.length === 0) throw new ExtractError('the PDF has no text layer');
    const title = await titleOf(pdf);
    const paragraphs = paragraphsOf(lines);
    if (title !== undefined && paragraphs.length > 1 && paragraphs[0] === title) paragraphs.shift();
    return title === undefined ? { paragraphs } : { title, paragraphs };
  } catch (error) {
    throw error instanceof ExtractError ? error : new ExtractError('that file is not a readable PDF');
  } finally {
    await pdf.destroy();
  }
}
