// Loads a knowledge folder (articles and aliases) and makes the answer engine over it, from the index cache if it can.
import { loadAliases, loadKnowledge, type Knowledge } from '../knowledge/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { createAnswerEngine, type AnswerEngine, type AnswerEngineOptions } from './answer-engine.js';
import { cacheKey, readIndexCache, writeIndexCache, buildPassageIndexAsync, loadPassageIndexAsync, reviveIndexLine, type PassageIndex, type PassageIndexData } from '../search/index.js';

type EngineOptions = Omit<AnswerEngineOptions, 'aliases' | 'index'>;

/** Reads `dir` and returns a ready engine, indexing now. Throws KnowledgeError on bad knowledge. */
export function openAnswerEngine(dir: string, options: EngineOptions): AnswerEngine {
  return createAnswerEngine(loadKnowledge(dir), { ...options, aliases: loadAliases(dir) });
}

/** How {@link loadAnswerEngine} got its index. */
export interface LoadedEngine {
  engine: AnswerEngine;
  /** The engine's index, to update in place as the knowledge changes. */
  passageIndex: PassageIndex;
  /** `cache`: read from the index cache; `built`: indexed now (and cached when a cache folder was given). */
  index: 'cache' | 'built';
  ms: number;
  /** Why the index could not be saved to the cache (the engine works all the same). */
  cacheError?: string;
}

/**
 * Makes the engine for loaded knowledge without blocking the event loop for long: the index comes from
 * `cacheDir` when the knowledge is unchanged, else it is built in chunks and then saved there (with
 * `cachedOnly`, undefined instead of building).
 */
export async function loadAnswerEngine(
  knowledge: Knowledge,
  options: Omit<AnswerEngineOptions, 'index'> & { cacheDir?: string; cachedOnly: true },
): Promise<LoadedEngine | undefined>;
export async function loadAnswerEngine(
  knowledge: Knowledge,
  options: Omit<AnswerEngineOptions, 'index'> & { cacheDir?: string; cachedOnly?: false },
): Promise<LoadedEngine>;
export async function loadAnswerEngine(
  knowledge: Knowledge,
  options: Omit<AnswerEngineOptions, 'index'> & { cacheDir?: string; cachedOnly?: boolean },
): Promise<LoadedEngine | undefined> {
  const started = performance.now();
  const { cacheDir, cachedOnly, ...engineOptions } = options;
  const key = cacheDir && knowledge.contentHash ? cacheKey(knowledge.contentHash) : undefined;
  const cached = cacheDir && key ? await readIndexCache(cacheDir, key, reviveIndexLine) : undefined;
  const loaded = cached ? await loadCached(knowledge, cached, engineOptions.lexicon) : undefined;
  if (loaded) {
    await nextTurn(engineOptions.lexicon);
    return { engine: createAnswerEngine(knowledge, { ...engineOptions, index: loaded }), passageIndex: loaded, index: 'cache', ms: performance.now() - started };
  }
  if (cachedOnly) return undefined;
  const index = await buildPassageIndexAsync(knowledge, engineOptions.lexicon);
  await nextTurn(engineOptions.lexicon);
  const engine = createAnswerEngine(knowledge, { ...engineOptions, index });
  let cacheError: string | undefined;
  if (cacheDir && key) await writeIndexCache(cacheDir, key, index.toData()).catch((error: unknown) => (cacheError = String(error)));
  return { engine, passageIndex: index, index: 'built', ms: performance.now() - started, ...(cacheError ? { cacheError } : {}) };
}

// A cache file that reads but does not load (say, a part missing) counts as no cache: the index is built again.
// Restored in slices, so the event loop (and Slack's acks) are never held for long.
async function loadCached(knowledge: Knowledge, data: PassageIndexData, lexicon: Lexicon): Promise<PassageIndex | undefined> {
  try {
    return await loadPassageIndexAsync(knowledge, data, lexicon);
  } catch {
    return undefined;
  }
}

// The engine's own tables are made in a turn of the event loop of their own, not on the end of the index's last slice;
// the lexicon is loaded before the first question needs it.
async function nextTurn(lexicon: Lexicon): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await lexicon.warm();
  await new Promise((resolve) => setImmediate(resolve));
}
