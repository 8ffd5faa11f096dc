// Gives each request a child logger carrying its ids (event, user, channel), as `context.log`.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
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

/** Global middleware: `context.log` is a child of `logger` with the request's ids. */
export function attachLog(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async function withRequestLog({ body, context, next }) {
    const ids = Object.fromEntries(Object.entries(requestIds(body)).filter(([, v]) => v !== undefined));
    context.log = logger.child({ ...ids, ...(context.retryNum ? { retryNum: context.retryNum } : {}) });
    await next();
  };
}
