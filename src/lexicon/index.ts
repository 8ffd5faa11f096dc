// The lexicon module's public face: general English (WordNet) for the answer engine.
import { Lexicon } from './lexicon.js';
import { WordVectors } from './word-vectors.js';
import { WordNet } from './wordnet.js';

export { Lexicon, RELATION_STRENGTH, MAX_SENSES, type Relation, type RelatedForm, type WordKind } from './lexicon.js';
export { LexicalTable, type LexicalLink, type LexicalTableData, type KnowledgeWord } from './lexical-table.js';
export { wordnetDictDir, type PartOfSpeech } from './wordnet.js';
export { WordVectors } from './word-vectors.js';
export { WordNet };

let shared: Lexicon | undefined;

/** The process' lexicon, opened on first use (WordNet's index files, about 6 MB, stay in memory). */
export function sharedLexicon(): Lexicon {
  shared ??= new Lexicon(new WordNet(), WordVectors.read());
  return shared;
}
