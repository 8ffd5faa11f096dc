// Runs the bot as a real process (`node --import tsx src/main.ts`), as `npm start` does, and reads its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Resolved here so the process may run in another folder (one with no .env).
const TSX = import.meta.resolve('tsx');

/** A running bot process. */
export interface BotProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first JSON log line matching `where`. */
  waitForLog(where: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

/** Starts `src/main.ts` with exactly `env` (plus PATH/HOME), in a folder with no `.env`. */
export function spawnBot(env: Record<string, string>, { cwd = ROOT, input, entry }: { cwd?: string; input?: string; entry?: string } = {}): BotProcess {
  // The sources through tsx (npm start), or a compiled entry run by node itself (the container's start).
  const args = entry ? [entry] : ['--import', TSX, `${ROOT}src/main.ts`];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  if (input !== undefined) child.stdin?.end(input);
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const lines = (): Record<string, unknown>[] =>
    err.split('\n').flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForLog(where, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = lines().find(where);
        if (found) return found;
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no such log line; stderr:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
