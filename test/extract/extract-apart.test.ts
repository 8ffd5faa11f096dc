// Reading untrusted input apart: the article comes back from the child; a file too large to unpack or too slow to
// read is refused in one line, and the bot's own process is untouched.
import { describe, expect, it } from 'vitest';
import { extractApart } from '../../src/extract/index.js';
import { makeDocx } from '../helpers/make-docx.js';

describe('extractApart', () => {
  it('reads a file in a child process and gives back its article', async () => {
    const bytes = makeDocx(['The county will open two new libraries next year, paid for by a bequest of $8 million from a retired teacher.'], { title: 'Two new libraries' });
    await expect(extractApart({ bytes, name: 'libraries.docx' })).resolves.toEqual({ title: 'Two new libraries', paragraphs: ['The county will open two new libraries next year, paid for by a bequest of $8 million from a retired teacher.'] });
  }, 30_000);

  it('says why there is no article, as the reader does', async () => {
    await expect(extractApart({ bytes: new Uint8Array([1, 2, 3]), name: 'budget.xlsx' })).rejects.toThrow('I can read .txt, .md, .html, .docx and .pdf files, not .xlsx');
  }, 30_000);

  it('a small file that unpacks into more than the reader may hold is refused, not followed', async () => {
    // About 60 MB of text, deflated to well under a megabyte: a compressed bomb in miniature.
    const bomb = makeDocx(Array.from({ length: 3_000 }, () => 'x'.repeat(20_000)));
    expect(bomb.byteLength).toBeLessThan(1_048_576);
    await expect(extractApart({ bytes: bomb, name: 'bomb.docx' }, { maxHeapMb: 64 })).rejects.toThrow('it is too large or too complex to read');
  }, 60_000);

  it('a reader that takes too long is stopped', async () => {
    const bytes = makeDocx(['A short story that would be read in time by a reader given enough of it.']);
    await expect(extractApart({ bytes, name: 'slow.docx' }, { timeoutMs: 50 })).rejects.toThrow('reading it took longer than 0.05 s');
  });
});
