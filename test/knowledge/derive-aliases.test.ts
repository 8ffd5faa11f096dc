import { describe, expect, it } from 'vitest';
import { bracketedForms, deriveAliases, nameRuns, secondNames } from '../../src/knowledge/index.js';

describe('aliases the articles define', () => {
  it('pairs a short form in brackets with the words that spell it', () => {
    expect(bracketedForms('The World Health Organization (WHO) said on Monday')).toEqual([['WHO', 'World Health Organization']]);
    expect(bracketedForms("the European Commission's Directorate-General for Competition (DG COMP), which")).toEqual([
      ['DG COMP', 'Directorate-General for Competition'],
    ]);
    expect(bracketedForms('earnings before interest, taxes, depreciation and amortisation (EBITDA) would rise')).toEqual([
      ['EBITDA', 'earnings before interest, taxes, depreciation and amortisation'],
    ]);
    expect(bracketedForms('TAIPEI, Taiwan (AP) said (in part) that')).toEqual([]);
  });

  it('finds runs of capitalised words, and the run with the lower-case word that ends its name', () => {
    expect(nameRuns('issued by the International Criminal Court regarding')).toContainEqual(['International', 'Criminal', 'Court']);
    expect(nameRuns('The Belt and Road initiative is a strategy')).toContainEqual(['Belt', 'and', 'Road', 'initiative']);
    expect(nameRuns('Will Russia and China form an alliance?').flat()).not.toContain('Will');
  });

  it('pairs second names', () => {
    expect(secondNames('Compañía Aérea Levantina, also known as Levanta, in a deal')).toEqual([['Compañía Aérea Levantina', 'Levanta']]);
    expect(secondNames('an experimental vaccine, known as TVX-21, is due')).toEqual([['experimental vaccine', 'TVX-21']]);
    expect(secondNames('she has called a meeting of union delegates')).toEqual([]);
  });

  it('derives acronyms of three letters or more, both ways for bracketed forms, and drops ambiguous initials', () => {
    const aliases = deriveAliases([
      'The International Criminal Court (ICC) ruled. Vokaka Kari Lu said so. Vekata Kin Luri said so. Vasni Kegu Lebel said so. Voneka Kin Lekinne said so.',
      'Xi Jinping spoke.',
    ]);
    expect(aliases.ICC).toBe('International Criminal Court');
    expect(aliases['International Criminal Court']).toBe('ICC');
    expect(aliases.XJ).toBeUndefined();
    expect(Object.keys(aliases).filter((k) => k.startsWith('V'))).toEqual([]);
  });
});
