// Live knowledge: the folder followed as it changes, and the engine loaded (or built in a child) for each version.
export { indexCacheDir } from './index-cache-dir.js';
export { type LiveKnowledge, startLiveKnowledge } from './live-knowledge.js';
export { MAX_FILE_BYTES } from './knowledge-folder.js';
export { buildIndexCache } from './build-index-cache.js';
