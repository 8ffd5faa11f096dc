// The embedded store's record streams in STATE_DIR: appends land in order, a read sees every append before it, and a
// new process on the same folder reads what the last one wrote (close writes what was still waiting).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import type { StoredRecord } from '../../src/store/shared-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const AT = Date.UTC(2026, 0, 1);
const order = (records: StoredRecord[]): unknown[] => records.map((r) => r.n);
// Real time for a write still under way to land (a stray one would show in the file after close).
const settle = async (): Promise<void> => {
  vi.useRealTimers();
  await new Promise((resolve) => setTimeout(resolve, 100));
};
const fileLines = (dir: string, stream: string): unknown[] =>
  readFileSync(join(dir, `${stream}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { n: unknown }).n);

describe('the embedded store’s streams', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the order of appends made all at once, between reads, and across a restart', async () => {
    const dir = tempDir();
    const store = createEmbeddedStore({ dir, now: () => AT + 1_000 });
    const appends: Promise<void>[] = [];
    const reads: Promise<unknown[]>[] = [];
    for (let n = 0; n < 300; n += 1) {
      appends.push(store.append('test', { at: AT, n }));
      if (n % 50 === 49) reads.push(store.read('test', 0).then(order));
    }
    await Promise.all(appends);
    // Each read saw every append made before it, in order.
    for (const [i, seen] of (await Promise.all(reads)).entries()) {
      expect(seen.length).toBeGreaterThanOrEqual(50 * (i + 1));
      expect(seen).toEqual(Array.from({ length: seen.length }, (_, n) => n));
    }
    for (let n = 300; n < 310; n += 1) await store.append('test', { at: AT, n });
    await store.close();
    const restarted = createEmbeddedStore({ dir, now: () => AT + 1_000 });
    expect(order(await restarted.read('test', 0))).toEqual(Array.from({ length: 310 }, (_, n) => n));
    expect(fileLines(dir, 'test')).toEqual(Array.from({ length: 310 }, (_, n) => n));
  });

  it('writes a batch the timer took before the appends that follow it, and a read waits for it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const store = createEmbeddedStore({ dir, now: () => AT + 1_000 });
    await store.append('test', { at: AT, n: 'first' });
    // The batch's timer fires: its write is under way when the next record comes and is read at once.
    vi.advanceTimersByTime(1_000);
    await store.append('test', { at: AT, n: 'second' });
    expect(order(await store.read('test', 0))).toEqual(['first', 'second']);
    await store.close();
    await settle();
    expect(fileLines(dir, 'test')).toEqual(['first', 'second']);
    expect(order(await createEmbeddedStore({ dir, now: () => AT + 1_000 }).read('test', 0))).toEqual(['first', 'second']);
  });

  it('erases what was appended before the erase, even while it is being written, and keeps what came after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const store = createEmbeddedStore({ dir, now: () => AT + 1_000 });
    await store.append('test', { at: AT, n: 'before' });
    vi.advanceTimersByTime(1_000);
    await store.erase('test');
    await store.append('test', { at: AT, n: 'after' });
    expect(order(await store.read('test', 0))).toEqual(['after']);
    await store.close();
    await settle();
    expect(fileLines(dir, 'test')).toEqual(['after']);
    expect(order(await createEmbeddedStore({ dir, now: () => AT + 1_000 }).read('test', 0))).toEqual(['after']);
  });

  it('writes what is still waiting when closed, a stream per file', async () => {
    const dir = tempDir();
    const store = createEmbeddedStore({ dir, now: () => AT + 1_000 });
    await store.append('one', { at: AT, n: 1 });
    await store.append('two', { at: AT, n: 2 });
    await store.close();
    expect(fileLines(dir, 'one')).toEqual([1]);
    expect(fileLines(dir, 'two')).toEqual([2]);
  });

  it('keeps streams in memory without a folder, within the retention', async () => {
    let now = AT;
    const store = createEmbeddedStore({ now: () => now, retentionDays: 1 });
    await store.append('test', { at: now, n: 'old' });
    now += 2 * 86_400_000;
    await store.append('test', { at: now, n: 'new' });
    expect(order(await store.read('test', 0))).toEqual(['new']);
    await store.erase('test');
    expect(await store.read('test', 0)).toEqual([]);
  });
});
