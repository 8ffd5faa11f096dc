// The summary of the seed: covers the story's threads, is deterministic, concise, and within Block Kit limits.
import { describe, expect, it } from 'vitest';
import { fromDocuments, loadKnowledge, parseDocument } from '../../src/knowledge/index.js';
import { summaryMessage } from '../../src/slack/format/summary-message.js';
import { SLACK_LIMITS } from '../../src/slack/format/slack-message.js';
import { buildSummary, pickLead, summaryText } from '../../src/summary/index.js';
import { KNOWLEDGE_DIR, SEED_FILE, SEED_TEXT } from '../helpers/seed.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const summary = buildSummary(knowledge);

describe('buildSummary on the seed article', () => {
  it('has a headline, 4 to 6 key points, the FAQ as prompts and the source', () => {
    expect(summary.headline).toBe('Chinese President Xi Jinping will welcome Russian President Vladimir Putin on his visit to Beijing this week.');
    expect(summary.keyPoints.length).toBeGreaterThanOrEqual(4);
    expect(summary.keyPoints.length).toBeLessThanOrEqual(6);
    expect(summary.askMe).toHaveLength(3);
    expect(summary.source).toBe('apnews.com');
  });

  it('quotes whole sentences from the article, in article order', () => {
    for (const point of summary.keyPoints) expect(SEED_TEXT).toContain(point.text);
    const paragraphs = summary.keyPoints.map((p) => p.paragraph);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    expect(summary.keyPoints.every((p) => /[.!?”]$/u.test(p.text))).toBe(true);
  });

  it('covers the main threads, not just the opening paragraphs', () => {
    const text = summary.keyPoints.map((p) => p.text).join(' ');
    expect(text).toMatch(/visit/);
    expect(text).toMatch(/Belt and Road/);
    expect(text).toMatch(/financial|currenc|payment|energy/);
    expect(text).toMatch(/defen[cs]e|military/);
    expect(text).toMatch(/Ukraine/);
    expect(Math.max(...summary.keyPoints.map((p) => p.paragraph))).toBeGreaterThanOrEqual(5);
  });

  it('is deterministic', () => {
    expect(buildSummary(loadKnowledge(KNOWLEDGE_DIR))).toEqual(summary);
  });

  it('stays concise: the plain text is under 1,800 characters', () => {
    expect(summaryText(summary).length).toBeLessThan(1_800);
    expect(summaryMessage(summary).text.length).toBeLessThan(1_800);
  });

  it('renders within Block Kit limits, with a header, bullets and a source line', () => {
    const message = summaryMessage(summary);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expect(JSON.stringify(message.blocks)).toContain('• Furthermore, Putin’s visit');
    expect(message.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: 'Source: apnews.com' }] });
    for (const block of message.blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    }
  });
});

describe('pickLead', () => {
  const older = { ...parseDocument('Title: Older\nDate: 2026-01-01\n\nOld news.', 'a-older.txt') };
  const newer = { ...parseDocument('Title: Newer\nDate: 2026-02-01\n\nNew news.', 'b-newer.txt') };
  const seed = { ...parseDocument(SEED_TEXT, SEED_FILE), modified: '2026-03-01T00:00:00.000Z' };

  it('leads with the newest document by its Date: line', () => {
    expect(pickLead(fromDocuments([newer, older])).file).toBe('b-newer.txt');
  });

  it('leads with the configured document when one is named', () => {
    expect(pickLead(fromDocuments([newer, older, seed]), 'a-older.txt').title).toBe('Older');
    expect(() => pickLead(fromDocuments([older]), 'missing.txt')).toThrow(/no knowledge file named "missing.txt"/);
  });
});
