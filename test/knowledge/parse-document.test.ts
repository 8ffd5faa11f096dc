import { describe, expect, it } from 'vitest';
import { KnowledgeError, parseDocument } from '../../src/knowledge/index.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';

describe('parseDocument on the seed article', () => {
  const doc = parseDocument(SEED_TEXT, SEED_FILE);

  it('finds eight paragraphs and three FAQ entries, keeping question and answer apart', () => {
    expect(doc.passages.filter((p) => p.kind === 'paragraph')).toHaveLength(8);
    const faq = doc.passages.filter((p) => p.kind === 'faq');
    expect(faq.map((p) => p.question)).toEqual([
      'What is the Belt and Road initiative?',
      'Will Russia and China form a military alliance?',
      'How does China support Russia economically?',
    ]);
    expect(faq[0]?.text).toMatch(/^The Belt and Road initiative is a significant development strategy/);
    expect(faq[0]?.text).not.toContain('Q:');
  });

  it('keeps text exactly as written, curly quotes and dashes included', () => {
    for (const p of doc.passages) expect(SEED_TEXT).toContain(p.text);
    expect(doc.passages[0]?.text.startsWith('TAIPEI, Taiwan (AP) — Chinese President')).toBe(true);
    expect(doc.passages[6]?.text).toContain('“no-limits” agreement');
  });

  it('reads the source line, the dateline and derives a short title', () => {
    expect(doc.sources).toEqual(['apnews.com']);
    expect(doc.dateline).toBe('TAIPEI, Taiwan (AP)');
    expect(doc.title.startsWith('Chinese President Xi Jinping will welcome Russian President Vladimir Putin')).toBe(true);
    expect(doc.title.length).toBeLessThanOrEqual(80);
  });

  it('numbers passages and records their lines', () => {
    expect(doc.passages.map((p) => p.id.split('#')[1])).toEqual([
      'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'faq1', 'faq2', 'faq3',
    ]);
    expect(doc.passages[1]?.line).toBe(3);
    expect(doc.passages[8]?.line).toBe(19);
  });
});

describe('parseDocument on other shapes', () => {
  it('takes a Title: line and a Date: line, joins wrapped lines, and accepts CRLF', () => {
    const doc = parseDocument('Title: A test\r\nDate: 2026-01-02\r\n\r\nFirst line\r\nwrapped.\r\n\r\nSecond.\r\n', 'a.txt');
    expect(doc.title).toBe('A test');
    expect(doc.date).toBe('2026-01-02');
    expect(doc.passages.map((p) => p.text)).toEqual(['First line wrapped.', 'Second.']);
    expect(doc.sources).toEqual([]);
  });

  it('takes a markdown heading as the title', () => {
    expect(parseDocument('# Heading here\n\nBody text.', 'b.md').title).toBe('Heading here');
  });
});

describe('parseDocument errors name the file and line', () => {
  const errorOf = (text: string): KnowledgeError => {
    try {
      parseDocument(text, 'bad.txt');
    } catch (error) {
      return error as KnowledgeError;
    }
    throw new Error('expected a KnowledgeError');
  };

  it('rejects a Q: without an A:', () => {
    const error = errorOf('Para.\n\nFAQ:\n\nQ: One?\n\nQ: Two?\nA: Yes.\n');
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error.message).toBe('knowledge: bad.txt:5: "Q:" has no "A:" after it');
  });

  it('rejects a final Q: without an A:', () => {
    expect(errorOf('Para.\n\nFAQ:\nQ: Dangling?\n').line).toBe(4);
  });

  it('rejects an A: without a Q:', () => {
    expect(errorOf('Para.\n\nFAQ:\nA: Orphan.\n').message).toContain('bad.txt:4: "A:" has no "Q:"');
  });

  it('rejects stray text in the FAQ', () => {
    expect(errorOf('Para.\n\nFAQ:\nJust words\n').message).toContain('bad.txt:4: expected "Q:" or "A:"');
  });

  it('rejects a file with no paragraphs, empty or FAQ-only', () => {
    expect(errorOf('').message).toContain('bad.txt: no paragraphs');
    expect(errorOf('\n\n  \n').message).toContain('no paragraphs');
    expect(errorOf('FAQ:\nQ: a?\nA: b.\n').message).toContain('no paragraphs');
  });
});
