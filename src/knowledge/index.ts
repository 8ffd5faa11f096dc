// The knowledge module's public face: load a folder into documents, passages and aliases.
export { loadKnowledge, listKnowledgeFiles, fromDocuments, knowledgeHash, readKnowledgeFile, KNOWLEDGE_EXTENSIONS } from './load-knowledge.js';
export { loadAliases, parseAliases, ALIASES_FILE, type AliasTable } from './load-aliases.js';
export { parseDocument } from './parse-document.js';
export { KnowledgeError } from './knowledge-error.js';
export type { Knowledge, KnowledgeDocument, Passage, PassageKind } from './types.js';
export { splitSentences } from './split-sentences.js';
export { splitDateline } from './dateline.js';
export { describeTitles } from './describe-knowledge.js';
export { aliasPairs, deriveAliases, mergeAliasPairs, bracketedForms, nameRuns, secondNames, type AliasPairs } from './derive-aliases.js';
export { documentDate, newestFirst } from './newest-first.js';
