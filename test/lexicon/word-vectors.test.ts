import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WordVectors } from '../../src/lexicon/index.js';
import { testLexicon } from '../helpers/lexicon.js';
import { tempDir } from '../helpers/temp-dir.js';

// The package's format: metadata, the words, then each word's vector (100 values, its norm and its index).
function vectorFile(vectors: Record<string, number[]>): string {
  const file = join(tempDir(), 'vectors.json');
  const entries = Object.entries(vectors).map(([w, v], i) => `"${w}":[${[...v, ...Array(100 - v.length).fill(0), 1, i].join(',')}]`);
  writeFileSync(file, `{"precision":8,"size":${entries.length},"words":${JSON.stringify(Object.keys(vectors))},"vectors":{${entries.join(',')}}}`);
  return file;
}

describe('word vectors', () => {
  const file = vectorFile({ pact: [1, 0.2], agreement: [0.9, 0.3], pizza: [0, 1], 'x,y': [1, 1] });

  it('reads unit vectors of plain words from the package file, and measures how alike two words are used', () => {
    const vectors = WordVectors.read(file);
    expect(vectors.size).toBe(3);
    expect(vectors.similarity('pact', 'agreement')).toBeGreaterThan(0.95);
    expect(vectors.similarity('pact', 'pizza')).toBeLessThan(0.3);
    expect(vectors.similarity('pact', 'unknown')).toBeUndefined();
  });

  it('finds the knowledge’s words used most like a word', () => {
    const table = WordVectors.read(file).table(['agreement', 'pizza', 'missing']);
    expect(table.nearest('pact', 0.6, 3).map((n) => n.word)).toEqual(['agreement']);
    expect(table.nearest('nothing', 0.6, 3)).toEqual([]);
  });

  it('caches what it read, and reads the cache the next time', () => {
    const cache = join(tempDir(), 'cache');
    const first = WordVectors.open(cache, file);
    expect(readdirSync(cache).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/\.bin$/u), expect.stringMatching(/\.words$/u)]));
    const second = WordVectors.open(cache, join(tempDir(), 'no-such-file.json'));
    expect(second.similarity('pact', 'agreement')).toBe(first.similarity('pact', 'agreement'));
  });

  it('works on without a cache it cannot write (a folder under a file)', () => {
    expect(WordVectors.open(join(file, 'cache'), file).size).toBe(3);
  });

  it('ships GloVe vectors for the 60,000 most frequent English words', () => {
    const { vectors } = testLexicon();
    expect(vectors?.size).toBe(60_000);
    expect(vectors?.similarity('takeover', 'merger')).toBeGreaterThan(0.6);
  });
});
