// The lexicon module's public face: general English (WordNet, GloVe) for the answer engine.
import { dirname, join } from 'node:path';
import { Lexicon } from './lexicon.js';
import { WordVectors, wordVectorsFile } from './word-vectors.js';
import { WordNet } from './wordnet.js';

export { Lexicon, type WordKind } from './lexicon.js';
export { RELATION_STRENGTH, MAX_SENSES, type Relation, type RelatedForm } from './related-forms.js';
export { LexicalTable, type LexicalLink, type LexicalTableData, type KnowledgeWord } from './lexical-table.js';
export { wordnetDictDir, type PartOfSpeech } from './wordnet.js';
export { WordVectors, VectorTable, DIMENSIONS } from './word-vectors.js';
export { WordNet };

let shared: Lexicon | undefined;

/**
 * The process' lexicon, opened on first use: WordNet's index files (6 MB) stay in memory; the vectors of the 60,000
 * most frequent words (6 MB) are loaded when a question first needs them, from {@link defaultCacheDir} (written the
 * first time they are read from the package).
 */
export function sharedLexicon(): Lexicon {
  shared ??= new Lexicon(new WordNet(), () => WordVectors.open(defaultCacheDir()));
  return shared;
}

/** `node_modules/.cache/briefing-bot`: where tools keep what they derive from installed packages. */
export function defaultCacheDir(): string {
  const packageDir = dirname(wordVectorsFile());
  return join(dirname(packageDir), '.cache', 'briefing-bot');
}
