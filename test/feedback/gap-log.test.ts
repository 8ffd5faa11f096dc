// The gap report's records: kept as JSON lines in STATE_DIR (a torn line skipped, old records dropped), grouped by wording.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/index.js';
import { gapKey, GapLog, GAPS_STREAM, gapReportText } from '../../src/feedback/gap-log.js';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const DAY = 86_400_000;
const answer = (question: string, answered: boolean): Pick<Answer, 'answered' | 'question' | 'reason'> => ({ answered, question, ...(answered ? {} : { reason: 'not-covered' }) });

describe('the gap log', () => {
  it('groups questions that differ only in wording, most asked first, and counts every question', async () => {
    let now = Date.UTC(2026, 10, 28);
    const log = new GapLog(createEmbeddedStore({ dir: tempDir(), now: () => now }), () => now);
    for (const q of ['When is the next all-hands?', 'when is the next all hands', 'next all hands when', 'Who owns the ferry company?']) await log.asked(answer(q, false), 'k1');
    await log.asked(answer('what did the mayor say', true), 'k1');
    await log.asked({ ...answer('anything', false), reason: 'warming-up' }, 'k1');
    now += DAY;
    const report = await log.report();
    expect(report).toMatchObject({ questions: 5, answered: 1 });
    expect(report.gaps).toEqual([{ question: expect.stringMatching(/all.hands/u), count: 3 }, { question: 'who owns the ferry company', count: 1 }]);
    expect(gapReportText(report)).toContain('5 questions, 20% answered');
    expect(gapKey('When is the NEXT all-hands?')).toBe(gapKey('next all hands when'));
  });

  it('stores no user or channel, skips a torn line, and drops records past the retention', async () => {
    const dir = tempDir();
    let now = Date.UTC(2026, 10, 1);
    const store = createEmbeddedStore({ dir, now: () => now, retentionDays: 30 });
    const log = new GapLog(store, () => now);
    await log.asked(answer('old question about fares', false), 'k1');
    now += 40 * DAY;
    // The process dies while writing a line; a new one (a new store on the same folder) goes on.
    await log.report(60);
    appendFileSync(join(dir, `${GAPS_STREAM}.jsonl`), '{"at": 17649');
    const restarted = new GapLog(createEmbeddedStore({ dir, now: () => now, retentionDays: 30 }), () => now);
    await restarted.asked(answer('new question about routes', false), 'k2');
    const report = await restarted.report(60);
    expect(report.gaps.map((g) => g.question)).toEqual(['new question about routes']);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, `${GAPS_STREAM}.jsonl`), 'utf8').split('\n')[0] ?? '{}')).sort()).toEqual(['articles', 'at', 'key', 'question']);
    await restarted.erase();
    expect((await restarted.report(60)).gaps).toEqual([]);
  });

  it('compacts a stream file to the records still kept', async () => {
    const dir = tempDir();
    let now = Date.UTC(2026, 0, 1);
    const store = createEmbeddedStore({ dir, now: () => now, retentionDays: 1 });
    // One record every two minutes for about a day and a half: the compaction after 1,000 appends drops the oldest.
    for (let i = 0; i < 1_100; i += 1) {
      now += 120_000;
      await store.append('test', { at: now, i });
    }
    expect(await store.read('test', 0)).toHaveLength(721); // a day of records every two minutes, both ends kept
    const lines = readFileSync(join(dir, 'test.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThan(1_100);
  });
});
