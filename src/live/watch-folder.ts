// Tells when a folder may have changed: file-system events, gathered while editors save in bursts, and a periodic
// look in case events are missed (network drives, editors that replace the folder's files).
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../logger.js';

/** Options of {@link watchFolder}. */
export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs. Default 500 ms. */
  debounceMs?: number;
  /** Longest wait from the first event of a burst. Default 3 s. */
  maxWaitMs?: number;
  /** Interval of the periodic look. Default 10 s. */
  pollMs?: number;
  logger: Logger;
}

/** A running watch. */
export interface FolderWatch {
  close(): void;
}

/** Calls `onChange` (debounced) when `dir` may have changed. */
export function watchFolder(dir: string, onChange: () => void, options: WatchOptions): FolderWatch {
  const { debounceMs = 500, maxWaitMs = 3_000, pollMs = 10_000, logger } = options;
  let quiet: NodeJS.Timeout | undefined;
  let burstStarted = 0;
  const fire = (): void => {
    clearTimeout(quiet);
    quiet = undefined;
    burstStarted = 0;
    onChange();
  };
  const nudge = (): void => {
    const now = Date.now();
    if (burstStarted === 0) burstStarted = now;
    clearTimeout(quiet);
    quiet = setTimeout(fire, Math.max(0, Math.min(debounceMs, burstStarted + maxWaitMs - now)));
    quiet.unref();
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, nudge);
    watcher.on('error', (error) => {
      logger.warn({ dir, err: error.message }, 'knowledge folder: change events stopped; still looking every few seconds');
      watcher?.close();
      watcher = undefined;
    });
  } catch (error) {
    logger.warn({ dir, err: (error as Error).message }, 'knowledge folder: no change events here; looking every few seconds instead');
  }
  const poll = setInterval(onChange, pollMs);
  poll.unref();
  return {
    close() {
      clearTimeout(quiet);
      clearInterval(poll);
      watcher?.close();
    },
  };
}
