import { describe, expect, it } from 'vitest';
import { LexicalTable } from '../../src/lexicon/index.js';
import { baseForms } from '../../src/lexicon/morphy.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const lemmas = (word: string): string[] => [...new Set(lexicon.lemmas(word).map((l) => l.lemma))];

describe('base forms (WordNet’s Morphy)', () => {
  it('reads irregular forms from the exception lists', () => {
    expect(lemmas('fell')).toContain('fall');
    expect(lemmas('spent')).toContain('spend');
    expect(lemmas('children')).toEqual(['child']);
  });

  it('takes the first regular rule that gives a WordNet word, not every one', () => {
    expect(lemmas('cities')).toEqual(['city']);
    expect(baseForms(lexicon.wordnet, 'doses', 'n')).toEqual(['dose']);
  });

  it('knows phrases, and nothing for a made-up word', () => {
    expect(lexicon.lemmas('united_states').map((l) => l.pos)).toEqual(['n']);
    expect(lemmas('levanta')).toEqual([]);
  });
});

describe('what kind of word', () => {
  it('tells names from ordinary words whatever their case', () => {
    expect(lexicon.kind('canada')).toBe('name');
    expect(lexicon.kind('japan')).toBe('name');
    expect(lexicon.kind('turkey')).toBe('common');
    expect(lexicon.kind('pizza')).toBe('common');
    expect(lexicon.kind('bassani')).toBe('unknown');
  });

  it('reads an acronym of ordinary words as an ordinary word, and that of a name as a name', () => {
    expect(lexicon.kind('ceo')).toBe('common');
    expect(lexicon.kind('gdp')).toBe('common');
    expect(lexicon.kind('nato')).toBe('name');
    expect(lexicon.kind('fbi')).toBe('name');
  });

  it('corrects a misspelt word to ordinary English words one edit away', () => {
    expect(lexicon.corrections('econmy')).toContain('economy');
    expect(lexicon.corrections('aquisition')).toContain('acquisition');
    // An inflected form, by its base form; not an adjective's comparative (pfizer is not "prizer").
    expect(lexicon.corrections('launhced')).toContain('launched');
    expect(lexicon.corrections('pfizer')).toEqual([]);
  });

  it('finds a vague word less precise than a precise one', () => {
    expect(lexicon.precision('pizza')).toBe(1);
    expect(lexicon.precision('place')).toBeLessThan(0.5);
  });

  it('reads definitions', () => {
    expect(lexicon.definitions('takeover').join(' ')).toMatch(/merger/);
  });
});

describe('related forms', () => {
  const forms = (word: string): Map<string, string> => new Map([...lexicon.relatedForms(word).values()].map((f) => [`${f.form}|${f.pos}`, f.relation]));

  it('links synonyms, derived forms and one step of the hierarchy, each at a discount', () => {
    expect(forms('buy').get('purchase|v')).toBe('synonym');
    expect(forms('decision').get('decide|v')).toBe('derived');
    expect(forms('economic').get('economy|n')).toBe('derived');
    const all = [...lexicon.relatedForms('cost').values()];
    expect(all.find((f) => f.form === 'price')?.strength).toBeLessThan(1);
  });

  it('lets a capital stand for its country, not any place within a place', () => {
    const parts = (word: string): string[] => [...lexicon.relatedForms(word).values()].filter((f) => f.relation === 'narrower').map((f) => f.form);
    expect(parts('iran')).toContain('tehran');
    expect(parts('syria')).toContain('damascus');
    expect(parts('syria')).not.toContain('aleppo');
    expect(parts('asia')).not.toContain('japan');
  });

  it('does not follow a rare sense of the reader’s word (issue is rarely a result)', () => {
    expect(forms('effect').has('issue|n')).toBe(false);
  });
});

describe('the lexical table', () => {
  const table = LexicalTable.build(lexicon, [{ word: 'acquire', terms: ['acquir'] }, { word: 'cost', terms: ['cost'] }], () => false);

  it('maps a reader’s word to the knowledge’s words, as the part of speech it was read as', () => {
    expect(table.lookup('purchase').map((l) => l.terms[0])).toContain('acquir');
    expect(table.lookup('price', 'n').map((l) => l.terms[0])).toContain('cost');
    expect(table.lookup('price', 'r')).toEqual([]);
  });

  it('survives the index cache', () => {
    const again = LexicalTable.fromJSON(JSON.parse(JSON.stringify(table.toJSON())));
    expect(again.lookup('price', 'n')).toEqual(table.lookup('price', 'n'));
    expect(again.size).toBe(table.size);
  });
});
