// Reading an untrusted page or file apart from the bot: a child process with its own memory limit and a deadline, so
// a compressed bomb or a pathological page costs that process, never the replies the bot is making meanwhile.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExtractInput } from './extract-article.js';
import { ExtractError } from './extract-error.js';
import type { ExtractedArticle } from './types.js';

/** Bounds of one extraction. */
export const EXTRACT_LIMITS = {
  /** The longest one page or file may take to read, starting the reader included (ms). */
  timeoutMs: 30_000,
  /** The reader's heap, in MB: past it the reader stops and the file is refused. */
  maxHeapMb: 512,
};

const TYPESCRIPT = import.meta.url.endsWith('.ts');
const READER = fileURLToPath(new URL(`./extract-child.${TYPESCRIPT ? 'ts' : 'js'}`, import.meta.url));

/** {@link extractArticle} in a child process. @throws ExtractError with one line (also when it is too slow or too large). */
export function extractApart(input: ExtractInput, limits: Partial<typeof EXTRACT_LIMITS> = {}): Promise<ExtractedArticle> {
  const { timeoutMs, maxHeapMb } = { ...EXTRACT_LIMITS, ...limits };
  // The reader is TypeScript when this is: the child needs tsx, which `npm start` gives this process but a test runner may not.
  const loader = TYPESCRIPT ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...loader, `--max-old-space-size=${maxHeapMb}`, READER], { stdio: ['pipe', 'pipe', 'ignore'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stdin.on('error', () => undefined); // A reader that died early: its exit says so.
  child.stdin.end(JSON.stringify({ ...input, bytes: Buffer.from(input.bytes).toString('base64') }));
  return new Promise<ExtractedArticle>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return reject(new ExtractError(`reading it took longer than ${timeoutMs / 1_000} s`));
      const last = Buffer.concat(out).toString('utf8').trim().split('\n').at(-1) ?? '';
      let result: { ok?: boolean; article?: ExtractedArticle; reason?: string } = {};
      try {
        result = JSON.parse(last) as typeof result;
      } catch {
        // No result: the reader ran out of memory or crashed.
      }
      if (result.ok && result.article) return resolve(result.article);
      if (result.reason) return reject(new ExtractError(result.reason));
      // No result from a reader that stopped abnormally: it ran out of memory (or crashed) on this input.
      reject(new ExtractError(code !== 0 || signal !== null ? 'it is too large or too complex to read' : 'it could not be read as an article'));
    });
  });
}
