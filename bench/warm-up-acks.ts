// Section 3b: acks while a cold start builds the index. The bot in HTTP mode over a synthetic knowledge folder with
// an empty STATE_DIR (no index cache) gets mentions from the moment it listens until it logs "index ready": Slack
// needs each acked within 3 s, and each gets a "still reading" reply.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGenerator, writeCorpus } from './corpus.js';
import { startLoadFake } from './fake-web-api.js';
import { startTarget } from './http-path.js';
import { mentionEvent, sendSigned } from '../test/helpers/slack-requests.js';
import { percentile } from './stats.js';

/** Runs the section over `articles` synthetic articles: `concurrency` senders, each pausing `pauseMs` between mentions. */
export async function acksWhileWarming({ articles = 10_000, concurrency = 4, pauseMs = 100, deadlineMs = 180_000 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'bench-warm-'));
  const knowledgeDir = join(root, 'knowledge');
  writeCorpus(knowledgeDir, articles);
  const fake = await startLoadFake();
  let log = '';
  let readyAt: number | undefined;
  const started = performance.now();
  const bot = await startTarget('bot', fake, join(root, 'state'), 'info', {
    env: { KNOWLEDGE_DIR: knowledgeDir },
    onLog: (chunk) => {
      log = (log + chunk).slice(-4_096);
      if (readyAt === undefined && log.includes('"msg":"index ready"')) readyAt = performance.now();
    },
  });
  const listeningMs = performance.now() - started;
  const generator = createGenerator(7);
  const acks: number[] = [];
  const sent = new Set<string>();
  let failed = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (readyAt === undefined && performance.now() - started < deadlineMs) {
          const event = mentionEvent(generator.question());
          sent.add(event.event.ts);
          const response = await sendSigned(bot.url, event, { timeoutMs: 10_000 }).catch(() => undefined);
          if (response?.status === 200) acks.push(response.ms);
          else failed += 1;
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      }),
    );
    const until = Date.now() + 10_000;
    const replied = () => [...sent].filter((ts) => fake.replies.has(ts)).length;
    while (replied() < sent.size && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    return {
      articles,
      listeningMs,
      readyMs: readyAt === undefined ? Number.NaN : readyAt - started,
      events: sent.size,
      ackP50Ms: percentile(acks, 50),
      ackP99Ms: percentile(acks, 99),
      ackMaxMs: Math.max(...acks),
      failedRequests: failed,
      repliesLost: sent.size - replied(),
    };
  } finally {
    bot.child.kill('SIGTERM');
    await fake.close();
    rmSync(root, { recursive: true, force: true });
  }
}
