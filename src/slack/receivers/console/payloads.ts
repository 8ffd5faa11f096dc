// Turns what a person types into the payloads Slack would send for it: a mention, a slash command, a button press.
import { basename, resolve } from 'node:path';
import { CONSOLE_API_URL, CONSOLE_BOT, CONSOLE_FILES, CONSOLE_RESPONSE_URL } from './console-fetch.js';

/** The channel and person of the console. */
export const CONSOLE_CHANNEL = { id: 'C0CONSOLE', name: 'console' } as const;
export const CONSOLE_USER = { id: 'U0YOU', name: 'you' } as const;
/** The console's direct-message channel with the bot. */
export const CONSOLE_DM = 'D0CONSOLE';
const TEAM = 'T0CONSOLE';

const tsOf = (n: number): string => `${1_700_000_000 + n}.000100`;

/** The ts a payload's event has (the thread a mention opens). */
export function eventTs(payload: Record<string, unknown>): string {
  return String((payload.event as { ts?: string; event_ts?: string }).ts ?? '');
}

/** The payloads one console sends, numbered in order (each delivery's ids and ts come from its number). */
export interface ConsolePayloads {
  /** An `event_callback` with an `app_mention` of the bot asking `text` (in the thread `threadTs`, if given). */
  mention(text: string, threadTs?: string): Record<string, unknown>;
  /** An `event_callback` with `assistant_thread_started`: the person opened the assistant panel; its thread's ts. */
  assistantStarted(): { payload: Record<string, unknown>; threadTs: string };
  /** An `event_callback` with the person's message in the assistant thread `threadTs`. */
  assistantMessage(text: string, threadTs: string): Record<string, unknown>;
  /** A slash command body, as Bolt's receivers hand it over after parsing the form. */
  command(command: string, text: string): Record<string, unknown>;
  /** A `block_actions` payload pressing a button. */
  button(actionId: string, value: string, label: string): Record<string, unknown>;
  /** A `block_actions` payload pressing 👍 or 👎 of the feedback buttons. */
  feedback(actionId: string, value: string, label: string): Record<string, unknown>;
  /** An `event_callback` with `app_home_opened`: the person opened the bot's Home tab. */
  homeOpened(): Record<string, unknown>;
  /** An `event_callback` with a `file_share` message in the DM: the person shared the local file at `path` with the bot. */
  fileShare(path: string): Record<string, unknown>;
}

/** The payloads of one console, numbered from 1. */
export function consolePayloads(): ConsolePayloads {
  let sequence = 0;
  const next = (): number => (sequence += 1);

  // An `event_callback` around the event that `event(n)` makes (n: the delivery's number, for its ids and ts).
  const eventCallback = (event: (n: number) => Record<string, unknown>): Record<string, unknown> => {
    const n = next();
    return {
      token: 'console',
      team_id: TEAM,
      api_app_id: 'A0CONSOLE',
      type: 'event_callback',
      event_id: `EvConsole${n}`,
      event_time: Math.floor(Date.now() / 1000),
      event: event(n),
      authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: CONSOLE_BOT.botUserId, is_bot: true, is_enterprise_install: false }],
    };
  };

  const button = (actionId: string, value: string, label: string): Record<string, unknown> => {
    const n = next();
    return {
      type: 'block_actions',
      user: { id: CONSOLE_USER.id, username: CONSOLE_USER.name, name: CONSOLE_USER.name, team_id: TEAM },
      api_app_id: 'A0CONSOLE',
      token: 'console',
      container: { type: 'message', message_ts: tsOf(n), channel_id: CONSOLE_CHANNEL.id, is_ephemeral: true },
      trigger_id: `console.${n}`,
      team: { id: TEAM, domain: 'console' },
      channel: CONSOLE_CHANNEL,
      response_url: `${CONSOLE_RESPONSE_URL}${n}`,
      actions: [{ action_id: actionId, block_id: 'console', text: { type: 'plain_text', text: label }, value, type: 'button', action_ts: tsOf(n) }],
    };
  };

  return {
    mention: (text, threadTs) =>
      eventCallback((n) => ({ type: 'app_mention', user: CONSOLE_USER.id, text: `<@${CONSOLE_BOT.botUserId}> ${text}`, ts: tsOf(n), event_ts: tsOf(n), channel: CONSOLE_CHANNEL.id, ...(threadTs ? { thread_ts: threadTs } : {}) })),
    assistantStarted() {
      let threadTs = '';
      const payload = eventCallback((n) => {
        threadTs = tsOf(n);
        return { type: 'assistant_thread_started', assistant_thread: { user_id: CONSOLE_USER.id, channel_id: CONSOLE_DM, thread_ts: threadTs, context: { channel_id: CONSOLE_CHANNEL.id, team_id: TEAM } }, event_ts: threadTs };
      });
      return { payload, threadTs };
    },
    assistantMessage: (text, threadTs) =>
      eventCallback((n) => ({ type: 'message', channel_type: 'im', channel: CONSOLE_DM, user: CONSOLE_USER.id, text, ts: tsOf(n), event_ts: tsOf(n), thread_ts: threadTs })),
    command(command, text) {
      const n = next();
      return {
        token: 'console', team_id: TEAM, team_domain: 'console', channel_id: CONSOLE_CHANNEL.id, channel_name: CONSOLE_CHANNEL.name,
        user_id: CONSOLE_USER.id, user_name: CONSOLE_USER.name, command, text, api_app_id: 'A0CONSOLE', is_enterprise_install: 'false',
        response_url: `${CONSOLE_RESPONSE_URL}${n}`, trigger_id: `console.${n}`,
      };
    },
    button,
    feedback(actionId, value, label) {
      const payload = button(actionId, value, label);
      const [action] = payload.actions as Record<string, unknown>[];
      return { ...payload, actions: [{ ...action, type: 'feedback_buttons' }] };
    },
    homeOpened: () => eventCallback((n) => ({ type: 'app_home_opened', user: CONSOLE_USER.id, channel: CONSOLE_DM, tab: 'home', event_ts: tsOf(n) })),
    fileShare(path) {
      const full = resolve(path);
      return eventCallback((n) => ({
        type: 'message', subtype: 'file_share', channel_type: 'im', channel: CONSOLE_DM, user: CONSOLE_USER.id, text: '', ts: tsOf(n), event_ts: tsOf(n),
        files: [{ id: `F0CONSOLE${n}`, name: basename(full), url_private_download: `${CONSOLE_API_URL}${CONSOLE_FILES}${encodeURIComponent(full)}` }],
      }));
    },
  };
}
