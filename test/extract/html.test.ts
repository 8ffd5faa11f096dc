// News pages to articles: the story's paragraphs, headline and date, without the page's furniture; checked on pages
// written (with their expectations) by someone who had not read the extractor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, fileKind, htmlArticle } from '../../src/extract/index.js';
import { FIXTURES } from '../helpers/page-server.js';

interface Expected {
  title: string;
  date: string | null;
  paragraphs: string[];
  boilerplate: string[];
}

const expected = JSON.parse(readFileSync(join(FIXTURES, 'pages/expected.json'), 'utf8')) as Record<string, Expected>;
const page = (name: string): string => readFileSync(join(FIXTURES, 'pages', name), 'utf8');

describe.each(Object.entries(expected))('%s', (name, want) => {
  const article = htmlArticle(page(name), `https://news.example/${name}`);

  it('has exactly the story’s paragraphs, in order', () => {
    expect(article.paragraphs).toEqual(want.paragraphs);
  });

  it('has none of the page’s furniture (navigation, share links, related stories, banners)', () => {
    const text = [article.title, ...article.paragraphs].join('\n');
    expect(want.boilerplate.filter((b) => text.includes(b))).toEqual([]);
  });

  it('has the headline and the publication date from the page’s metadata', () => {
    expect(article.title).toBe(want.title);
    expect(article.date).toBe(want.date ?? undefined);
    expect(article.sources).toEqual([`https://news.example/${name}`]);
  });
});

describe('a page that is not an article', () => {
  it('a front page of teasers is refused', () => {
    expect(() => htmlArticle(page('no-article.html'))).toThrow('no article text found on that page');
  });

  it('an empty page and a page of one short paragraph are refused', () => {
    expect(() => htmlArticle('<html><body></body></html>')).toThrow('no article text found on that page');
    expect(() => htmlArticle('<html><body><p>Short notice: the office is closed today.</p></body></html>')).toThrow('no article text found on that page');
  });
});

describe('which reader a file needs', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  it.each([
    [{ bytes: bytes('%PDF-1.4 …'), name: 'x.bin' }, 'pdf'],
    [{ bytes: bytes('PK\u0003\u0004…'), name: 'story.docx' }, 'docx'],
    [{ bytes: bytes('PK\u0003\u0004…'), name: 'sheet.xlsx' }, undefined],
    [{ bytes: bytes('<!DOCTYPE html><html>'), name: 'page.txt' }, 'html'],
    [{ bytes: bytes('Title: A\n\nText.'), name: 'a.md' }, 'markdown'],
    [{ bytes: bytes('Just text.'), name: 'a.txt' }, 'text'],
    [{ bytes: bytes('Just text.'), contentType: 'text/plain' }, 'text'],
    [{ bytes: bytes('<?xml version="1.0"?><rss version="2.0">'), contentType: 'text/xml' }, 'feed'],
    [{ bytes: bytes('GIF89a'), name: 'cat.gif' }, undefined],
  ])('%o → %s', (input, kind) => {
    expect(fileKind(input)).toBe(kind);
  });

  it('says which files it reads when given another', async () => {
    await expect(extractArticle({ bytes: new Uint8Array([1, 2, 3]), name: 'budget.xlsx' })).rejects.toThrow('I can read .txt, .md, .html, .docx and .pdf files, not .xlsx');
  });

  it('a text file in the knowledge format keeps its title, date, FAQ and sources', async () => {
    const text = 'Title: Pier to reopen\nDate: 2026-11-02\n\nThe pier reopens in March after repairs costing $4 million.\n\nFAQ:\nQ: When does it reopen?\nA: In March.\n\nSources:\n- harbour.example\n';
    const article = await extractArticle({ bytes: new TextEncoder().encode(text), name: 'pier.txt' });
    expect(article).toEqual({
      title: 'Pier to reopen',
      date: '2026-11-02',
      paragraphs: ['The pier reopens in March after repairs costing $4 million.'],
      faq: [{ question: 'When does it reopen?', answer: 'In March.' }],
      sources: ['harbour.example'],
    });
  });

  it('Markdown loses its marks: subheadings, emphasis and link targets', async () => {
    const text = '# Pier to reopen\n\n## Background\n\nThe **pier** reopens in _March_, says the [council](https://council.example/pier).\n';
    const article = await extractArticle({ bytes: new TextEncoder().encode(text), name: 'pier.md' });
    expect(article.title).toBe('Pier to reopen');
    expect(article.paragraphs).toEqual(['The pier reopens in March, says the council.']);
  });
});
