// Builds small, valid PDF 1.4 files by hand for tests: word-wrapped Helvetica text pages, or shapes only.

const LEADING = 14;
const FONT_SIZE = 11;
const MARGIN = 72;
const LINE_CHARS = 80;
/** WinAnsiEncoding bytes for the typographic characters news copy uses that Latin-1 places elsewhere. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
};

/** `text` as WinAnsi bytes (held in a latin1 string) inside a PDF literal string, with `\`, `(` and `)` escaped. */
function pdfString(text: string): string {
  const bytes = [...text].map((ch) => {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (code > 0xff || (code >= 0x80 && code < 0xa0 && WIN_ANSI[ch] === undefined)) throw new Error(`makePdf cannot encode ${ch}`);
    return String.fromCharCode(code);
  });
  return `(${bytes.join('').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A document-info text string: literal when ASCII, else UTF-16BE hex with a byte-order mark. */
function infoString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return pdfString(text);
  const hex = [...text].flatMap((ch) => {
    const unit = Buffer.from(ch, 'utf16le').swap16();
    return [...unit].map((b) => b.toString(16).padStart(2, '0'));
  });
  return `<FEFF${hex.join('')}>`;
}

/** A paragraph word-wrapped to about 80 characters a line; a `\n` in it forces a line break (to set up a hyphenated one). */
function wrap(paragraph: string): string[] {
  return paragraph.split('\n').flatMap((part) => {
    const lines: string[] = [];
    let line = '';
    for (const word of part.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > LINE_CHARS) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return line ? [...lines, line] : lines;
  });
}

/**
 * A PDF file from numbered objects 1..n (bodies without `obj`/`endobj`), the catalog as object 1
 * and an optional info dictionary; the xref table holds each object's byte offset.
 */
function assemble(objects: string[], infoRef?: number): Buffer {
  const parts = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  const offsets: number[] = [];
  let length = Buffer.byteLength(parts[0] ?? '', 'latin1');
  objects.forEach((body, i) => {
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(length);
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  });
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  const info = infoRef === undefined ? '' : ` /Info ${infoRef} 0 R`;
  parts.push(
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows.join('')}`,
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info} >>\nstartxref\n${length}\n%%EOF\n`,
  );
  return Buffer.from(parts.join(''), 'latin1');
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/**
 * A text PDF of `paragraphs` in 11 pt Helvetica (WinAnsi): each wrapped to about 80 characters a line,
 * 14 pt leading, a blank line between paragraphs, new US-Letter-wide pages as the text runs down.
 * `options.title` goes only in the document info `/Title`; `options.pageHeight` (default 792) sets the page height.
 */
export function makePdf(paragraphs: string[], options: { title?: string; pageHeight?: number } = {}): Buffer {
  const height = options.pageHeight ?? 792;
  const pages: string[][] = [[]];
  let y = height - MARGIN;
  paragraphs.forEach((paragraph, p) => {
    if (p > 0) y -= LEADING;
    for (const line of wrap(paragraph)) {
      if (y < MARGIN) {
        pages.push([]);
        y = height - MARGIN;
      }
      pages.at(-1)?.push(`BT /F1 ${FONT_SIZE} Tf ${MARGIN} ${y} Td ${pdfString(line)} Tj ET`);
      y -= LEADING;
    }
  });
  const first = options.title === undefined ? 4 : 5;
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ...(options.title === undefined ? [] : [`<< /Title ${infoString(options.title)} /Producer (make-pdf test helper) >>`]),
    ...pages.flatMap((lines, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
      stream(lines.join('\n')),
    ]),
  ];
  return assemble(objects, options.title === undefined ? undefined : 4);
}

/** A valid one-page PDF that only paints filled rectangles, like a scan with no text layer. */
export function makeImageOnlyPdf(): Buffer {
  const content = ['0.85 0.85 0.85 rg 72 600 468 120 re f', '0.2 0.2 0.2 rg 72 560 300 12 re f', '72 540 420 12 re f'].join('\n');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents 4 0 R >>',
    stream(content),
  ]);
}
