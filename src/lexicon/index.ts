// The lexicon module's public face: general English (WordNet, GloVe) for the answer engine.
export { Lexicon, type WordKind } from './lexicon.js';
export { openLexicon, defaultCacheDir } from './open-lexicon.js';
export { RELATION_STRENGTH, MAX_SENSES, type Relation, type RelatedForm } from './related-forms.js';
export { LexicalTable, type LexicalLink, type LexicalTableData, type KnowledgeWord } from './lexical-table.js';
export { wordnetDictDir, WordNet, type PartOfSpeech } from './wordnet.js';
export { WordVectors } from './word-vectors.js';
export { VectorTable } from './vector-table.js';
export { DIMENSIONS } from './quantised.js';
