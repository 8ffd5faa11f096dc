// The bot's two scheduled posts share one record of what was posted: neither's record may drop the other's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { scheduledPosts } from '../../src/app/scheduled-posts.js';
import { loadConfig } from '../../src/config/index.js';
import { GapLog, Votes } from '../../src/feedback/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { LiveKnowledge } from '../../src/live/index.js';
import { STATE_FILE } from '../../src/schedule/post-state.js';
import { openStore } from '../../src/store/index.js';
import { buildSummary } from '../../src/summary/index.js';
import { captureLogger } from '../helpers/capture-logger.js';
import { KNOWLEDGE_DIR } from '../helpers/seed.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('the daily summary and the weekly gap report', () => {
  it('both stay in the record of posts when each is made', async () => {
    const stateDir = tempDir();
    const config = loadConfig({ SUMMARY_CHANNEL: 'C0123SUMMARY', GAPS_CHANNEL: 'C0123GAPS', STATE_DIR: stateDir, KNOWLEDGE_DIR });
    const { logger } = captureLogger();
    const store = openStore(undefined, logger, { stateDir });
    let posted = 0;
    const app = {
      client: {
        chat: { postMessage: async () => ({ ok: true, ts: `1700000000.00000${(posted += 1)}` }) },
        conversations: { history: async () => ({ ok: true, messages: [] }) },
      },
    } as unknown as App;
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const live = { knowledge: () => knowledge } as unknown as LiveKnowledge;
    const posts = scheduledPosts({ config, app, store, logger, live, summaryOf: (k, since) => buildSummary(k, since ? { since } : {}), gaps: new GapLog(store), votes: new Votes(store, 'key') });
    expect(posts).toHaveLength(2);
    for (const post of posts) expect(await post.postToday('test')).toBe('posted');
    const recorded = JSON.parse(readFileSync(join(stateDir, STATE_FILE), 'utf8')) as { posts: { channel: string }[] };
    expect(recorded.posts.map((p) => p.channel).sort()).toEqual(['C0123GAPS', 'C0123SUMMARY']);
    await store.close();
  });
});
