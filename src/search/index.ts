// The search module's public face: the index over the knowledge's passages, its vocabulary, and its cache on disk.
export { BM25, COMMON_MIN, COMMON_SHARE, FIELD_BOOST, type IndexChange, type IndexTuning, type PassageIndex, type PassageIndexData } from './passage-index.js';
export { buildPassageIndex, buildPassageIndexAsync } from './build-passage-index.js';
export { loadPassageIndex, loadPassageIndexAsync } from './load-passage-index.js';
export { reviveIndexLine } from './minisearch-restore.js';
export { MAX_CANDIDATES, type PassageMatch, type SearchConcept } from './search-passages.js';
export { Vocabulary, isWordShaped, type MatchKind, type TermMatch, type VocabularyData, type VocabularyWord } from './vocabulary.js';
export { cacheKey, readIndexCache, writeIndexCache, INDEX_FORMAT, type ReviveLine } from './index-cache.js';
