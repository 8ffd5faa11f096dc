// The ids worth logging from a Slack request, and a child logger carrying them.
import type { AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/** The ids worth logging from any Slack request body (never its text). */
export function requestIds(body: AnyMiddlewareArgs['body']): Record<string, string | number | undefined> {
  const b = body as Record<string, unknown> & {
    event?: { type?: string; user?: string; channel?: string; ts?: string };
    user?: { id?: string } | string;
    channel?: { id?: string };
    container?: { channel_id?: string };
  };
  return {
    eventId: b.event_id as string | undefined,
    type: b.event?.type ?? (b.command as string | undefined) ?? (b.type as string | undefined),
    user: b.event?.user ?? (typeof b.user === 'object' ? b.user?.id : undefined) ?? (b.user_id as string | undefined),
    channel: b.event?.channel ?? b.channel?.id ?? b.container?.channel_id ?? (b.channel_id as string | undefined),
    ts: b.event?.ts,
  };
}

/** A child of `logger` bound to the request's ids (and the retry number of a redelivery); pino skips the absent ones. */
export function requestLog(logger: Logger, body: AnyMiddlewareArgs['body'], retryNum?: number): Logger {
  const ids = requestIds(body);
  if (retryNum) ids.retryNum = retryNum;
  return logger.child(ids);
}
