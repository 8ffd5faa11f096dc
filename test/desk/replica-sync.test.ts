// Replicas' changes through a shared store: a replica that starts later applies only each file's last change (an
// article added then removed stays removed), and two articles of one title added at once get two names.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Desk, startReplicaSync, type ReplicaSync } from '../../src/desk/index.js';
import { createSafeFetcher } from '../../src/fetch/index.js';
import { startLiveKnowledge, type LiveKnowledge } from '../../src/live/live-knowledge.js';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import type { SharedStore } from '../../src/store/shared-store.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { SEED_FILE, SEED_TEXT } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const editor = { user: 'U0EDITOR' };
const article = (title: string, body: string): Uint8Array => new TextEncoder().encode(`Title: ${title}\n\n${body}\n`);
const running: { live: LiveKnowledge; sync: ReplicaSync }[] = [];
afterEach(() => {
  for (const r of running.splice(0)) {
    r.live.close();
    r.sync.stop();
  }
});

// One replica: its own folder and live knowledge, a desk whose changes go to the shared store.
async function replica(store: SharedStore) {
  const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
  const { logger } = captureLogger();
  const live = await startLiveKnowledge({ dir, cacheDir: tempDir(), logger, lexicon, pollMs: 60_000 });
  await live.ready;
  const link: { sync?: ReplicaSync } = {};
  const desk = new Desk({
    dir, knowledge: () => live.knowledge(), refresh: () => live.refresh(), fetcher: createSafeFetcher(), logger,
    onChange: async (change) => link.sync?.publish(change),
    reserveName: (file) => store.claim(`desk-file:${file}`, 60_000),
    extract: async (input) => (await import('../../src/extract/index.js')).extractArticle(input),
  });
  const sync = startReplicaSync({ store, desk, logger, everyMs: 60_000 });
  link.sync = sync;
  running.push({ live, sync });
  return { dir, live, desk, sync };
}

describe('replica sync', () => {
  it('a replica starting later applies each file’s last change only: added then removed stays removed', async () => {
    const store = createEmbeddedStore({ dir: tempDir() });
    const a = await replica(store);
    const kept = await a.desk.addFile({ bytes: article('Harbour dredging approved', 'The council approved dredging of the harbour mouth, at a cost of $3 million, to start in May.'), name: 'a.txt' }, editor);
    const gone = await a.desk.addFile({ bytes: article('Fish market moves', 'The fish market will move to the old customs shed next spring, the harbour board said.'), name: 'b.txt' }, editor);
    await a.desk.remove(gone.file, editor);
    const b = await replica(store);
    await b.sync.pull();
    expect(readFileSync(join(b.dir, kept.file), 'utf8')).toBe(readFileSync(join(a.dir, kept.file), 'utf8'));
    expect(existsSync(join(b.dir, gone.file))).toBe(false);
    expect(b.live.knowledge().documents.map((d) => d.file).sort()).toEqual([kept.file, SEED_FILE].sort());
    // A later look (a restart replays the record again) changes nothing.
    await b.sync.pull();
    expect(existsSync(join(b.dir, gone.file))).toBe(false);
  });

  it('two articles with one title added at once on two replicas get two names; neither is overwritten', async () => {
    const store = createEmbeddedStore({ dir: tempDir() });
    const [a, b] = [await replica(store), await replica(store)];
    const [fromA, fromB] = await Promise.all([
      a.desk.addFile({ bytes: article('Pier to reopen', 'The north pier reopens in March after storm repairs costing $4 million.'), name: 'a.txt' }, editor),
      b.desk.addFile({ bytes: article('Pier to reopen', 'The south pier reopens in June once its new decking is laid, the council said.'), name: 'b.txt' }, editor),
    ]);
    expect(fromA.file).not.toBe(fromB.file);
    await Promise.all([a.sync.pull(), b.sync.pull()]);
    for (const { dir } of [a, b]) {
      expect(readFileSync(join(dir, fromA.file), 'utf8')).toContain('north pier');
      expect(readFileSync(join(dir, fromB.file), 'utf8')).toContain('south pier');
    }
  });
});
