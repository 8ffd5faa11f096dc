// Section 7: the HTTP path with REDIS_URL set (every delivery claimed in Redis) against without it, same load as
// section 3, rounds alternating which goes first; the ratio is the median of each round's pair.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from '../test/helpers/redis-server.js';
import { cpuSeconds, round, startTarget, stopTarget } from './http-path.js';
import { startLoadFake } from './fake-web-api.js';
import { median } from './stats.js';

export async function redisPath({ rounds = 12, count = 1_000, warmup = 3_000, concurrency = 20 } = {}) {
  const redis = await startRedis();
  const fake = await startLoadFake();
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-state-'));
  const plain = await startTarget('bot', fake, mkdtempSync(join(stateDir, 'a-')), 'info');
  const shared = await startTarget('bot', fake, mkdtempSync(join(stateDir, 'b-')), 'info', { env: { REDIS_URL: redis.url } });
  try {
    for (let served = 0; served < warmup; served += count) {
      await round(plain, fake, Math.min(count, warmup - served), concurrency);
      await round(shared, fake, Math.min(count, warmup - served), concurrency);
    }
    const results = { plain: [] as { rps: number; cpu: number; lost: number }[], shared: [] as { rps: number; cpu: number; lost: number }[] };
    for (let r = 0; r < rounds; r += 1) {
      for (const [name, target] of r % 4 === 0 || r % 4 === 3 ? ([['plain', plain], ['shared', shared]] as const) : ([['shared', shared], ['plain', plain]] as const)) {
        const cpu = cpuSeconds(target.child.pid);
        const result = await round(target, fake, count, concurrency);
        results[name].push({ rps: result.repliesPerSecond, cpu: ((cpuSeconds(target.child.pid) - cpu) * 1000) / count, lost: result.lost });
      }
    }
    const pairRatios = results.shared.map((s, r) => s.rps / (results.plain[r]?.rps ?? Number.NaN));
    return {
      withoutRedis: { repliesPerSecond: median(results.plain.map((x) => x.rps)), cpuMsPerEvent: median(results.plain.map((x) => x.cpu)), repliesLost: results.plain.reduce((s, x) => s + x.lost, 0) },
      withRedis: { repliesPerSecond: median(results.shared.map((x) => x.rps)), cpuMsPerEvent: median(results.shared.map((x) => x.cpu)), repliesLost: results.shared.reduce((s, x) => s + x.lost, 0) },
      throughputRatio: median(pairRatios),
      pairRatios,
    };
  } finally {
    await Promise.all([stopTarget(plain), stopTarget(shared)]);
    await fake.close();
    await redis.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
