// Block Kit rendering: escaping, Slack's limits, and what each reply shows.
import { describe, expect, it } from 'vitest';
import { NO_ANSWER_TEXT, NOT_SURE_TEXT, openAnswerEngine, type Answer } from '../../src/answers/index.js';
import { answerMessage } from '../../src/slack/format/answer-message.js';
import { escapeText } from '../../src/slack/format/escape.js';
import { helpMessage } from '../../src/slack/format/help-message.js';
import { decodeShareValue, encodeShareValue } from '../../src/slack/format/share-value.js';
import { SLACK_LIMITS, withinLimits } from '../../src/slack/format/slack-message.js';
import { section } from '../../src/slack/format/blocks.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const engine = openAnswerEngine(KNOWLEDGE_DIR, { lexicon });

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

  it('says so plainly when not covered, with no quote, no passage and a pointer to help', () => {
    const message = answerMessage(engine.answer('When is the offsite?'));
    expect(message.text).toMatch(/^Not in the briefing/);
    const json = JSON.stringify(message.blocks);
    expect(json).not.toContain('>');
    expect(json).toContain('/briefing help');
    expect(json).not.toContain('feedback_buttons');
  });

  // A reply made by hand for each outcome, so that what is shown does not hang on the fitted weights.
  const declined = (outcome: 'not-sure' | 'not-covered', titles: string[]): Answer => ({
    answered: false,
    outcome,
    confidence: outcome === 'not-sure' ? 0.45 : 0.1,
    trace: [],
    question: 'what will the pipeline cost',
    answer: outcome === 'not-sure' ? NOT_SURE_TEXT : NO_ANSWER_TEXT,
    reason: outcome,
    suggestions: titles.map((title, i) => ({ text: `Opening of passage ${i + 1}.`, passageId: `d${i}#p${i + 3}`, kind: 'paragraph', location: `paragraph ${i + 3}`, title })),
    matchedWords: ['pipeline', 'cost'],
    unmatchedWords: [],
  });

  it('calls paragraphs offered when not covered the closest in the briefing, each with where it is', () => {
    const message = answerMessage(declined('not-covered', ['Pipeline plan', 'Pipeline plan']));
    expect(message.text).toContain('Closest in the briefing:');
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('*Closest in the briefing:*');
    expect(json).toContain('Opening of passage 1. _(paragraph 3)_');
    expect(json).not.toContain('/briefing help');
  });

  it('shows the candidates when not sure, best first, none quoted as the answer and with no 👍/👎', () => {
    const message = answerMessage(declined('not-sure', ['Pipeline plan', 'Budget vote']));
    expect(message.text).toMatch(/^Not sure: /);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain("I'm not sure the briefing answers that");
    expect(json).toContain('*It may be one of these:*');
    // From two articles: each candidate names its article too.
    expect(json.indexOf('Opening of passage 1. _(paragraph 3, Pipeline plan)_')).toBeLessThan(json.indexOf('Opening of passage 2. _(paragraph 4, Budget vote)_'));
    expect(json).not.toContain('Source:');
    expect(json).not.toContain('&gt;Opening');
    expect(json).not.toContain('feedback_buttons');
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
