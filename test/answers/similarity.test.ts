import { describe, expect, it } from 'vitest';
import { cosine, meanVector } from '../../src/answers/similarity.js';
import { sharedLexicon } from '../../src/lexicon/index.js';

const vectors = sharedLexicon().vectors;

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
