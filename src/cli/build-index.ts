// `npm run build-index`: builds the index of a knowledge folder into the index cache (also run by the bot, in its
// own process, for a large knowledge, so the bot's memory and event loop stay free while it builds).
import { loadAnswerEngine } from '../answers/index.js';
import { loadConfig } from '../config/index.js';
import { indexCacheDir } from '../live/index.js';
import { loadAliases, loadKnowledge } from '../knowledge/index.js';
import { openLexicon } from '../lexicon/index.js';
import { runMain } from '../app/index.js';

await runMain(async () => {
  const config = loadConfig(process.env);
  const [dir = config.knowledgeDir, cacheDir = indexCacheDir(config.stateDir)] = process.argv.slice(2);
  const knowledge = loadKnowledge(dir);
  const result = await loadAnswerEngine(knowledge, { aliases: loadAliases(dir), cacheDir, lexicon: openLexicon() });
  if (result.cacheError) throw new Error(`could not write the index cache in ${cacheDir}: ${result.cacheError}`);
  process.stderr.write(`index ${result.index === 'cache' ? 'already cached' : 'built'} for ${knowledge.passages.length} passages in ${Math.round(result.ms)} ms (${cacheDir})\n`);
});
