// Counts the work in flight so shutdown can wait for replies already being written.

/** Work in flight, and a way to wait for it. */
export interface InFlight {
  readonly size: number;
  /** Runs `work`, counting it until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when nothing is in flight, or after `timeoutMs`; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** A counter of promises in flight. */
export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    get size() {
      return running.size;
    },
    track(work) {
      const promise = work();
      running.add(promise);
      promise.then(
        () => running.delete(promise),
        () => running.delete(promise),
      );
      return promise;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const settled = (async () => {
        while (running.size > 0) await Promise.allSettled([...running]);
        return true as const;
      })();
      const done = await Promise.race([settled, timeout]);
      clearTimeout(timer);
      return done;
    },
  };
}
