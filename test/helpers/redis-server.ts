// A real redis-server for tests, on a free loopback port, stopped by its pid. Locally a missing redis-server skips
// the tests that need it (saying how to install it); in CI (CI=true) it is a failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';

/** A running redis-server. */
export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`). */
  start(): Promise<void>;
}

/** Whether `redis-server` can run here; in CI its absence throws. */
export function redisAvailable(): boolean {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI === 'true') throw new Error('redis-server is missing: .ci/run installs it (apt-get install -y redis-server)');
  if (!found) console.warn('redis-server not found: skipping the Redis tests (install it with: apt-get install -y redis-server)');
  return found;
}

/** Starts a redis-server on a free loopback port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 5_000;
    while (!out.includes('Ready to accept connections')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      process.kill(running.pid as number, 'SIGTERM');
      await exited;
    },
  };
}
