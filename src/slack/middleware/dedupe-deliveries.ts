// One reply per question: drops Slack's redeliveries and the second event for one message (DM + mention).
import type { AnyMiddlewareArgs } from '@slack/bolt';

/** Options of {@link createDeliveryGuard}. */
export interface DeliveryGuardOptions {
  /** How long a delivery is remembered (at least half of it). Slack retries for about 5 minutes; default 1 hour. */
  ttlMs?: number;
  /** Most deliveries remembered; the oldest are forgotten first. Default 10,000. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Remembers keys for a while: `claim(key)` is true the first time only (in this process, or across replicas). */
export interface DeliveryGuard {
  claim(key: string): boolean | Promise<boolean>;
}

/** A guard over the shared store: with Redis, a redelivery to another replica is not answered twice. */
export function storeGuard(store: { claim(key: string, ttlMs: number): Promise<boolean> }, ttlMs = 3_600_000): DeliveryGuard {
  return { claim: (key) => store.claim(`delivery:${key}`, ttlMs) };
}

/**
 * A bounded, expiring set of claimed keys, as two generations: keys go into the current one; it becomes the
 * previous one after half the TTL or half the entries, and the previous one is dropped. A key is remembered for at
 * least half the TTL and half `maxEntries` later keys, at most the TTL. Every claim is O(1).
 */
export function createDeliveryGuard({ ttlMs = 3_600_000, maxEntries = 10_000, now = Date.now }: DeliveryGuardOptions = {}): DeliveryGuard {
  let current = new Set<string>();
  let previous = new Set<string>();
  let rotatedAt = now();
  return {
    claim(key) {
      const time = now();
      if (time - rotatedAt >= ttlMs) {
        previous = new Set();
        current = new Set();
        rotatedAt = time;
      } else if (time - rotatedAt >= ttlMs / 2 || current.size >= maxEntries / 2) {
        previous = current;
        current = new Set();
        rotatedAt = time;
      }
      if (current.has(key) || previous.has(key)) return false;
      current.add(key);
      return true;
    },
  };
}

/**
 * True the first time a delivery is seen. An event about a message (a mention, a DM) is known by its channel and
 * ts: a redelivery repeats them, and a DM that also mentions the bot sends two events with the same ones. Any other
 * event is known by its event id. One key per delivery: the guard is on every request's path.
 */
export function isFirstDelivery(guard: DeliveryGuard, body: AnyMiddlewareArgs['body']): boolean | Promise<boolean> {
  const b = body as { event_id?: string; event?: { channel?: string; ts?: string; type?: string; subtype?: string } };
  const event = b.event;
  if (event?.channel && event.ts && !event.subtype && (event.type === 'message' || event.type === 'app_mention')) {
    return guard.claim(`message:${event.channel}:${event.ts}`);
  }
  return b.event_id ? guard.claim(`event:${b.event_id}`) : true;
}
