import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answers/index.js';
import { SpelledOut } from '../../src/answers/spelled-out.js';
import { fromDocuments, parseDocument, type Passage } from '../../src/knowledge/index.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const passage = (text: string, i: number): Passage => ({ id: `d#p${i + 1}`, docId: 'd', kind: 'paragraph', index: i + 1, text, line: 1 + 2 * i });
const passages = [
  'The bank raised its official cash rate to 4.25 percent. Civic Renewal backed it.',
  'The official cash rate is at its highest since 2008, and Civic Renewal lawmakers agreed.',
  'Priya Ramanathan, an economist at the Bank of England, of course really disagreed; the Bank of England said nothing.',
].map(passage);

describe('abbreviations spelled out by the knowledge', () => {
  const spelled = new SpelledOut(passages);

  it('finds a phrase the knowledge repeats by its initials, in any case', () => {
    expect(spelled.phrases('ocr', false)).toEqual([['official', 'cash', 'rate']]);
    expect(spelled.phrases('OCR', false)).toEqual([['official', 'cash', 'rate']]);
  });

  it('finds a name by two initials only when asked for names, and lets small words drop out', () => {
    expect(spelled.phrases('cr', true)).toEqual([['civic', 'renewal']]);
    expect(spelled.phrases('boe', true)).toEqual([['bank', 'england']]);
    expect(spelled.phrases('be', true)).toEqual([['bank', 'england']]);
  });

  it('ignores a phrase said once and runs of small words', () => {
    expect(spelled.phrases('pr', true)).toEqual([]);
    expect(spelled.phrases('ocrd', false)).toEqual([]);
  });
});

const BANK = `Title: Bank raises rates

WELLINGTON (Wire) — The central bank raised its official cash rate by half a point to 4.25 percent on Wednesday. Civic Renewal, the governing party, said the rise was needed.

Mortgage rates rose within hours. The official cash rate is now at its highest since 2008, and Civic Renewal lawmakers backed the bank.

Exporters welcomed a weaker currency after the decision. Farm groups said the dairy price mattered more.

Building consents fell for a fifth month, the statistics agency said, with apartments down the most.

The finance minister said the government would not change its spending plans.

Priya Ramanathan, an economist, said house prices fell 4.6 percent from a year earlier.
`;

describe('questions with abbreviations', () => {
  const engine = createAnswerEngine(fromDocuments([parseDocument(BANK, 'bank.txt')]), { lexicon, cacheSize: 0 });

  it('answers an abbreviation of the story’s own words', () => {
    // The candidate the decision weighs highest (both passages name the abbreviated phrase).
    const first = (q: string): string | undefined => engine.explain(q).decision.ranked[0]?.candidate.passage.id;
    expect(first('whats the ocr now')).toMatch(/^bank#p[12]$/u);
    expect(first('what did CR say')).toMatch(/^bank#p[12]$/u);
  });

  it('still refuses an abbreviation of something the story does not name', () => {
    expect(engine.answer('can someone review my PR')).toMatchObject({ answered: false });
    expect(engine.answer('what did the fbi say')).toMatchObject({ answered: false, reason: 'unknown-name' });
  });

  it('takes a misspelt ordinary word for a word, not for a name it does not know', () => {
    expect(engine.answer('what did the regulater say').reason).not.toBe('unknown-name');
  });
});
