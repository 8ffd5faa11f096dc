// `npm run bench`: answer latency on the seed, scale to 10,000 articles, the HTTP path against bare Bolt, idle
// memory. Prints a table and writes bench/results.json. Timing lives here, never in tests.
import { writeFileSync } from 'node:fs';
import { httpPath } from './http-path.js';
import { lexicon } from './lexicon.js';
import { liveUpdate } from './live-update.js';
import { redisPath } from './redis-path.js';
import { scale } from './scale.js';
import { seedLatency } from './seed-latency.js';
import { acksWhileWarming } from './warm-up-acks.js';
import { embeddings } from './embeddings.js';
import { machine } from './stats.js';

const quick = process.argv.includes('--quick');
const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

const started = performance.now();
console.error('bench: 1/8 answer latency on the seed…');
const seed = seedLatency(9);
console.error('bench: 2/8 scale (synthetic corpora; the cold 10,000-article start takes a while)…');
const scaled = scale(quick ? [1_000] : [1_000, 10_000], quick ? 100 : 300);
console.error('bench: 3/8 HTTP path against a bare Bolt app…');
const http = await httpPath(quick ? { rounds: 2, count: 300, warmup: 600 } : {});
console.error('bench: 4/8 acks during a cold start (the index is built meanwhile), then a cached one (restored)…');
const warmUp = await acksWhileWarming({ articles: quick ? 1_000 : 10_000 });
console.error('bench: 5/8 the lexicon (WordNet, word vectors) and the seed’s start…');
const lex = lexicon(quick ? 1 : 3);
console.error('bench: 6/8 live knowledge: a new article written while the bot runs, then 100 changes…');
const live = await liveUpdate(quick);
console.error('bench: 7/8 the HTTP path with REDIS_URL set against without it…');
const redis = await redisPath(quick ? { rounds: 2, count: 300, warmup: 600 } : {});
console.error('bench: 8/8 the team’s embedding model: 1,000 articles embedded (cache cold and warm), the fused decision’s cost…');
const embedded = await embeddings(1_000, quick ? 100 : 300);
const tenK = scaled.find((s) => s.articles === 10_000);

const rows: [string, string, string][] = [
  ['seed: index build (engine / raw MiniSearch)', `${fmt(seed.buildMs.engine, 2)} ms / ${fmt(seed.buildMs.rawMiniSearch, 2)} ms`, ''],
  ['seed: answer p50 (full path / raw MiniSearch)', `${fmt(seed.answerUs.full.p50)} µs / ${fmt(seed.answerUs.rawMiniSearch.p50)} µs`, ''],
  ['seed: answer p99 (full path / raw MiniSearch)', `${fmt(seed.answerUs.full.p99)} µs / ${fmt(seed.answerUs.rawMiniSearch.p99)} µs`, `p99 < 1 ms: ${mark(seed.answerUs.full.p99 < 1_000)}`],
  ['seed: full path ÷ raw MiniSearch (p50 / p99)', `${fmt(seed.ratio.p50, 2)}× / ${fmt(seed.ratio.p99, 2)}×`, `≤ 3×: ${mark(seed.ratio.p50 <= 3 && seed.ratio.p99 <= 3)}`],
  ...scaled.flatMap((s): [string, string, string][] => [
    [`${s.articles} articles (${fmt(s.megabytes)} MB): ready cold / from cache`, `${fmt(s.cold.readyMs / 1000, 2)} s / ${fmt(s.warm.readyMs / 1000, 2)} s`, s.articles === 10_000 ? `cached < 5 s: ${mark(s.warm.readyMs < 5_000)}` : ''],
    [`${s.articles} articles: heap / RSS at ready → settled (cached start)`, `${fmt(s.warm.heapMB, 0)} MB / ${fmt(s.warm.rssMB, 0)} → ${fmt(s.warm.settledRssMB, 0)} MB`, s.articles === 10_000 ? `settled ≤ 550 MB: ${mark(s.warm.settledRssMB <= 550)}` : ''],
    [`${s.articles} articles: heap / RSS after a cold start`, `${fmt(s.cold.heapMB, 0)} MB / ${fmt(s.cold.rssMB, 0)} MB`, s.articles === 10_000 ? `RSS < 1 GB: ${mark(s.cold.rssMB < 1024)}` : ''],
    [`${s.articles} articles: answer p50 / p99`, `${fmt(s.warm.p50, 2)} ms / ${fmt(s.warm.p99, 2)} ms`, s.articles === 10_000 ? `p99 < 25 ms: ${mark(s.warm.p99 < 25)}` : ''],
  ]),
  ...(scaled.length > 1
    ? [['RSS per 1,000 articles (settled, cached start)', `${fmt(((scaled.at(-1)?.warm.settledRssMB ?? 0) - (scaled[0]?.warm.settledRssMB ?? 0)) / (((scaled.at(-1)?.articles ?? 0) - (scaled[0]?.articles ?? 0)) / 1_000), 0)} MB`, ''] as [string, string, string]]
    : []),
  ['HTTP: replies/s (bot / bare Bolt)', `${fmt(http.bot.repliesPerSecond, 0)} / ${fmt(http.bareBolt.repliesPerSecond, 0)}`, `≥ 0.8×: ${mark(http.throughputRatio >= 0.8)} (${fmt(http.throughputRatio, 2)}×)`],
  ['HTTP: ack p50 / p99 (bot)', `${fmt(http.bot.ackP50Ms)} ms / ${fmt(http.bot.ackP99Ms)} ms`, `p99 < 1 s: ${mark(http.bot.ackP99Ms < 1_000)}`],
  ['HTTP: ack p50 / p99 (bare Bolt)', `${fmt(http.bareBolt.ackP50Ms)} ms / ${fmt(http.bareBolt.ackP99Ms)} ms`, ''],
  ['HTTP: CPU per event (bot / bare Bolt)', `${fmt(http.bot.cpuMsPerEvent, 2)} ms / ${fmt(http.bareBolt.cpuMsPerEvent, 2)} ms`, ''],
  ['HTTP: replies lost (bot / bare Bolt)', `${http.bot.repliesLost} / ${http.bareBolt.repliesLost}`, `zero lost: ${mark(http.bot.repliesLost === 0)}`],
  ...(['cold', 'cached'] as const).flatMap((how): [string, string, string][] => {
    const run = warmUp[how];
    return [
      [`${how} start, ${warmUp.articles} articles: ack p50 / p99 / max while indexing`, `${fmt(run.ackP50Ms)} ms / ${fmt(run.ackP99Ms)} ms / ${fmt(run.ackMaxMs)} ms`, `max ≤ 200 ms: ${mark(run.ackMaxMs <= 200)}`],
      [`${how} start, ${warmUp.articles} articles: mentions while indexing / replies lost`, `${run.events} in ${fmt(run.readyMs / 1000)} s / ${run.repliesLost}`, `zero lost: ${mark(run.repliesLost === 0 && run.failedRequests === 0)}`],
    ];
  }),
  ['idle RSS after start-up, seed (bot / bare Bolt)', `${fmt(http.idle.botRssMB, 0)} MB / ${fmt(http.idle.bareRssMB, 0)} MB`, ''],
  ['lexicon: load, vectors cached / first read from the package', `${fmt(lex.load.cachedMs)} ms / ${fmt(lex.load.firstMs, 0)} ms`, ''],
  ['lexicon: memory (heap / RSS) once loaded', `${fmt(lex.load.heapMB)} MB / ${fmt(lex.load.rssMB)} MB`, ''],
  ['lexicon: seed’s table (build / forms)', `${fmt(lex.seedTable.buildMs, 0)} ms / ${lex.seedTable.forms}`, ''],
  ['seed: start to ready, no index cache / cached', `${fmt(lex.seedStart.coldMs, 0)} ms / ${fmt(lex.seedStart.warmMs, 0)} ms`, ''],
  ['HTTP with REDIS_URL: replies/s (Redis / embedded)', `${fmt(redis.withRedis.repliesPerSecond, 0)} / ${fmt(redis.withoutRedis.repliesPerSecond, 0)}`, `≥ 0.8×: ${mark(redis.throughputRatio >= 0.8)} (${fmt(redis.throughputRatio, 2)}×)`],
  ['HTTP with REDIS_URL: CPU per event (Redis / embedded), replies lost', `${fmt(redis.withRedis.cpuMsPerEvent, 2)} ms / ${fmt(redis.withoutRedis.cpuMsPerEvent, 2)} ms, ${redis.withRedis.repliesLost} / ${redis.withoutRedis.repliesLost}`, ''],
  ...live.flatMap(({ articles, run }): [string, string, string][] => {
    const label = articles === 1 ? 'live, seed' : `live, ${articles.toLocaleString('en-US')} articles`;
    return [
      [`${label}: new file written → answerable (500 ms debounce included)`, `${fmt(run.answerableMs, 0)} ms`, articles > 1 ? `< 1 s: ${mark(run.answerableMs < 1_000)}` : ''],
      [`${label}: longest event-loop block meanwhile`, `${fmt(run.maxBlockMs, 0)} ms`, `≤ 100 ms: ${mark(run.maxBlockMs <= 100)}`],
      [`${label}: heap / RSS before → after ${run.changes} changes (settled)`, `${fmt(run.before.heapMB, 0)} → ${fmt(run.after.heapMB, 0)} MB / ${fmt(run.before.rssMB, 0)} → ${fmt(run.after.rssMB, 0)} MB`, `heap flat, RSS +≤ 50 MB: ${mark(run.after.heapMB - run.before.heapMB < 16 && run.after.rssMB - run.before.rssMB <= 50)}`],
    ];
  }),
  [`EMBEDDINGS_URL, ${embedded.articles} articles (${embedded.cold.passages} passages): embedded at start, cache cold / warm`, `${fmt(embedded.cold.wallMs / 1000, 2)} s, ${embedded.cold.requests} requests / ${fmt(embedded.warm.wallMs / 1000, 2)} s, ${embedded.warm.requests} requests`, ''],
  [`EMBEDDINGS_URL, ${embedded.articles} articles: bot CPU cold / warm, vectors on disk, RSS added`, `${fmt(embedded.cold.cpuMs / 1000, 2)} s / ${fmt(embedded.warm.cpuMs / 1000, 2)} s, ${fmt(embedded.cold.fileMB, 0)} MB, ${fmt(embedded.warm.rssAddedMB, 0)} MB`, ''],
  [`EMBEDDINGS_URL, ${embedded.articles} articles: answer p50 / p99, lexical → fused (endpoint excluded)`, `${fmt(embedded.latency.lexical.p50, 2)} → ${fmt(embedded.latency.fused.p50, 2)} ms / ${fmt(embedded.latency.lexical.p99, 2)} → ${fmt(embedded.latency.fused.p99, 2)} ms`, `fused p99 < 25 ms: ${mark(embedded.latency.fused.p99 < 25)}`],
];
const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
const info = machine();
console.log(`\nbriefing-bot benchmarks · ${new Date().toISOString().slice(0, 10)} · ${info.cpuModel} × ${info.cores}, ${info.memoryGB} GB, ${info.platform}, Node ${info.node}\n`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`);
const seconds = (performance.now() - started) / 1000;
console.log(`\n(${fmt(seconds, 0)} s; medians of interleaved repetitions; details in bench/results.json)`);
writeFileSync(
  new URL('results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine: info, seconds, quick, seed, scale: scaled, http, warmUp, lexicon: lex, live, redis, embeddings: embedded, targets: { seedP99Us: 1_000, seedRatio: 3, tenKP99Ms: 25, tenKRssMB: 1_024, tenKSettledRssMB: 550, liveRssGrowthMB: 50, tenKReadyCachedMs: 5_000, httpRatio: 0.8, ackP99Ms: 1_000, warmUpAckMaxMs: 200, liveAnswerableMs: 1_000, liveMaxBlockMs: 100, redisRatio: 0.8 }, tenK: tenK ?? null }, null, 2)}\n`,
);
