// Gets the answer engine ready: from the index cache; else built here for a small knowledge, or in a separate
// process for a large one (its memory is returned when it exits, and this event loop keeps serving meanwhile).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadAnswerEngine, type AnswerEngineOptions, type LoadedEngine } from '../answers/index.js';
import type { AliasTable, Knowledge } from '../knowledge/index.js';
import type { Logger } from '../logger.js';

/** Passages above which a missing index is built in a separate process. */
export const BUILD_IN_PROCESS_LIMIT = 20_000;

// Run from the sources (npm start, tests) the builder is TypeScript; from a build (dist/), JavaScript.
const TYPESCRIPT = import.meta.url.endsWith('.ts');
const BUILDER = fileURLToPath(new URL(`./index-builder-child.${TYPESCRIPT ? 'ts' : 'js'}`, import.meta.url));

/** Options of {@link loadEngine}. */
export interface LoadEngineOptions extends Pick<AnswerEngineOptions, 'lexicon' | 'cacheSize' | 'avoid' | 'meaning'> {
  /** Passages above which a missing index is built in a separate process. Default {@link BUILD_IN_PROCESS_LIMIT}. */
  buildInProcessLimit?: number;
}

/** Loads the engine for `knowledge` (read from `dir`), using and filling the cache in `cacheDir`. */
export async function loadEngine(
  knowledge: Knowledge,
  dir: string,
  aliases: AliasTable,
  cacheDir: string,
  logger: Logger,
  { buildInProcessLimit = BUILD_IN_PROCESS_LIMIT, ...options }: LoadEngineOptions,
): Promise<LoadedEngine> {
  if (knowledge.passages.length > buildInProcessLimit) {
    const cached = await loadAnswerEngine(knowledge, { ...options, aliases, cacheDir, cachedOnly: true });
    if (cached) return cached;
    logger.info({ passages: knowledge.passages.length }, 'no index cache for this knowledge: building it in a separate process');
    const started = performance.now();
    await buildInChild(dir, cacheDir);
    const loaded = await loadAnswerEngine(knowledge, { ...options, aliases, cacheDir });
    return { ...loaded, index: 'built', ms: performance.now() - started };
  }
  return loadAnswerEngine(knowledge, { ...options, aliases, cacheDir });
}

/** Builds the index cache for the knowledge in `dir` in a separate process (this event loop keeps serving). */
export function buildInChild(dir: string, cacheDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // A TypeScript builder needs tsx, which `npm start` passes to this process but a test runner may not.
    const loader = !TYPESCRIPT || process.execArgv.includes('tsx') ? [] : ['--import', import.meta.resolve('tsx')];
    const child = spawn(process.execPath, [...childFlags(process.execArgv), ...loader, BUILDER, dir, cacheDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`index builder: exited with ${code}: ${err.trim()}`))));
  });
}

// Flags about a script given inline, each followed by its value (the script, or its module type).
const INLINE_SCRIPT: ReadonlySet<string> = new Set(['-e', '--eval', '-p', '--print', '-pe', '--input-type']);

/**
 * The flags this process was started with, less a script it was given inline (`node -e …`, `-p …`) and what only
 * applies to one: the builder runs its own file, not that script again (which would start another builder, and so on).
 */
export function childFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i += 1) {
    const flag = execArgv[i] as string;
    if (INLINE_SCRIPT.has(flag)) i += 1;
    else if (!/^--(?:eval|print|input-type)=/u.test(flag)) flags.push(flag);
  }
  return flags;
}

