// One reply per question: drops Slack's redeliveries and the second event for one message (DM + mention).
import type { AnyMiddlewareArgs } from '@slack/bolt';

/** Options of {@link createDeliveryGuard}. */
export interface DeliveryGuardOptions {
  /** How long a delivery is remembered. Slack retries for about 5 minutes; default 1 hour. */
  ttlMs?: number;
  /** Most deliveries remembered; the oldest are forgotten first. Default 10,000. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Remembers keys for a while: `claim(key)` is true the first time only. */
export interface DeliveryGuard {
  claim(key: string): boolean;
}

/** A bounded, expiring set of claimed keys. */
export function createDeliveryGuard({ ttlMs = 3_600_000, maxEntries = 10_000, now = Date.now }: DeliveryGuardOptions = {}): DeliveryGuard {
  const seen = new Map<string, number>();
  return {
    claim(key) {
      const time = now();
      for (const [k, at] of seen) {
        if (time - at < ttlMs && seen.size < maxEntries) break;
        seen.delete(k);
      }
      if (seen.has(key)) return false;
      seen.set(key, time);
      return true;
    },
  };
}

/** The keys of one incoming request: its event id, and the message it is about (channel and ts). */
export function deliveryKeys(body: AnyMiddlewareArgs['body']): string[] {
  const b = body as { event_id?: string; event?: { channel?: string; ts?: string; type?: string; subtype?: string } };
  const keys: string[] = [];
  if (b.event_id) keys.push(`event:${b.event_id}`);
  const event = b.event;
  if (event?.channel && event.ts && !event.subtype && (event.type === 'message' || event.type === 'app_mention')) {
    keys.push(`message:${event.channel}:${event.ts}`);
  }
  return keys;
}

/** True the first time a request (by event id) or the message it is about (by channel and ts) is seen. */
export function isFirstDelivery(guard: DeliveryGuard, body: AnyMiddlewareArgs['body']): boolean {
  // Claim every key (no short-circuit): the first event for a message must also claim its message key.
  return deliveryKeys(body).map((k) => guard.claim(k)).every(Boolean);
}
