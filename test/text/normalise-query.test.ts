import { describe, expect, it } from 'vitest';
import { expandShorthand, MAX_QUESTION_LENGTH, normaliseQuery } from '../../src/answers/index.js';

describe('normaliseQuery', () => {
  it('drops user, special and user-group mentions', () => {
    expect(normaliseQuery('<@U0LAN0Z89> what about <!here> the <!subteam^S123|@team> arctic <@U1|bob>?')).toBe(
      'what about the arctic ?',
    );
  });

  it('keeps channel names and link labels, drops bare links', () => {
    expect(normaliseQuery('see <#C123|general> and <https://apnews.com|the AP story> or <https://x.y>')).toBe(
      'see general and the AP story or',
    );
  });

  it('drops emoji codes, including skin tones', () => {
    expect(normaliseQuery(':wave: hi :+1::skin-tone-2: belt and road :flag-cn:')).toBe('hi belt and road');
  });

  it('decodes the three entities Slack escapes', () => {
    expect(normaliseQuery('belt &amp; road &lt;3 &gt; all')).toBe('belt & road <3 > all');
  });

  it('caps a 40 KB message at the maximum length, at a word boundary', () => {
    const long = 'sanctions '.repeat(4_000);
    const cleaned = normaliseQuery(long);
    expect(cleaned.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(cleaned.endsWith('sanctions')).toBe(true);
  });

  it('reads chat shorthand typed as a word of its own, and leaves other words as typed', () => {
    expect(expandShorthand('hw many ppl r sick?')).toBe('how many people are sick?');
    expect(expandShorthand('whats the plan b4 the vote, u think')).toBe('what is the plan before the vote, you think');
    expect(expandShorthand('r&d spend and/or HW costs')).toBe('r&d spend and/or HW costs');
    expect(normaliseQuery('whats the BRI')).toBe('whats the BRI');
  });

  it('drops a greeting or "quick q:" before the question, and keeps words that are part of it', () => {
    expect(expandShorthand('hey team - quick question: when is the vote')).toBe('when is the vote');
    expect(expandShorthand('can you tell me who won')).toBe('who won');
    expect(expandShorthand('so far how many died')).toBe('so far how many died');
    expect(expandShorthand('question about the deal')).toBe('question about the deal');
    expect(expandShorthand('hi')).toBe('hi');
  });

  it('reads a shouted question in lower case, and a row of acronyms as typed', () => {
    expect(expandShorthand('HW MANY PPL WORK AT ARDENT')).toBe('how many people work at ardent');
    expect(expandShorthand('WHO said what about the ICC?')).toBe('WHO said what about the ICC?');
    expect(expandShorthand('ICC ECB')).toBe('ICC ECB');
  });

  it('reads amounts as typed in chat', () => {
    expect(expandShorthand('a 600k loan, a 1.4bn deal, a $2m fine')).toBe('a 600,000 loan, a 1.4 billion deal, a $2 million fine');
  });
});
