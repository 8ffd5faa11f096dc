// The engine on an article it was never tuned on: general English bridges the reader's words and the article's.
import { describe, expect, it } from 'vitest';
import { createAnswerEngine, type Answer } from '../../src/answers/index.js';
import { fromDocuments, parseDocument } from '../../src/knowledge/index.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const FERRIES = `Title: Harbor council approves ferry purchase
Date: 2026-10-01

PORTLAND, Maine (Local Wire) — The city council voted on Tuesday to acquire two electric ferries for the harbor service, at a cost of $18 million. The ferries will begin service in March 2028.

The World Health Organization (WHO) has no role in the plan, the mayor noted, but the state environment agency praised the decision.

Ridership fell 12 percent last year as fuel prices rose, and the operator spent $2 million on repairs. Fares will rise in the third quarter of 2027.

The Harbor Transit Authority, also known as HarborLink, runs eleven routes across the bay.

FAQ:

Q: When will the new ferries start running?
A: The first electric ferry is due to enter service in March 2028.

Sources:

– example.com
`;

const ORCHARD = `Title: Orchard harvest hit by late frost

ALBANY, New York (Farm Wire) — A late frost destroyed a third of the apple harvest in the valley, growers said on Friday.

Growers expect apple prices to climb by autumn, and the county will offer emergency loans to farms.

Sources:

– example.org
`;

const BAKERY = `Title: Bakery chain changes hands\n\nLEEDS (Wire) — Crumb & Co, a chain of 40 bakeries, was sold to a rival on Monday.\n\nChief executive Dana Marlowe will leave after the sale, the company said.\n\nAn independent review will examine the accounts.\n`;

const ferries = createAnswerEngine(fromDocuments([parseDocument(FERRIES, 'ferries.txt')]), { lexicon, cacheSize: 0 });
const both = createAnswerEngine(fromDocuments([parseDocument(FERRIES, 'ferries.txt'), parseDocument(ORCHARD, 'orchard.txt')]), { lexicon, cacheSize: 0 });
const bakery = createAnswerEngine(fromDocuments([parseDocument(BAKERY, 'bakery.txt')]), { lexicon, cacheSize: 0 });
/** The passage a reply puts first: the one it quotes, or its first candidate when it is not sure. */
const first = (answer: Answer): string | undefined => answer.source?.passageId ?? (answer.outcome === 'not-sure' ? answer.suggestions[0]?.passageId : undefined);
const where = (q: string, engine = ferries): string | undefined => first(engine.answer(q));
const sureOf = (q: string, engine = ferries): number => engine.answer(q).confidence;

describe('answers in words the article does not use', () => {
  it('through synonyms and irregular forms', () => {
    expect(where('when did the council decide to buy the boats')).toBe('ferries#p1');
    expect(where('did ridership drop')).toBe('ferries#p3');
    expect(where('how much was spent on repairs')).toBe('ferries#p3');
  });

  it('through acronyms and second names the article defines', () => {
    expect(where('what did the WHO say')).toBe('ferries#p2');
    expect(where('what is harborlink')).toBe('ferries#p4');
    expect(where('how many routes does the HTA run')).toBe('ferries#p4');
  });

  it('reads a quarter as readers abbreviate it', () => {
    expect(where('fares in q3?')).toBe('ferries#p3');
    expect(sureOf('fares in q2?')).toBeLessThan(sureOf('fares in q3?') - 0.2);
  });

  it('marks the passage that counts what "how many" asks as stating it exactly, not one that only mentions both', () => {
    const text = `Title: Hospital group hit\n\nERIE (Wire) — A cyber attack shut down all six hospitals of the group on Saturday, the group said.\n\nThe gang has hit 31 organisations since March, most of them hospitals and schools.\n`;
    const engine = createAnswerEngine(fromDocuments([parseDocument(text, 'hospitals.txt')]), { lexicon, cacheSize: 0 });
    const features = new Map(engine.explain('how many hospitals were hit').decision.ranked.map((s) => [s.candidate.passage.id, s.candidate.features]));
    expect(features.get('hospitals#p1')).toMatchObject({ typeFit: 1, typeExact: 1, typeMiss: 0 });
    expect(features.get('hospitals#p2')).toMatchObject({ typeFit: 1, typeExact: 0, typeMiss: 0 });
  });

  it('answers "how long" from the passage that states a length of time, over one with any figure', () => {
    const text = `Title: Party loses power\n\nVALMORA (Wire) — The Social Union lost power on Sunday after 12 years, winning 41 seats.\n\nA Social Union in power won 88 seats in 2014 and 90 seats in 2018.\n\nTurnout was 71 percent, election officials said.\n\nThe new parliament meets on Dec. 1 to elect a speaker.\n\nMarkets barely moved on Monday.\n`;
    const engine = createAnswerEngine(fromDocuments([parseDocument(text, 'party.txt')]), { lexicon, cacheSize: 0 });
    expect(engine.answer('how long was the social union in power').source?.passageId).toBe('party#p1');
  });

  it('answers "how much" from a passage that states the amount', () => {
    expect(where('how much will the ferries cost')).toBe('ferries#p1');
  });
});

describe('typing slips', () => {
  it('reads two letters typed the wrong way round as one slip', () => {
    expect(where('how much was spent on repiars')).toBe('ferries#p3');
    expect(bakery.answer('will marlwoe leave').source?.passageId).toBe('bakery#p2');
  });

  it('reads a misspelt word as the word meant, also when the article has only a loose relative of it', () => {
    expect(where('how is the agency invovled')).toBe('ferries#p2');
  });

  it('weighs a misspelt word as the word meant (not as a rare unknown word)', () => {
    expect(bakery.answer('who is checkign the accounts').source?.passageId).toBe('bakery#p3');
  });

  it('passes over a mistyped function word, but not a name next to one', () => {
    expect(where('whta did the WHO say')).toBe('ferries#p2');
    expect(where('what did the WHO thnk of the plan')).toBe('ferries#p2');
    expect(where('how much was spent on repairs durng the year')).toBe('ferries#p3');
    expect(ferries.answer('how many boeing ferries are there').answered).toBe(false);
  });
});

describe('words used alike', () => {
  it('counts a word used nearly exactly like the reader\'s as that word (ceo: executive)', () => {
    expect(bakery.answer('who is the ceo').source?.passageId).toBe('bakery#p2');
  });
});

describe('abstaining on a new article', () => {
  it('refuses a name the article never mentions, typed in lower case', () => {
    expect(ferries.answer('will the ferries sail to canada')).toMatchObject({ answered: false });
  });

  it('is less sure of "how old" and "when" when the passage gives no age and does not say when', () => {
    expect(ferries.answer('how old is the mayor').answered).toBe(false);
    expect(sureOf('when did the environment agency praise the decision')).toBeLessThan(sureOf('did the environment agency praise the decision') - 0.05);
    expect(where('when will the ferries start service')).toMatch(/^ferries#(?:p1|faq1)$/u);
  });

  it('is less sure of "how much did it cost" when the passage states no money about it', () => {
    expect(ferries.answer('how much did the repairs cost').answered).toBe(true);
    expect(sureOf('how much do the routes cost')).toBeLessThan(sureOf('how much did the repairs cost') - 0.2);
    expect(ferries.answer('how much is harborlink paid').answered).toBe(false);
  });

  it('is less sure of a question half of which the article does not know (one word it has, one it has not)', () => {
    expect(sureOf('ridership pizza')).toBeLessThan(sureOf('ridership drop?') - 0.1);
    expect(ferries.answer('ridership drop?').answered).toBe(true);
  });

  it('is less sure when what is counted is not what the article counts, and declines a question with nothing to search', () => {
    expect(sureOf('how many buses does the city own')).toBeLessThan(sureOf('how many ferries does the city buy') - 0.1);
    expect(ferries.answer('how many')).toMatchObject({ answered: false, reason: 'empty' });
  });
});

describe('several articles', () => {
  it('answers from the article that covers the question, and names it', () => {
    const answer = both.answer('will apple prices go up');
    expect(answer.source).toMatchObject({ file: 'orchard.txt', title: 'Orchard harvest hit by late frost' });
    expect(where('when do the ferries start running', both)).toMatch(/^ferries#/u);
  });

  it('does not answer from one article with words that only the other has', () => {
    expect(both.answer('did the frost damage the ferries').answered).toBe(false);
  });

  it('answers a question that names one article from that article, or not at all', () => {
    const hospital = `Title: Hospital group hit by cyber attack\n\nERIE (Wire) — A cyber attack shut the systems of Brightwater Health on Monday.\n\nThe group, Brightwater Health, employs 9,400 people and reported revenue of $2.3 billion.\n\nThe attackers demanded $8 million in bitcoin.\n`;
    const retail = `Title: Retailers report weak annual sales\n\nLONDON (Wire) — Annual sales at the country's retailers fell 2 percent.\n\nClothing sales were weakest, while food held up.\n\nThe trade body expects sales to recover next year.\n`;
    const engine = createAnswerEngine(fromDocuments([parseDocument(hospital, 'a.txt'), parseDocument(retail, 'b.txt')]), { lexicon, cacheSize: 0 });
    expect(engine.answer('annual sales?').source?.passageId).toBe('b#p1');
    expect(engine.answer('brightwater annual sales?').source?.file ?? 'none').not.toBe('b.txt');
    expect(engine.answer('brightwater revenue').source?.passageId).toBe('a#p2');
  });
});
