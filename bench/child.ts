// Runs a bench script in a fresh process (with `--expose-gc`) and reads the JSON it prints on its last line.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `bench/<script>` with `args`; throws with its standard error when it fails. */
export function runChild<T>(script: string, args: readonly string[], timeoutMs: number): T {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${script}`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}
