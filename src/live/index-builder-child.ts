// The index builder's own process (started by loadEngine for a large knowledge): `<dir> <cacheDir>` in, the cache
// written, one line on stderr, exit 0; on failure its message on stderr and exit 1.
import { buildIndexCache } from './build-index-cache.js';

const [dir, cacheDir] = process.argv.slice(2);
try {
  if (!dir || !cacheDir) throw new Error('index builder: expected a knowledge folder and a cache folder');
  process.stderr.write(`${await buildIndexCache(dir, cacheDir)}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
