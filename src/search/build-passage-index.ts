// Builds the passage index over every passage of the knowledge: at once, or in chunks that let the event loop in.
import type { Knowledge } from '../knowledge/index.js';
import type { Lexicon } from '../lexicon/index.js';
import type { IndexedPassage } from './indexed-passage.js';
import { IndexState } from './index-state.js';
import { indexView } from './index-view.js';
import { TUNING, type IndexTuning, type PassageIndex } from './passage-index.js';

/** Indexes every passage at once (small knowledge, tests, the CLI). */
export function buildPassageIndex(knowledge: Knowledge, lexicon: Lexicon, tuning: IndexTuning = TUNING): PassageIndex {
  const state = new IndexState(lexicon, tuning);
  const indexed = knowledge.documents.flatMap((d) => state.addDocument(d));
  state.miniSearch.addAll(indexed);
  state.finish();
  return indexView(state);
}

/** Indexes every passage in chunks, yielding to the event loop between them, so the process keeps serving. */
export async function buildPassageIndexAsync(knowledge: Knowledge, lexicon: Lexicon, chunkSize = 500): Promise<PassageIndex> {
  const state = new IndexState(lexicon, TUNING);
  const indexed: IndexedPassage[] = [];
  let since = 0;
  for (const document of knowledge.documents) {
    indexed.push(...state.addDocument(document));
    since += document.passages.length;
    if (since >= chunkSize) {
      since = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await state.miniSearch.addAllAsync(indexed, { chunkSize });
  state.finish();
  return indexView(state);
}
