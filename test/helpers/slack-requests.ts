// Builds and sends requests the way Slack does: HMAC-signed, with Slack's payload shapes.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-0000-bot-token-secret';
export const APP_TOKEN = 'xapp-1-test-0000-app-token-secret';

/** `v0=` + HMAC-SHA256 of `v0:{ts}:{body}`, as Slack signs requests. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Options of {@link sendSigned}. */
export interface SendOptions {
  secret?: string;
  timestamp?: number;
  headers?: Record<string, string>;
  /** Gives up (rejects) when the app has not answered within this time. */
  timeoutMs?: number;
}

/** POSTs `payload` to `url` signed: JSON for events, form-encoded for commands and interactivity. */
export async function sendSigned(url: string, payload: Record<string, unknown> | URLSearchParams, options: SendOptions = {}) {
  const form = payload instanceof URLSearchParams;
  const body = form ? payload.toString() : JSON.stringify(payload);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
    ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
  });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}

let counter = 0;
const nextTs = (): string => `1700000${String(100 + (counter += 1)).padStart(3, '0')}.000${String(counter).padStart(3, '0')}`;

/** An `event_callback` envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${String((counter += 1)).padStart(6, '0')}`) {
  return {
    event: { event_ts: event.ts, ...event } as unknown as Record<string, unknown> & { ts: string; channel: string },
    token: 'verification-token',
    team_id: 'T111',
    api_app_id: 'A111',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: 'T111', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}

/** An `app_mention` event envelope. */
export function mentionEvent(text: string, extra: Record<string, unknown> = {}) {
  return eventEnvelope({ type: 'app_mention', user: 'U111', text: `<@UBOT> ${text}`, ts: nextTs(), channel: 'C111', ...extra });
}

/** A `message.im` event envelope. */
export function dmEvent(text: string, extra: Record<string, unknown> = {}) {
  return eventEnvelope({ type: 'message', channel_type: 'im', user: 'U111', text, ts: nextTs(), channel: 'D111', ...extra });
}

/** A `/briefing` slash command body. */
export function slashCommand(text: string, responseUrl: string): URLSearchParams {
  return new URLSearchParams({
    token: 'verification-token', team_id: 'T111', team_domain: 'example', channel_id: 'C111', channel_name: 'general',
    user_id: 'U111', user_name: 'alice', command: '/briefing', text, api_app_id: 'A111', is_enterprise_install: 'false',
    response_url: responseUrl, trigger_id: '13345224609.738474920.8088930838d88f008e0',
  });
}

/** A `block_actions` payload for a button press. */
export function buttonPress(actionId: string, value: string, responseUrl: string): URLSearchParams {
  const payload = {
    type: 'block_actions',
    user: { id: 'U222', username: 'bob', name: 'bob', team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification-token',
    container: { type: 'message', message_ts: '1700000000.000300', channel_id: 'C111', is_ephemeral: true },
    trigger_id: '111.222.valid',
    team: { id: 'T111', domain: 'example' },
    channel: { id: 'C111', name: 'general' },
    response_url: responseUrl,
    actions: [{ action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Share in channel' }, value, type: 'button', action_ts: '1700000000.000400' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) });
}
