// Restores the passage index from its data form (the index cache) for the same knowledge: in one go, or in slices
// of the event loop, so the bot keeps acknowledging Slack while a large index loads.
import MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/index.js';
import { LexicalTable, type Lexicon } from '../lexicon/index.js';
import { CommonTerms } from './common-terms.js';
import { MINISEARCH_OPTIONS, type IndexedPassage } from './indexed-passage.js';
import { restoreState, restoringState } from './index-data.js';
import { IndexState } from './index-state.js';
import { indexView } from './index-view.js';
import { restoreMiniSearch, type SerializedMiniSearch } from './minisearch-restore.js';
import { TUNING, type PassageIndex, type PassageIndexData } from './passage-index.js';
import { Vocabulary } from './vocabulary.js';

/** Longest stretch of the event loop one slice of a restore takes. */
export const LOAD_SLICE_MS = 20;

/**
 * Restores an index saved with `toData()` for the same knowledge, in one go (about 0.8 s for 110,000 passages):
 * MiniSearch's `loadJSAsync` would let the event loop in, but its timer pause every thousand entries made the same
 * load take 4.6 s.
 * @throws Error when the data does not fit the knowledge (a passage it names is missing).
 */
export function loadPassageIndex(knowledge: Knowledge, data: PassageIndexData, lexicon: Lexicon): PassageIndex {
  const state = new IndexState(lexicon, TUNING, MiniSearch.loadJS<IndexedPassage>(data.miniSearch, MINISEARCH_OPTIONS), Vocabulary.fromJSON(data.vocabulary));
  restoreState(state, knowledge, data);
  state.finish(LexicalTable.fromJSON(data.lexical), CommonTerms.fromJSON(data.common));
  return indexView(state);
}

/**
 * {@link loadPassageIndex} in slices of at most `sliceMs` of the event loop each (the bot acks Slack meanwhile). MiniSearch's
 * own `loadJSAsync` waits a timer every thousand terms (4.6 s for what loads in 0.8 s); this restores the same
 * structure, term by term, as `loadJS` does (MiniSearch 7's serialization version 2), yielding with `setImmediate`.
 * @throws Error when the data does not fit the knowledge.
 */
export async function loadPassageIndexAsync(knowledge: Knowledge, data: PassageIndexData, lexicon: Lexicon, sliceMs = LOAD_SLICE_MS): Promise<PassageIndex> {
  const serialized = data.miniSearch as unknown as SerializedMiniSearch;
  if (serialized.serializationVersion !== 2) return loadPassageIndex(knowledge, data, lexicon);
  let sliceStart = performance.now();
  const breathe = async (): Promise<void> => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
  const miniSearch = await restoreMiniSearch(data.miniSearch, breathe);
  await breathe();
  const vocabulary = Vocabulary.fromJSON(data.vocabulary);
  await breathe();
  for (const _ of vocabulary.preparing()) await breathe();
  const state = new IndexState(lexicon, TUNING, miniSearch, vocabulary);
  for (const _ of restoringState(state, knowledge, data)) await breathe();
  const lexical = LexicalTable.fromJSON(data.lexical);
  await breathe();
  const common = CommonTerms.fromJSON(data.common);
  await breathe();
  state.finish(lexical, common);
  return indexView(state);
}
