// Word and PDF files an editor shares come back as the title and paragraphs they were written with.
import { describe, expect, it } from 'vitest';
import { docxArticle } from '../../src/extract/docx.js';
import { ExtractError } from '../../src/extract/extract-error.js';
import { pdfArticle } from '../../src/extract/pdf.js';
import { makeDocx } from '../helpers/make-docx.js';
import { makeImageOnlyPdf, makePdf } from '../helpers/make-pdf.js';
import { seededRandom } from '../helpers/seeded-random.js';

const TITLE = 'Harbour town votes to close its “last working pier” after storm damage';
const STORY = [
  'Councillors in Port Aldwin voted 7 to 2 on Tuesday night to close the town’s 140-year-old fishing pier, ending weeks of argument over whether the storm-battered structure could be saved.',
  '“We did not come into this lightly,” said Mayor Helen Okafor, who cast the deciding vote. “But an engineer has told us, in writing, that the pier could fail under a loaded truck.”',
  'The pier (known locally as the Long Stage) lost three of its timber piles in the February storm, when waves of more than six metres struck the harbour wall and flooded the lower market.',
  'The engineering report, commissioned by the council in March and published on its website last week, found rot in 41 of the 118 remaining piles, corrosion in the steel deck beams, and a crack running most of the length of the concrete apron where lorries unload. It estimated that a full repair would cost £4.8 million and take two summers, during which the pier would be closed anyway, and warned that “no temporary propping scheme can be certified as safe for vehicle loads”. The council’s own reserves stand at about £1.1 million.',
  'Fishermen packed the public gallery. Several held signs reading “No pier, no port”, and one, Daniel Marsh, told councillors that 23 boats land their catch there (most of it crab and lobster bound for markets inland).',
  '“Where are we meant to go? The nearest working quay is an hour’s steam away, and the fuel alone will finish some of us,” Marsh said.',
  'The council said it would apply to the regional coastal fund for a grant towards a smaller replacement jetty, and would keep the slipway open for small boats in the meantime.',
  'Opposition councillor Ruth Evans, who voted against closure, said the decision had been rushed. “We have had one report, from one firm, and nobody has asked what a partial repair would cost,” she said.',
  'A spokesperson for the harbour authority said the pier would be fenced off from Friday, with the fuel pump and ice plant moved to the slipway car park by the end of the month.',
  'Tourism businesses are also worried. The pier is the starting point for seal-watching trips and the summer ferry to Gull Island, which carried 31,000 passengers last year, according to the operator.',
  'Sarah Lindqvist, who runs the ferry with her brother, said she had been told the service could move to the slipway “if the tides allow”, which she described as “about half the time, on a good week”.',
  'Engineers from the firm that wrote the report, Coastline Structures Ltd, will meet boat owners on Monday to explain its findings. The company declined to comment before that meeting.',
  'The pier was built in 1884 with money raised by local herring merchants and was last rebuilt in part after a fire in 1961. It was listed as a structure of local interest in 2009, a status that does not prevent its demolition.',
  'The council will hold a public meeting on the replacement jetty on 14 June at the Seafarers’ Hall.',
];

async function extractError(promise: Promise<unknown>): Promise<ExtractError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExtractError);
  return error as ExtractError;
}

function randomBytes(length: number): Uint8Array {
  const random = seededRandom(20_240_611);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

const TEXT_FILE = new TextEncoder().encode('Notes for the pier story\n\nCall the harbour master before noon.\n');

describe('docxArticle', () => {
  it('reads the title and every paragraph of a Word document', async () => {
    expect(await docxArticle(makeDocx(STORY, { title: TITLE }))).toEqual({ title: TITLE, paragraphs: STORY });
  });

  it('has no title without a Title paragraph, and collapses whitespace, decodes entities and drops empty paragraphs', async () => {
    const article = await docxArticle(makeDocx(['  Fees rise \t by 5% & <more>  ', ' ', 'Tickets cost "£3.50".']));
    expect(article).toEqual({ paragraphs: ['Fees rise by 5% & <more>', 'Tickets cost "£3.50".'] });
  });

  it('says so when the document has no paragraphs', async () => {
    expect((await extractError(docxArticle(makeDocx([])))).message).toBe('no text found in that Word document');
    expect((await extractError(docxArticle(makeDocx(['', '  '], { title: TITLE })))).message).toBe('no text found in that Word document');
  });

  it.each([
    ['random bytes', randomBytes(4096)],
    ['a text file', TEXT_FILE],
    ['a PDF', makePdf(STORY)],
  ])('says %s is not a readable Word document', async (_name, bytes) => {
    expect((await extractError(docxArticle(bytes))).message).toBe('that file is not a readable Word document');
  });
});

describe('pdfArticle', () => {
  it('rebuilds the paragraphs of a two-page PDF and reads its title', async () => {
    const pdf = makePdf(STORY, { title: TITLE });
    expect(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]).toBe('2');
    expect(await pdfArticle(pdf)).toEqual({ title: TITLE, paragraphs: STORY });
  });

  it('joins a paragraph that runs over a page break mid-sentence, and splits at one after a full stop', async () => {
    const pages = makePdf(STORY, { pageHeight: 260 });
    expect(Number(/\/Count (\d+)/.exec(pages.toString('latin1'))?.[1])).toBeGreaterThan(6);
    expect(await pdfArticle(pages)).toEqual({ paragraphs: STORY });
  });

  it('joins a word hyphenated across a line break and keeps the caller’s bytes intact', async () => {
    const bytes = new Uint8Array(makePdf(['The committee’s recom-\nmendation, due in May, was delayed.', 'A short second paragraph.']));
    const copy = bytes.slice();
    const article = await pdfArticle(bytes);
    expect(article.paragraphs).toEqual(['The committee’s recommendation, due in May, was delayed.', 'A short second paragraph.']);
    expect(bytes).toEqual(copy);
  });

  it('splits one-line paragraphs too', async () => {
    const lines = ['Roads closed: Quay Street.', 'Buses diverted via the bypass.', 'Ferry runs as normal.'];
    expect((await pdfArticle(makePdf(lines))).paragraphs).toEqual(lines);
  });

  it('reads no more than 200 pages', async () => {
    const items = Array.from({ length: 260 }, (_, i) => `Item ${i + 1} on the agenda.`);
    const pdf = makePdf(items, { pageHeight: 160 });
    expect(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]).toBe('260');
    expect((await pdfArticle(pdf)).paragraphs).toEqual(items.slice(0, 200));
  });

  it('drops a first paragraph that repeats the title', async () => {
    expect(await pdfArticle(makePdf([TITLE, ...STORY.slice(0, 2)], { title: TITLE }))).toEqual({ title: TITLE, paragraphs: STORY.slice(0, 2) });
  });

  it('says an image-only PDF has no text layer', async () => {
    expect((await extractError(pdfArticle(makeImageOnlyPdf()))).message).toBe('the PDF has no text layer');
  });

  it.each([
    ['random bytes', randomBytes(4096)],
    ['a text file', TEXT_FILE],
    ['an empty file', new Uint8Array(0)],
    ['a Word document', makeDocx(STORY)],
    ['a cut-off PDF', makePdf(STORY).subarray(0, 400)],
  ])('says %s is not a readable PDF', async (_name, bytes) => {
    expect((await extractError(pdfArticle(bytes))).message).toBe('that file is not a readable PDF');
  });
});
