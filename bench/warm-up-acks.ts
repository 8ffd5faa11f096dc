// Section 3b: acks while a cold start builds the index. The bot in HTTP mode over a synthetic knowledge folder with
// an empty STATE_DIR (no index cache) gets mentions from the moment it listens until it logs "index ready": Slack
// needs each acked within 3 s, and each gets a "still reading" reply. Then the same again, started from the index cache
// the first start wrote (the index restored rather than built).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGenerator, writeCorpus } from './corpus.js';
import { startLoadFake } from './fake-web-api.js';
import { startTarget, stopTarget } from './http-path.js';
import { mentionEvent, sendSigned } from '../test/helpers/slack-requests.js';
import { percentile } from './stats.js';

/** Acks from one start of the bot over `knowledgeDir` and `stateDir`, from listening until it logs "index ready". */
async function acksUntilReady(knowledgeDir: string, stateDir: string, { concurrency, pauseMs, deadlineMs }: { concurrency: number; pauseMs: number; deadlineMs: number }) {
  const fake = await startLoadFake();
  let log = '';
  let readyAt: number | undefined;
  let index = '';
  const started = performance.now();
  const bot = await startTarget('bot', fake, stateDir, 'info', {
    env: { KNOWLEDGE_DIR: knowledgeDir },
    onLog: (chunk) => {
      log = (log + chunk).slice(-4_096);
      const ready = /"index":"(\w+)"[^\n]*"msg":"index ready"/u.exec(log);
      if (readyAt === undefined && ready) {
        readyAt = performance.now();
        index = ready[1] ?? '';
      }
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
      index,
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
    await stopTarget(bot);
    await fake.close();
  }
}

/**
 * Runs the section over `articles` synthetic articles: `concurrency` senders, each pausing `pauseMs` between mentions,
 * during a cold start (no index cache: the index is built) and then a cached start (the index is restored).
 */
export async function acksWhileWarming({ articles = 10_000, concurrency = 4, pauseMs = 100, deadlineMs = 180_000 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'bench-warm-'));
  const knowledgeDir = join(root, 'knowledge');
  writeCorpus(knowledgeDir, articles);
  const settings = { concurrency, pauseMs, deadlineMs };
  try {
    const cold = await acksUntilReady(knowledgeDir, join(root, 'state'), settings);
    const cached = await acksUntilReady(knowledgeDir, join(root, 'state'), settings);
    return { articles, cold, cached };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
