import { describe, expect, it } from 'vitest';
import { cosine, meanVector } from '../../src/answers/similarity.js';
import { DIMENSIONS } from '../../src/lexicon/index.js';
import { buildPassageIndex } from '../../src/search/index.js';
import type { Concept } from '../../src/answers/resolve-query.js';
import { closestInUse, MIN_SIMILARITY_IN_USE, UnheldWords } from '../../src/answers/soft-match.js';
import { fromDocuments, parseDocument } from '../../src/knowledge/index.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const vectors = lexicon.vectors;

describe('similarity in use', () => {
  it('finds a question closer to a passage about the same thing than to one about something else', () => {
    if (!vectors) throw new Error('no word vectors');
    const question = meanVector('will the airline cut jobs', vectors);
    const layoffs = meanVector('About 650 employees will be laid off across the two carriers.', vectors);
    const weather = meanVector('Heavy rain flooded the valley and farms lost their harvest.', vectors);
    expect(cosine(question, layoffs)).toBeGreaterThan(cosine(question, weather));
  });

  it('is nothing without words that have vectors', () => {
    if (!vectors) throw new Error('no word vectors');
    expect(meanVector('the of and', vectors)).toBeUndefined();
    expect(cosine(undefined, meanVector('jobs', vectors))).toBe(0);
  });
});

describe('question words a passage says otherwise', () => {
  // The words' vectors side by side, as a passage's are kept.
  const words = (text: string): Int8Array => {
    const found = text.split(' ').flatMap((w) => vectors?.vector(w) ?? []);
    const all = new Int8Array(found.length * DIMENSIONS);
    found.forEach((v, i) => all.set(v, i * DIMENSIONS));
    return all;
  };
  const unheld: Concept = { text: 'grab', alternatives: [], namelike: false, frame: false, position: 0, precision: 1 };
  const nothingHeld = { position: 0, offset: 0, held: Int8Array.of(-1), strength: Float64Array.of(0), score: Float64Array.of(0) };

  it('credits a passage whose own word is used like the question word, and not one without', () => {
    if (!vectors) throw new Error('no word vectors');
    const vocabulary = fromDocuments([parseDocument('Hackers stole patient data.\n\nThe weather was mild.\n', 'x.txt')]);
    const credit = new UnheldWords([unheld], buildPassageIndex(vocabulary, lexicon).vocabulary, vectors);
    expect(closestInUse(vectors.vector('grab') as Int8Array, words('hackers stole data'))).toBeGreaterThan(MIN_SIMILARITY_IN_USE);
    expect(credit.credit(nothingHeld, words('hackers stole data'))).toBeGreaterThan(0);
    expect(credit.credit(nothingHeld, words('the weather was mild'))).toBe(0);
  });
});
