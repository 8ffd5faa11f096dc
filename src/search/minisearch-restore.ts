// MiniSearch's index restored term by term, letting the event loop in between slices (MiniSearch 7's serialization
// version 2, restored into the same structure its `loadJS` makes); and its postings revived as the cache is read.
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type IndexedPassage } from './indexed-passage.js';
import type { PassageIndexData } from './passage-index.js';

/** A term's postings as MiniSearch holds them: field id → short document id → count. */
type Postings = Map<number, Map<number, number>>;

/** A term's postings from MiniSearch's serialized form (or as they are, when already revived). */
function postingsOf(fields: Record<string, Record<string, number>> | Postings): Postings {
  if (fields instanceof Map) return fields;
  const byField: Postings = new Map();
  for (const fieldId of Object.keys(fields)) {
    const frequencies = new Map<number, number>();
    for (const [shortId, count] of Object.entries(fields[fieldId] as Record<string, number>)) frequencies.set(parseInt(shortId, 10), count);
    byField.set(parseInt(fieldId, 10), frequencies);
  }
  return byField;
}

/**
 * For {@link readIndexCache}: MiniSearch's postings made into the maps the index holds as each line of them is read,
 * for {@link loadPassageIndexAsync} (the plain objects are then garbage at once, not half the heap at the end).
 */
export const reviveIndexLine = (path: readonly string[], value: unknown): unknown =>
  path.length === 2 && path[0] === 'miniSearch' && path[1] === 'index' && Array.isArray(value)
    ? (value as [string, Record<string, Record<string, number>>][]).map(([term, fields]) => [term, postingsOf(fields)])
    : value;

/** MiniSearch 7's serialized form, as far as the restore reads it. */
export interface SerializedMiniSearch {
  serializationVersion: number;
  documentIds: Record<string, unknown>;
  fieldLength: Record<string, unknown>;
  storedFields: Record<string, unknown>;
  index: [string, Record<string, Record<string, number>> | Postings][];
}

/**
 * MiniSearch's index from its serialized form (version 2), as `loadJS` makes it, awaiting `breathe` after each entry
 * (it yields to the event loop when a slice's time is up): MiniSearch's own `loadJSAsync` waits a timer every thousand
 * terms instead.
 */
export async function restoreMiniSearch(data: PassageIndexData['miniSearch'], breathe: () => Promise<void>): Promise<MiniSearch<IndexedPassage>> {
  const serialized = data as unknown as SerializedMiniSearch;
  // The counts and ids as loadJS makes them, then the terms into MiniSearch's own map, each a slice at a time.
  const miniSearch = MiniSearch.loadJS<IndexedPassage>(
    { ...data, index: [], documentIds: {}, fieldLength: {}, storedFields: {} } as unknown as Parameters<typeof MiniSearch.loadJS>[0],
    MINISEARCH_OPTIONS,
  );
  const inside = miniSearch as unknown as {
    _index: { set(term: string, fields: Map<number, Map<number, number>>): void };
    _documentIds: Map<number, unknown>;
    _fieldLength: Map<number, unknown>;
    _storedFields: Map<number, unknown>;
    _idToShortId: Map<unknown, number>;
  };
  for (const [into, from] of [[inside._documentIds, serialized.documentIds], [inside._fieldLength, serialized.fieldLength], [inside._storedFields, serialized.storedFields]] as const) {
    for (const shortId in from) {
      into.set(parseInt(shortId, 10), from[shortId]);
      await breathe();
    }
  }
  for (const [shortId, id] of inside._documentIds) inside._idToShortId.set(id, shortId);
  const terms = inside._index;
  for (const [term, fields] of serialized.index) {
    terms.set(term, postingsOf(fields));
    await breathe();
  }
  return miniSearch;
}
