// The one place unexpected listener errors land: logged with the request's ids, and the user gets an apology.
import type { AnyMiddlewareArgs, App, Context } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { apologyMessage } from './format/help-message.js';
import { requestIds } from './middleware/request-log.js';

/** The parts of a Slack Web API error worth logging (never its request). */
export function describeSlackError(error: unknown): Record<string, unknown> {
  const e = error as { code?: string; data?: { error?: string }; message?: string; original?: { message?: string } };
  return { code: e.code, slackError: e.data?.error, message: e.original?.message ?? e.message };
}

/** What Bolt passes an error handler when `extendedErrorHandler` is on. */
export interface ErrorHandlerArgs {
  error: Error;
  body: AnyMiddlewareArgs['body'];
  context: Context;
}

/** Handles errors from any listener; never throws. */
export function errorHandler(app: App, logger: Logger) {
  return async function onListenerError({ error, body, context }: ErrorHandlerArgs): Promise<void> {
    const log = (context.log as Logger | undefined) ?? logger.child(requestIds(body));
    log.error({ err: describeSlackError(error) }, 'listener failed');
    try {
      await apologise(app, body as ApologyTarget, context.botToken as string | undefined);
    } catch (apologyError) {
      log.warn({ err: describeSlackError(apologyError) }, 'could not send the apology either');
    }
  };
}

interface ApologyTarget {
  response_url?: string;
  event?: { channel?: string; ts?: string; thread_ts?: string; channel_type?: string };
}

async function apologise(app: App, body: ApologyTarget, token: string | undefined): Promise<void> {
  const message = apologyMessage();
  if (body.response_url) {
    const response = await fetch(body.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`slack: response_url answered ${response.status}`);
    return;
  }
  const event = body.event;
  if (!event?.channel) return;
  const threadTs = event.thread_ts ?? (event.channel.startsWith('D') ? undefined : event.ts);
  await app.client.chat.postMessage({ token, channel: event.channel, ...message, ...(threadTs ? { thread_ts: threadTs } : {}) });
}
