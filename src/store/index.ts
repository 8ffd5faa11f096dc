// Shared state behind one small interface: embedded in this process, or Redis for several replicas.
export { openStore } from './open-store.js';
export type { SharedStore, StoredRecord } from './shared-store.js';
