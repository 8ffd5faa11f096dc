// The knowledge in service while the bot runs: read from the folder at start, then followed as editors add, change
// and remove articles. The index is updated in place and the engine switched whole, so each question is answered
// from one version of the knowledge; the index cache follows, so a restart loads instead of rebuilding.
import { createAnswerEngine, createWarmingEngine, type AnswerEngineOptions, type AvoidedPassages, type Meaning, type WarmingEngine } from '../answers/index.js';
import { cacheKey, writeIndexCache, type PassageIndex } from '../search/index.js';
import { KnowledgeError, type AliasTable, type Knowledge, type KnowledgeDocument } from '../knowledge/index.js';
import { BUILD_IN_PROCESS_LIMIT, buildInChild, loadEngine } from './load-engine.js';
import type { Lexicon } from '../lexicon/index.js';
import type { Logger } from '../logger.js';
import { KnowledgeFolder, type FolderScan } from './knowledge-folder.js';
import { watchFolder, type FolderWatch } from './watch-folder.js';

/** Options of {@link startLiveKnowledge}. */
export interface LiveKnowledgeOptions {
  dir: string;
  /** Where the index cache is kept (`STATE_DIR/index-cache`). */
  cacheDir: string;
  logger: Logger;
  /** General English for every engine over this knowledge (the process opens one and passes it down). */
  lexicon: Lexicon;
  /** How often the folder is also listed, besides change events. Default 10 s. */
  pollMs?: number;
  /** Quiet time after the last change event before the folder is read. Default 500 ms. */
  debounceMs?: number;
  /** Quiet time after the last update before the index cache is saved. Default 5 s. */
  saveCacheAfterMs?: number;
  /** Passages readers said do not answer a question (see AnswerEngineOptions). */
  avoid?: AvoidedPassages;
  /** The team's embedding model (see AnswerEngineOptions); its vectors are kept by whoever gave it. */
  meaning?: Meaning;
}

/** The knowledge in service, and what follows it. */
export interface LiveKnowledge {
  /** The engine of the moment (a "still reading" reply until the first index is ready). */
  readonly engine: WarmingEngine;
  /** The knowledge in service (changes as the folder does). */
  knowledge(): Knowledge;
  /** Counts the changes put in service (0 at start). */
  readonly version: number;
  /** Resolves when the first index is ready (or could not be built: that is logged, and the bot says it is still reading). */
  readonly ready: Promise<void>;
  /** Reads the folder now and puts any change in service (what the watch calls); resolves when done. */
  refresh(): Promise<void>;
  /** Calls `listener` after each change put in service. */
  onChange(listener: (knowledge: Knowledge) => void): void;
  close(): void;
}

/**
 * Reads the folder and starts following it. @throws (rejects with) KnowledgeError when the folder holds no usable article (naming
 * the first file that failed and its line).
 */
export async function startLiveKnowledge(options: LiveKnowledgeOptions): Promise<LiveKnowledge> {
  const { dir, cacheDir, logger } = options;
  const log = logger.child({ module: 'knowledge' });
  const engineOptions: Pick<AnswerEngineOptions, 'lexicon' | 'avoid' | 'meaning'> = {
    lexicon: options.lexicon,
    ...(options.avoid ? { avoid: options.avoid } : {}),
    ...(options.meaning ? { meaning: options.meaning } : {}),
  };
  const folder = new KnowledgeFolder(dir);
  const first = await folder.scan();
  report(first, log);
  if (first.emptyFolder) {
    const problem = first.problems.find((p) => p.file !== 'aliases.json');
    throw problem ? new KnowledgeError(problem.reason, problem.file, problem.line) : new KnowledgeError(first.emptyFolder);
  }
  let current = first.knowledge;
  let aliases: AliasTable = first.aliases;
  const engine = createWarmingEngine(current);
  const listeners: ((knowledge: Knowledge) => void)[] = [];
  let version = 0;
  let index: PassageIndex | undefined;
  let indexed: Knowledge = current;
  let indexedAliases = aliases;
  let saveTimer: NodeJS.Timeout | undefined;
  let saving = false;
  let closed = false;

  // Puts the folder's current knowledge in service: the index updated in place, then a new engine over it.
  const sync = (): void => {
    if (!index) return;
    const change = diff(indexed, current);
    if (change.added.length + change.changed.length + change.removed.length === 0 && indexedAliases === aliases) return;
    const started = performance.now();
    index.update({ added: [...change.added, ...change.changed], removed: change.removed.map((d) => d.id) });
    engine.ready(createAnswerEngine(current, { index, aliases, ...engineOptions }));
    indexed = current;
    indexedAliases = aliases;
    version += 1;
    log.info(
      {
        added: change.added.map((d) => d.file),
        changed: change.changed.map((d) => d.file),
        removed: change.removed.map((d) => d.file),
        documents: current.documents.length,
        passages: current.passages.length,
        ms: Math.round(performance.now() - started),
      },
      'knowledge updated',
    );
    for (const listener of listeners) listener(current);
    scheduleSave();
  };

  const scheduleSave = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), options.saveCacheAfterMs ?? 5_000);
    saveTimer.unref();
  };
  const save = async (): Promise<void> => {
    if (saving || closed || !index || !current.contentHash) return;
    saving = true;
    const started = performance.now();
    try {
      // A large index is written by a separate process (serialising it here would hold up replies).
      if (current.passages.length > BUILD_IN_PROCESS_LIMIT) await buildInChild(dir, cacheDir);
      else await writeIndexCache(cacheDir, cacheKey(current.contentHash), index.toData());
      log.info({ ms: Math.round(performance.now() - started) }, 'index cache saved');
    } catch (error) {
      log.warn({ err: String(error) }, 'could not save the index cache (a restart rebuilds the index)');
    } finally {
      saving = false;
    }
  };

  const ready = loadEngine(current, dir, aliases, cacheDir, logger, engineOptions).then(
    ({ engine: loaded, passageIndex, index: how, ms, cacheError }) => {
      index = passageIndex;
      engine.ready(loaded);
      if (cacheError) log.warn({ err: cacheError }, 'could not save the index cache');
      logger.info({ index: how, ms: Math.round(ms) }, 'index ready');
      // Changes that came while the index was being built.
      sync();
    },
    (error: unknown) => logger.error({ err: String(error) }, 'could not build the index: questions get a "still reading" reply'),
  );

  // One look at a time; a change noticed meanwhile is looked at right after, and whoever asked for it waits for that
  // look (not the one already under way, which may have listed the folder before their change).
  let looking: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const look = async (): Promise<void> => {
    const scan = await folder.scan();
    // Replies waiting since the folder was read go first: the update below is the one step that must not be split.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (closed) return;
    report(scan, log);
    if (scan.added.length + scan.changed.length + scan.removed.length > 0 || scan.aliasesChanged) {
      current = scan.knowledge;
      aliases = scan.aliases;
      sync();
    }
  };
  const run = (): Promise<void> => {
    const running = look()
      .catch((error: unknown) => log.error({ err: String(error) }, 'could not read the knowledge folder'))
      .finally(() => {
        looking = undefined;
      });
    looking = running;
    return running;
  };
  const refresh = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (!looking) return run();
    queued ??= looking.then(() => {
      queued = undefined;
      return closed ? undefined : run();
    });
    return queued;
  };
  const watch: FolderWatch = watchFolder(dir, () => void refresh(), { logger: log, ...(options.pollMs ? { pollMs: options.pollMs } : {}), ...(options.debounceMs ? { debounceMs: options.debounceMs } : {}) });

  return {
    engine,
    knowledge: () => current,
    get version() {
      return version;
    },
    ready,
    refresh,
    onChange: (listener) => void listeners.push(listener),
    close() {
      closed = true;
      clearTimeout(saveTimer);
      watch.close();
    },
  };
}

/** The documents of `to` that `from` does not have, has in another version, or has and `to` does not. */
export function diff(from: Knowledge, to: Knowledge): { added: KnowledgeDocument[]; changed: KnowledgeDocument[]; removed: KnowledgeDocument[] } {
  const before = new Map(from.documents.map((d) => [d.id, d]));
  const after = new Map(to.documents.map((d) => [d.id, d]));
  return {
    added: to.documents.filter((d) => !before.has(d.id)),
    changed: to.documents.filter((d) => before.has(d.id) && before.get(d.id) !== d),
    removed: from.documents.filter((d) => !after.has(d.id)),
  };
}

// One line per problem, skipped file or empty folder: what an operator needs to fix it.
function report(scan: FolderScan, log: Logger): void {
  for (const p of scan.problems) {
    log.error(
      { file: p.file, ...(p.line ? { line: p.line } : {}), reason: p.reason, keptLastGood: p.keptLastGood },
      p.keptLastGood ? `${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason} (the last good version stays in service)` : `${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason} (not loaded)`,
    );
  }
  for (const s of scan.skipped) log.info({ file: s.file, reason: s.reason }, `skipped ${s.file}: ${s.reason}`);
  if (scan.emptyFolder && scan.knowledge.documents.length > 0) log.error({ reason: scan.emptyFolder }, `${scan.emptyFolder}: keeping the last good knowledge`);
}
