// Block Kit rendering: escaping, Slack's limits, and what each reply shows.
import { describe, expect, it } from 'vitest';
import { openAnswerEngine, type Answer } from '../../src/answers/index.js';
import { answerMessage } from '../../src/slack/format/answer-message.js';
import { escapeText } from '../../src/slack/format/escape.js';
import { helpMessage } from '../../src/slack/format/help-message.js';
import { decodeShareValue, encodeShareValue } from '../../src/slack/format/share-value.js';
import { SLACK_LIMITS, withinLimits } from '../../src/slack/format/slack-message.js';
import { section } from '../../src/slack/format/blocks.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';

const engine = openAnswerEngine(KNOWLEDGE_DIR);

describe('escapeText', () => {
  it('escapes &, < and > only, so control sequences cannot survive', () => {
    expect(escapeText('<!channel> & <@U1> *bold*')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; *bold*');
  });
});

describe('withinLimits', () => {
  it('cuts section text, the fallback and the number of blocks to Slack’s limits', () => {
    const long = 'word '.repeat(2_000);
    const message = withinLimits({ text: long, blocks: Array.from({ length: 60 }, () => section(long)) });
    expect(message.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    for (const block of message.blocks) {
      expect(block.type === 'section' && (block.text?.text.length ?? 0) <= SLACK_LIMITS.sectionText).toBe(true);
    }
    expect(message.text.endsWith('…')).toBe(true);
  });
});

describe('answerMessage', () => {
  it('quotes the answer, cites the source and suggests related passages', () => {
    const message = answerMessage(engine.answer('whats the BRI'));
    const json = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'section', text: { text: expect.stringMatching(/^>The Belt and Road initiative/) } });
    expect(json).toContain('FAQ 1 (“What is the Belt and Road initiative?”) · apnews.com');
    expect(json).toContain('Related in the briefing');
    expect(message.text).toMatch(/^“The Belt and Road initiative.*apnews\.com\)$/);
  });

  it('echoes the question escaped, and adds the Share button when asked to', () => {
    const answer: Answer = { ...engine.answer('what about the arctic'), question: '<!here> arctic & ice' };
    const message = answerMessage(answer, { echoQuestion: true, shareable: true });
    expect(message.blocks[0]).toMatchObject({ text: { text: 'You asked: *&lt;!here&gt; arctic &amp; ice*' } });
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(true);
    // Button values carry the question as asked; what is shown is escaped.
    const shown = JSON.stringify([message.text, message.blocks.filter((b) => b.type !== 'actions' && b.type !== 'context_actions')]);
    expect(shown).not.toMatch(/<!here>/);
  });

  it('says so plainly when not answered, offering questions and no quote', () => {
    const message = answerMessage(engine.answer('When is the offsite?'));
    expect(message.text).toMatch(/^Not in the briefing/);
    expect(JSON.stringify(message.blocks)).not.toContain('>');
    expect(JSON.stringify(message.blocks)).toContain('You could ask');
  });

  it('calls paragraphs offered instead of an answer the closest in the briefing, not questions to ask', () => {
    const answer = engine.answer('what will the arctic pipeline cost');
    expect(answer.answered).toBe(false);
    expect(answer.suggestions.some((s) => s.kind === 'paragraph')).toBe(true);
    const message = answerMessage(answer);
    expect(message.text).toContain('Closest in the briefing:');
    expect(JSON.stringify(message.blocks)).toContain('*Closest in the briefing:*');
    expect(JSON.stringify(message.blocks)).not.toContain('You could ask');
  });
});

describe('share values', () => {
  it('round-trip, and anything else is rejected', () => {
    expect(decodeShareValue(encodeShareValue({ kind: 'answer', question: 'q?' }))).toEqual({ kind: 'answer', question: 'q?' });
    expect(decodeShareValue(encodeShareValue({ kind: 'summary' }))).toEqual({ kind: 'summary' });
    expect(decodeShareValue('click_me_123')).toBeUndefined();
    expect(decodeShareValue('{"kind":"answer"}')).toBeUndefined();
  });

  it('fit in a button value', () => {
    expect(encodeShareValue({ kind: 'answer', question: 'x'.repeat(5_000) }).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  });
});

describe('helpMessage', () => {
  it('says how to ask and gives the FAQ questions as examples', () => {
    const json = JSON.stringify(helpMessage(engine.knowledge));
    expect(json).toContain('/briefing &lt;question&gt;');
    expect(json).toContain('Mention me');
    expect(json).toContain('How does China support Russia economically?');
  });
});
