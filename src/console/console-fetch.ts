// The Web API and response_url, played locally: the app's calls are rendered to the terminal instead of sent.
import { readFile } from 'node:fs/promises';
import type { types } from '@slack/bolt';

/** Where the console pretends Slack lives; nothing is ever sent there. */
export const CONSOLE_API_URL = 'https://console.invalid/api/';
export const CONSOLE_RESPONSE_URL = 'https://console.invalid/respond/';
/** Where, under the console's API, a file shared with `/add` is downloaded from (the local path follows). */
export const CONSOLE_FILES = 'files/';

/** A message the app sent, as the console received it. */
export interface ConsoleDelivery {
  via: 'chat.postMessage' | 'chat.postEphemeral' | 'chat.update' | 'respond' | 'views.publish';
  channel?: string;
  threadTs?: string;
  ephemeral: boolean;
  deleteOriginal: boolean;
  text?: string;
  blocks?: types.KnownBlock[];
}

let ts = 0;
const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** A `fetch` for Bolt's `clientOptions.fetch`: answers like Slack and hands every message to `deliver`. */
export function consoleFetch(deliver: (delivery: ConsoleDelivery) => void): typeof fetch {
  return async function fetchLocally(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = await new Response(init?.body ?? null).text();
    if (url.startsWith(CONSOLE_RESPONSE_URL)) {
      const payload = JSON.parse(body || '{}') as { response_type?: string; delete_original?: boolean; text?: string; blocks?: types.KnownBlock[] };
      deliver({ via: 'respond', ephemeral: payload.response_type !== 'in_channel', deleteOriginal: payload.delete_original === true, ...pick(payload) });
      return json({ ok: true });
    }
    const method = url.startsWith(CONSOLE_API_URL) ? url.slice(CONSOLE_API_URL.length) : url;
    // A file shared with `/add <path>`: read from this machine, as Slack's file host would serve it.
    if (method.startsWith(CONSOLE_FILES)) {
      return readFile(decodeURIComponent(method.slice(CONSOLE_FILES.length))).then(
        (bytes) => new Response(bytes, { status: 200, headers: { 'content-type': 'application/octet-stream' } }),
        () => new Response('not found', { status: 404 }),
      );
    }
    const form = Object.fromEntries(new URLSearchParams(body));
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update') {
      const blocks = form.blocks ? (JSON.parse(form.blocks) as types.KnownBlock[]) : undefined;
      deliver({
        via: method,
        ephemeral: method === 'chat.postEphemeral',
        deleteOriginal: false,
        ...(form.channel ? { channel: form.channel } : {}),
        ...(form.thread_ts ? { threadTs: form.thread_ts } : {}),
        ...pick({ text: form.text, blocks }),
      });
      ts += 1;
      return json({ ok: true, channel: form.channel, ts: `1700000000.${String(ts).padStart(6, '0')}` });
    }
    if (method === 'views.publish') {
      const view = JSON.parse(form.view ?? '{}') as { blocks?: types.KnownBlock[] };
      deliver({ via: 'views.publish', ephemeral: false, deleteOriginal: false, ...pick({ blocks: view.blocks ?? [] }) });
      return json({ ok: true, view: { id: 'V0CONSOLE' } });
    }
    if (method === 'auth.test') return json({ ok: true, user_id: CONSOLE_BOT.botUserId, bot_id: CONSOLE_BOT.botId, team_id: 'T0CONSOLE' });
    return json({ ok: false, error: 'not_supported_in_console' });
  };
}

/** The bot's identity in the console. */
export const CONSOLE_BOT = { botId: 'B0CONSOLE', botUserId: 'U0BRIEFING' } as const;

function pick(payload: { text?: string | undefined; blocks?: types.KnownBlock[] | undefined }): { text?: string; blocks?: types.KnownBlock[] } {
  return { ...(payload.text !== undefined ? { text: payload.text } : {}), ...(payload.blocks ? { blocks: payload.blocks } : {}) };
}
