// Builds the index of a knowledge folder into the index cache: what `npm run build-index` and the builder child do.
import { loadAnswerEngine } from '../answers/index.js';
import { loadAliases, loadKnowledge } from '../knowledge/index.js';
import { openLexicon } from '../lexicon/index.js';

/** Builds (or finds) the index cache for the articles in `dir`; resolves with one line saying what was done. */
export async function buildIndexCache(dir: string, cacheDir: string): Promise<string> {
  const knowledge = loadKnowledge(dir);
  const result = await loadAnswerEngine(knowledge, { aliases: loadAliases(dir), cacheDir, lexicon: openLexicon() });
  if (result.cacheError) throw new Error(`index cache: could not write ${cacheDir}: ${result.cacheError}`);
  return `index ${result.index === 'cache' ? 'already cached' : 'built'} for ${knowledge.passages.length} passages in ${Math.round(result.ms)} ms (${cacheDir})`;
}
