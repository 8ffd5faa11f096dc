import { describe, expect, it } from 'vitest';
import { searchTerms, TOKEN_MEMO_LIMIT, tokenize, tokenMemoSize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('reads U.S. and words in capitals as acronyms, whose terms no stem can collide with', () => {
    expect(searchTerms('missiles that challenge U.S. planning')).toEqual(['missil', 'challeng', 'US', 'plan']);
    expect(searchTerms('the WHO said')).toEqual(['WHO']);
    expect(searchTerms('they use it')).toEqual(['us']);
  });

  it('reads "the us" as the country and "us" alone as the pronoun', () => {
    expect(searchTerms('against the us')).toEqual(['US']);
    expect(searchTerms('tell us more')).toEqual([]);
  });

  it('does not take a message in capitals for a string of acronyms', () => {
    expect(tokenize('WHAT IS THE PRICE').map((t) => t.acronym)).toEqual([false, false, false, false]);
  });

  it('keeps figures whole: thousands separators and trailing zeros dropped, percent as a word, number words as figures', () => {
    expect(searchTerms('1,284 cases, 7.6% died, €9.80 a share')).toEqual(['1284', 'case', '7.6', 'percent', 'di', '9.8', 'share']);
    expect(searchTerms('two doses, nineteen workers')).toEqual(['2', 'dose', '19', 'worker']);
  });

  it('marks the words that frame a question', () => {
    const frames = (q: string): string[] => tokenize(q).filter((t) => t.frame).map((t) => t.folded);
    expect(frames('how many planes are new this week')).toEqual(['many', 'new', 'this', 'week']);
    expect(frames('the number of routes')).toEqual(['number']);
    expect(frames('how many have died so far')).toEqual(['many', 'so', 'far']);
    expect(frames('is the bank open right now')).toEqual(['right', 'now']);
    expect(frames('how far is it')).toEqual(['far']);
    expect(frames('a long route')).toEqual([]);
  });

  it('remembers a bounded number of words, however many new ones come', () => {
    for (let i = 0; i < TOKEN_MEMO_LIMIT * 3; i += 1) tokenize(`zq${i.toString(36)}x`);
    expect(tokenMemoSize()).toBeLessThanOrEqual(TOKEN_MEMO_LIMIT);
  });
});
