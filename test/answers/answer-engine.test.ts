import { describe, expect, it } from 'vitest';
import { createAnswerEngine, DECISION_DEFAULTS, MAX_ANSWER_LENGTH, openAnswerEngine } from '../../src/answers/index.js';
import { fromDocuments, parseDocument } from '../../src/knowledge/index.js';
import { KNOWLEDGE_DIR, SEED_TEXT } from '../helpers/seed.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const engine = openAnswerEngine(KNOWLEDGE_DIR, { lexicon });
/** Where the passage a reply puts first is: the one it quotes, or its first candidate when it is not sure. */
const location = (q: string): string | undefined => {
  const answer = engine.answer(q);
  return answer.source?.location ?? (answer.outcome === 'not-sure' ? answer.suggestions[0]?.location : undefined);
};

describe('the answer value', () => {
  it('quotes the FAQ answer, with document, entry and site, when the question matches an FAQ question', () => {
    const answer = engine.answer('What is the Belt and Road initiative?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/^The Belt and Road initiative is a significant development strategy/);
    expect(answer.source).toMatchObject({
      file: 'putin-visits-xi-in-beijing.txt',
      kind: 'faq',
      index: 1,
      location: 'FAQ 1',
      question: 'What is the Belt and Road initiative?',
      site: 'apnews.com',
    });
    expect(answer.source?.title).toMatch(/^Chinese President Xi Jinping/);
  });

  it('quotes a paragraph verbatim and suggests up to three other passages', () => {
    const answer = engine.answer('cooperation in the arctic');
    expect(answer.source?.location).toBe('paragraph 6');
    expect(SEED_TEXT).toContain(answer.answer);
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    expect(answer.suggestions.map((s) => s.passageId)).not.toContain(answer.source?.passageId);
  });

  it('says it does not know, and offers nothing, when nothing in the briefing comes close', () => {
    const answer = engine.answer('When is the offsite?');
    expect(answer).toMatchObject({ answered: false, outcome: 'not-covered', confidence: 0, suggestions: [] });
    expect(answer.source).toBeUndefined();
    expect(answer.answer).toMatch(/not covered in the briefing/);
  });

  it('when it declines, offers only passages that hold a word of the question, and only above the offer threshold', () => {
    const doc = parseDocument(
      [
        'The harbour board approved a new ferry terminal on Monday.',
        'Dredging of the channel will start in the spring, the board said.',
        'Fishing crews welcomed the plan but asked for a second slipway.',
        'FAQ:',
        'Q: Who runs the harbour?\nA: The harbour board, elected every three years.',
      ].join('\n\n'),
      'harbour.txt',
    );
    // Every question declined here; the closest passages offered whatever the best candidate's confidence.
    const declining = { ...DECISION_DEFAULTS, answerAt: 2, notSureAt: 2, offerAt: 0 };
    const harbour = createAnswerEngine(fromDocuments([doc]), { lexicon, decision: declining });
    const answer = harbour.answer('how much will the dredging cost the taxpayer');
    expect(answer).toMatchObject({ answered: false, outcome: 'not-covered', reason: 'not-covered' });
    // Only a passage that holds a word of the question itself is offered ("board" is not asked about).
    expect(answer.suggestions.map((s) => s.passageId)).toEqual(['harbour#p2']);
    expect(answer.suggestions[0]?.text).toBe('Dredging of the channel will start in the spring, the board said.');
    // A name the article never mentions: not answered, and the passages about the rest are still offered.
    const named = harbour.answer('will Vortexa Marine do the dredging');
    expect(named).toMatchObject({ answered: false, reason: 'unknown-name' });
    expect(named.suggestions.map((s) => s.passageId)).toEqual(['harbour#p2']);
    // Below the offer threshold nothing is offered.
    const strict = createAnswerEngine(fromDocuments([doc]), { lexicon, decision: { ...declining, offerAt: 2 } });
    expect(strict.answer('how much will the dredging cost the taxpayer').suggestions).toEqual([]);
  });

  it('never throws and never answers an empty or stop-word-only question', () => {
    for (const q of ['', '   ', '???', 'what is it', '<@U123>', ':wave:']) {
      expect(engine.answer(q)).toMatchObject({ answered: false, reason: 'empty' });
    }
  });

  it('keeps long passages within the answer limit by quoting their best sentences', () => {
    const long = `${'Filler sentence about nothing in particular here. '.repeat(30)}The glacier report covers walrus counts.`;
    const small = createAnswerEngine(fromDocuments([parseDocument(`${long}\n\nOther paragraph about ports.`, 'x.txt')]), { lexicon });
    const answer = small.answer('walrus glacier');
    expect(answer.answered).toBe(true);
    expect(answer.answer.length).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
    expect(answer.answer).toContain('The glacier report covers walrus counts.');
    expect(long).toContain(answer.answer);
  });

  it('answers a 40 KB message from its first part', () => {
    const answer = engine.answer('what about the arctic? '.repeat(1_800));
    expect(answer.question.length).toBeLessThanOrEqual(500);
    expect(location(answer.question)).toBe('paragraph 6');
    expect(engine.answer(`arctic ${'blah '.repeat(8_000)}`)).toMatchObject({ answered: false, reason: 'not-covered' });
  });
});

describe('words people use that the article does not', () => {
  it('stems (sanctioned / sanctions)', () => {
    expect(location('was russia sanctioned')).toBe('paragraph 8');
  });

  it('corrects typos in longer words', () => {
    expect(location('infrastucture developmnet')).toBe('paragraph 3');
  });

  it('completes prefixes', () => {
    expect(location('interop')).toBe('FAQ 2');
  });

  it('expands aliases from the knowledge folder, in any case', () => {
    expect(location('BRI')).toBe('FAQ 1');
    expect(location('bri')).toBe('FAQ 1');
    expect(location('what does the kremlin think of the icc')).toBe('paragraph 8');
  });

  it('does not use aliases the engine was not given', () => {
    const bare = createAnswerEngine(engine.knowledge, { lexicon });
    expect(location('what is obor')).toBe('FAQ 1');
    expect(bare.answer('what is obor').answered).toBe(false);
  });

  it('strips Slack markup before searching', () => {
    expect(location('<@U0BOT> <!channel> :flag-cn: *missile* defense?')).toBe('paragraph 6');
  });
});

describe('abstaining', () => {
  it('abstains on an unknown name even when the story’s names are there too', () => {
    expect(engine.answer('What did Xi tell Modi about Putin?')).toMatchObject({ answered: false, reason: 'unknown-name' });
    expect(engine.answer('How much did China pay Russia in 2023?')).toMatchObject({ answered: false, reason: 'unknown-name' });
  });

  it('abstains when most of what is asked is unknown', () => {
    const answer = engine.answer('what is the capital gains tax rate for freelance designers in china');
    expect(answer.answered).toBe(false);
    expect(answer.unmatchedWords.join(' ')).toMatch(/capital gains tax/);
  });
});

describe('the answer cache', () => {
  it('gives the same answer again without searching, keyed by the normalised question', () => {
    const cached = createAnswerEngine(engine.knowledge, { lexicon, cacheSize: 2 });
    const first = cached.answer('what about the arctic');
    expect(cached.answer('<@U1>   what about the arctic :snowflake:')).toBe(first);
  });

  it('forgets the least recently used answer beyond its size, and can be turned off', () => {
    const cached = createAnswerEngine(engine.knowledge, { lexicon, cacheSize: 2 });
    const arctic = cached.answer('arctic');
    cached.answer('sanctions');
    cached.answer('arctic');
    cached.answer('whats the BRI');
    expect(cached.answer('arctic')).toBe(arctic);
    const uncached = createAnswerEngine(engine.knowledge, { lexicon, cacheSize: 0 });
    expect(uncached.answer('arctic')).not.toBe(uncached.answer('arctic'));
    expect(uncached.answer('arctic')).toEqual(arctic);
  });
});
