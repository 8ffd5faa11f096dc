// Reads a Word (.docx) file an editor shared as an article: its title and its paragraphs of text.
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { ExtractError } from './extract-error.js';

/** Word's Title paragraph style is not in mammoth's default style map; it marks a document title as `h1`. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh'];
/** Images are dropped rather than inlined as base64 data URIs, which would only cost time and memory. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li';

interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}

const NESTED_BLOCK = /^(?:UL|OL|LI|P|H[1-6]|TABLE)$/;
/** Footnote and endnote back-links ("↑") that mammoth appends to each note. */
const BACK_LINKS = 'a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]';

/** The text of a block element, leaving out blocks nested in it (a sub-list, a footnote's paragraph): they are read on their own. */
function ownText(block: Node): string {
  const text = (node: Node): string =>
    node.nodeType === 3 ? (node.textContent ?? '') : NESTED_BLOCK.test(node.nodeName) ? ' ' : Array.from(node.childNodes, text).join('');
  return Array.from(block.childNodes, text).join('');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The article in a .docx: the first `h1` (Word's Title or Heading 1 style) as `title`, every other
 * paragraph, list item and heading as one paragraph each, whitespace collapsed, empty ones dropped.
 * Throws an {@link ExtractError} when the file is not a readable Word document or holds no text.
 */
export async function docxArticle(bytes: Uint8Array): Promise<{ title?: string; paragraphs: string[] }> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage: NO_IMAGES })).value;
  } catch {
    throw new ExtractError('that file is not a readable Word document');
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const link of document.querySelectorAll(BACK_LINKS)) link.remove();
  let title: string | undefined;
  const paragraphs: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    const text = collapse(ownText(element as unknown as Node));
    if (!text) continue;
    if (title === undefined && element.tagName === 'H1') title = text;
    else paragraphs.push(text);
  }
  if (paragraphs.length === 0) throw new ExtractError('no text found in that Word document');
  return title === undefined ? { paragraphs } : { title, paragraphs };
}
