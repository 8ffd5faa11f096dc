// Several replicas, one briefing: each add and remove the desk makes is recorded in the shared store, and every
// replica applies the others' to its own knowledge folder within seconds (at start, the whole record).
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { SharedStore } from '../store/index.js';
import type { Desk, DeskChange } from './desk.js';

/** How often a replica looks for the others' changes. */
export const REPLICA_SYNC_MS = 2_000;
/** How far back each look reaches again, for a change recorded late (a slow write, another replica's clock). */
const OVERLAP_MS = 60_000;

const STREAM = 'desk-changes';

/** The link between this replica's desk and the others'. */
export interface ReplicaSync {
  /** Records a change this replica made. */
  publish(change: DeskChange): Promise<void>;
  /** Looks for the others' changes now (what the timer does). */
  pull(): Promise<void>;
  stop(): void;
}

/** Starts following the other replicas' changes. */
export function startReplicaSync({ store, desk, logger, everyMs = REPLICA_SYNC_MS }: { store: SharedStore; desk: Pick<Desk, 'apply'>; logger: Logger; everyMs?: number }): ReplicaSync {
  const origin = randomUUID();
  const done = new Set<string>();
  let since = 0;
  let pulling: Promise<void> | undefined;
  const pullOnce = async (): Promise<void> => {
    const records = await store.read(STREAM, Math.max(since - OVERLAP_MS, 0));
    // Only each file's last change counts: replaying an add and then its remove would bring the article back.
    const last = new Map<string, DeskChange>();
    for (const record of records.sort((a, b) => a.at - b.at)) {
      const id = String(record.id);
      since = Math.max(since, record.at);
      if (done.has(id)) continue;
      done.add(id);
      const change = record.change as DeskChange | undefined;
      if (record.origin === origin || !change || (change.op !== 'add' && change.op !== 'remove') || !isPlainName(change.file)) continue;
      last.delete(change.file);
      last.set(change.file, change);
    }
    for (const change of last.values()) await desk.apply(change);
  };
  const pull = (): Promise<void> => {
    pulling ??= pullOnce()
      .catch((error: unknown) => logger.warn({ err: String(error) }, 'desk: could not read the other replicas’ changes (trying again)'))
      .finally(() => (pulling = undefined));
    return pulling;
  };
  const timer = setInterval(() => void pull(), everyMs);
  timer.unref();
  void pull();
  return {
    async publish(change) {
      const id = randomUUID();
      done.add(id);
      await store.append(STREAM, { at: change.at, id, origin, change });
    },
    pull,
    stop: () => clearInterval(timer),
  };
}

// A change names a file in the folder, never a path elsewhere (the record comes from the shared store).
function isPlainName(file: string): boolean {
  return /^[^/\\]+\.(?:txt|md)$/iu.test(file) && !file.startsWith('.');
}
