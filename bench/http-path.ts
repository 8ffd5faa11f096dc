// Section 3: the bot in HTTP mode under signed app_mention load, next to a bare Bolt app; section 4: idle memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLoadFake, type LoadFake } from './fake-web-api.js';
import { freePort } from '../test/helpers/free-port.js';
import { BOT_TOKEN, mentionEvent, sendSigned, SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { realisticQuestions } from './seed-latency.js';
import { median, percentile } from './stats.js';

// The questions people ask, cycled: 306 of them, so repeats are as common as in a busy channel, not more.
const QUESTIONS = realisticQuestions();

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Target {
  name: 'bot' | 'bare';
  child: ChildProcess;
  url: string;
}

/** What else a target gets: settings on top of the bench's, and a reader of its log (standard error). */
export interface TargetOptions {
  env?: Record<string, string>;
  onLog?: (chunk: string) => void;
}

/** Stops a target and waits until it has exited (it writes its state on the way out). */
export async function stopTarget(target: Target): Promise<void> {
  if (target.child.exitCode !== null || target.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => target.child.once('exit', () => resolve()));
  target.child.kill('SIGTERM');
  await exited;
}

/** Starts the bot or the bare app on a free port against `fake`; resolves once it answers a signed request. */
export async function startTarget(name: Target['name'], fake: LoadFake, stateDir: string, logLevel: string, options: TargetOptions = {}): Promise<Target> {
  const port = await freePort();
  // BENCH_PROF=1 writes CPU profiles of both apps to /tmp/prof-bot and /tmp/prof-bare (how the HTTP gap was traced).
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-interval', '200', `--cpu-prof-dir=/tmp/prof-${name}`] : [];
  const args = name === 'bot' ? [...prof, '--import', 'tsx', 'src/main.ts'] : [...prof, '--import', 'tsx', 'bench/bare-bolt-app.ts', fake.apiUrl, SIGNING_SECRET, BOT_TOKEN, String(port)];
  const env = { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), STATE_DIR: stateDir, LOG_LEVEL: logLevel, ...options.env };
  const { onLog } = options;
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', onLog ? 'pipe' : 'ignore'] });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => onLog?.(chunk));
  const url = `http://127.0.0.1:${port}/slack/events`;
  const deadline = Date.now() + 30_000;
  // Ready when it answers a signed url_verification.
  for (;;) {
    const response = await sendSigned(url, { type: 'url_verification', challenge: 'ready', token: 't' }, { timeoutMs: 2_000 }).catch(() => undefined);
    if (response?.status === 200) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, child, url };
}

/** One round: `count` signed mentions over `concurrency` connections; acks timed, replies counted at the fake. */
export async function round(target: Target, fake: LoadFake, count: number, concurrency: number) {
  fake.replies.clear();
  const events = Array.from({ length: count }, (_, i) => mentionEvent(QUESTIONS[i % QUESTIONS.length] ?? 'sanctions'));
  const wanted = new Set(events.map((e) => e.event.ts));
  const acks: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) {
        const event = events[next++];
        if (!event) break;
        const response = await sendSigned(target.url, event, { timeoutMs: 10_000 }).catch(() => undefined);
        if (response?.status === 200) acks.push(response.ms);
        else failed += 1;
      }
    }),
  );
  const replied = (): number[] => [...fake.replies].filter(([thread]) => wanted.has(thread)).map(([, at]) => at);
  const deadline = Date.now() + 10_000;
  while (replied().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const got = replied();
  const startedAt = Date.now() - (performance.now() - started);
  const seconds = (Math.max(...got, startedAt) - startedAt) / 1000;
  return { repliesPerSecond: got.length / Math.max(seconds, 0.001), ackP50: percentile(acks, 50), ackP99: percentile(acks, 99), lost: count - got.length, failed };
}

/** CPU seconds a process has used (user + system), from /proc. */
export function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Runs the section. Both apps first serve `warmup` events each, so what is measured is the steady state of a
 * long-running app (a fresh process spends up to twice the CPU per event while V8 compiles its hot paths). Then
 * `rounds` rounds, alternating which app goes first (ABBA); figures are medians over rounds, and the throughput
 * ratio is the median of each round's bot ÷ bare pair, which cancels most of a shared machine's drift.
 */
export async function httpPath({ rounds = 12, count = 1_000, warmup = 3_000, concurrency = 20, logLevel = 'info' } = {}) {
  const fake = await startLoadFake();
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-state-'));
  const bot = await startTarget('bot', fake, stateDir, logLevel);
  const bare = await startTarget('bare', fake, stateDir, logLevel);
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idle = { botRssMB: rssMB(bot.child.pid), bareRssMB: rssMB(bare.child.pid) };
    for (let served = 0; served < warmup; served += count) {
      await round(bot, fake, Math.min(count, warmup - served), concurrency);
      await round(bare, fake, Math.min(count, warmup - served), concurrency);
    }
    const results: Record<'bot' | 'bare', (Awaited<ReturnType<typeof round>> & { cpuMsPerEvent: number })[]> = { bot: [], bare: [] };
    for (let r = 0; r < rounds; r += 1) {
      for (const target of r % 4 === 0 || r % 4 === 3 ? [bot, bare] : [bare, bot]) {
        const cpu = cpuSeconds(target.child.pid);
        const result = await round(target, fake, count, concurrency);
        results[target.name].push({ ...result, cpuMsPerEvent: ((cpuSeconds(target.child.pid) - cpu) * 1000) / count });
      }
    }
    const summarise = (list: (Awaited<ReturnType<typeof round>> & { cpuMsPerEvent: number })[]) => ({
      cpuMsPerEvent: median(list.map((x) => x.cpuMsPerEvent)),
      repliesPerSecond: median(list.map((x) => x.repliesPerSecond)),
      ackP50Ms: median(list.map((x) => x.ackP50)),
      ackP99Ms: median(list.map((x) => x.ackP99)),
      repliesLost: list.reduce((s, x) => s + x.lost, 0),
      failedRequests: list.reduce((s, x) => s + x.failed, 0),
    });
    const botSummary = summarise(results.bot);
    const bareSummary = summarise(results.bare);
    const pairRatios = results.bot.map((b, r) => b.repliesPerSecond / (results.bare[r]?.repliesPerSecond ?? Number.NaN));
    return {
      rounds,
      eventsPerRound: count,
      warmupEvents: warmup,
      concurrency,
      bot: botSummary,
      bareBolt: bareSummary,
      throughputRatio: median(pairRatios),
      pairRatios,
      idle,
    };
  } finally {
    await Promise.all([stopTarget(bot), stopTarget(bare)]);
    await fake.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
