// The one global middleware: a logger with the request's ids, one reply per delivery, and work counted in flight.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { requestLog } from './request-log.js';
import { isFirstDelivery, type DeliveryGuard } from './dedupe-deliveries.js';
import type { InFlight } from './in-flight.js';

/** What the guard needs. */
export interface RequestGuardDeps {
  logger: Logger;
  guard: DeliveryGuard;
  inFlight: InFlight;
}

/**
 * Puts a child logger on `context.log`; drops a redelivered event, or the second event for one message (a DM that
 * also mentions the bot), after Bolt has acked it; counts the listeners' work as in flight for graceful shutdown.
 */
export function requestGuard({ logger, guard, inFlight }: RequestGuardDeps): Middleware<AnyMiddlewareArgs> {
  return async function guardRequest({ body, context, next }) {
    const log = requestLog(logger, body, context.retryNum);
    context.log = log;
    if (!(await isFirstDelivery(guard, body))) {
      log.info({ retryReason: context.retryReason }, 'repeated delivery ignored');
      return;
    }
    return inFlight.track(next);
  };
}
