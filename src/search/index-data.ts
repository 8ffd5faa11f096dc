// The passage index's plain-data form, both ways: its state saved as data (for the index cache), and data restored
// into a state for the same knowledge.
import type { Knowledge, Passage } from '../knowledge/index.js';
import type { LexicalTable } from '../lexicon/index.js';
import type { CommonTerms } from './common-terms.js';
import type { IndexState } from './index-state.js';
import type { PassageIndexData } from './passage-index.js';

/** Entries a restore goes through between looks at the clock. */
const RESTORE_STEP = 2_000;

/** The index's `state` as plain data. */
export function toIndexData(state: IndexState): PassageIndexData {
  return {
    miniSearch: state.miniSearch.toJSON(),
    vocabulary: state.vocabulary.toJSON(),
    lexical: (state.lexical as LexicalTable).toJSON(),
    aliasPairs: [...state.aliases],
    phrases: state.phrases().map(([phrase, terms]) => [phrase, terms, state.phraseCounts.get(phrase) ?? 1]),
    slots: state.passages.map((p) => p?.id ?? null),
    questionTerms: [...state.questionTerms],
    common: (state.common as CommonTerms).toJSON(),
  };
}

/**
 * Puts the positions and tables of saved data into `state` (a new one, over the data's MiniSearch index and
 * vocabulary), for `knowledge`, whose passages the data names.
 * @throws Error when the data does not fit the knowledge (a passage it names is missing, or a document it lacks).
 */
export function restoreState(state: IndexState, knowledge: Knowledge, data: PassageIndexData): void {
  for (const _ of restoringState(state, knowledge, data));
}

/** {@link restoreState} a step at a time: it yields every {@link RESTORE_STEP} entries (an async restore lets the event loop in). */
export function* restoringState(state: IndexState, knowledge: Knowledge, data: PassageIndexData): Generator<void> {
  const byId = new Map<string, Passage>();
  let done = 0;
  for (const p of knowledge.passages) {
    byId.set(p.id, p);
    if (++done % RESTORE_STEP === 0) yield;
  }
  for (let position = 0; position < data.slots.length; position += 1) {
    const id = data.slots[position] ?? null;
    const passage = id === null ? undefined : byId.get(id);
    if (id !== null && !passage) throw new Error(`index cache: it names a passage the knowledge does not have: ${id}`);
    state.passages[position] = passage;
    if (passage) (state.positions.get(passage.docId) ?? state.positions.set(passage.docId, []).get(passage.docId))?.push(position);
    if (++done % RESTORE_STEP === 0) yield;
  }
  for (const document of knowledge.documents) {
    if (!state.positions.has(document.id)) throw new Error(`index cache: it does not hold ${document.file}`);
    state.documents.set(document.id, document);
  }
  for (const [id, pairs] of data.aliasPairs) state.aliases.set(id, pairs);
  for (const [phrase, terms, count] of data.phrases) {
    state.finder.phrases.set(phrase, terms);
    state.phraseCounts.set(phrase, count);
    if (++done % RESTORE_STEP === 0) yield;
  }
  for (const [position, terms] of data.questionTerms) state.questionTerms.set(position, terms);
  state.building = undefined;
}
