// `npm run build-index [dir] [cacheDir]`: builds the index of a knowledge folder into the index cache ahead of a start
// (optional: the bot builds it when it is missing). Defaults: KNOWLEDGE_DIR and STATE_DIR's index cache.
import { runMain } from '../app/index.js';
import { loadConfig } from '../config/index.js';
import { buildIndexCache, indexCacheDir } from '../live/index.js';

await runMain(async () => {
  const config = loadConfig(process.env);
  const [dir = config.knowledgeDir, cacheDir = indexCacheDir(config.stateDir)] = process.argv.slice(2);
  process.stderr.write(`${await buildIndexCache(dir, cacheDir)}\n`);
});
