// Getting the engine ready at start-up: a knowledge above the in-process limit without a cached index is built by
// a separate process into the cache, then read from there; the next start reads the cache at once.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAliases, loadKnowledge } from '../../src/knowledge/index.js';
import { childFlags, loadEngine } from '../../src/live/load-engine.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const aliases = loadAliases(KNOWLEDGE_DIR);

describe('loadEngine', () => {
  it('builds a missing index in a separate process, then starts from the cache', { timeout: 30_000 }, async () => {
    const cacheDir = tempDir();
    const logs = captureLogger('info');
    const first = await loadEngine(knowledge, KNOWLEDGE_DIR, aliases, cacheDir, logs.logger, { lexicon, buildInProcessLimit: 0 });
    expect(first.index).toBe('built');
    expect(logs.lines.map((l) => l.msg)).toContain('no index cache for this knowledge: building it in a separate process');
    expect(readdirSync(cacheDir)).not.toHaveLength(0);
    expect(first.engine.answer('what about sanctions').source?.location).toBe('paragraph 8');

    const again = await loadEngine(knowledge, KNOWLEDGE_DIR, aliases, cacheDir, captureLogger('info').logger, { lexicon, buildInProcessLimit: 0 });
    expect(again.index).toBe('cache');
    expect(again.engine.answer('what about sanctions').source?.location).toBe('paragraph 8');
  });

  it('rejects with the builder’s own message when it fails', { timeout: 30_000 }, async () => {
    const empty = tempDir();
    await expect(loadEngine(knowledge, empty, aliases, tempDir(), captureLogger('info').logger, { lexicon, buildInProcessLimit: 0 })).rejects.toThrow(
      /index builder: exited with 1: .*has no .txt or .md files/su,
    );
  });
});

describe('childFlags', () => {
  it('passes the loader and memory flags on, but not a script given inline (the builder would run it again)', () => {
    expect(childFlags(['--import', 'tsx', '-e', "import('../x.js')"])).toEqual(['--import', 'tsx']);
    expect(childFlags(['--eval=run()', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
    expect(childFlags(['-p', '1 + 1', '--input-type=module', '--enable-source-maps'])).toEqual(['--enable-source-maps']);
    expect(childFlags(['--input-type', 'module', '--eval', 'run()', '--trace-warnings'])).toEqual(['--trace-warnings']);
    expect(childFlags(['--expose-gc', '--import', 'tsx'])).toEqual(['--expose-gc', '--import', 'tsx']);
  });
});
