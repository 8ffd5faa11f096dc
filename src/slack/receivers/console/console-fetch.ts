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
  via: 'chat.postMessage' | 'chat.postEphemeral' | 'chat.update' | 'respond' | 'views.publish' | 'assistant';
  channel?: string;
  threadTs?: string;
  ephemeral: boolean;
  deleteOriginal: boolean;
  text?: string;
  blocks?: types.KnownBlock[];
}

const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** A message the console's Slack took: what a thread read back gives. */
interface Kept {
  channel: string;
  ts: string;
  threadTs?: string;
  metadata?: unknown;
}

/** Most messages the console keeps for threads to be read back. */
const KEPT = 200;

/**
 * A `fetch` for Bolt's `clientOptions.fetch`: answers like Slack and hands every message to `deliver`; keeps what was
 * posted so a thread can be read back (`conversations.replies`, a DM's `conversations.history`).
 */
export function consoleFetch(deliver: (delivery: ConsoleDelivery) => void): typeof fetch {
  const kept: Kept[] = [];
  /** Messages posted so far: the next one's ts. */
  let ts = 0;
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
      const posted = `1700000000.${String(ts).padStart(6, '0')}`;
      if (method === 'chat.postMessage' && form.channel) {
        kept.push({ channel: form.channel, ts: posted, ...(form.thread_ts ? { threadTs: form.thread_ts } : {}), ...(form.metadata ? { metadata: JSON.parse(form.metadata) as unknown } : {}) });
        if (kept.length > KEPT) kept.shift();
      }
      return json({ ok: true, channel: form.channel, ts: posted });
    }
    if (method === 'conversations.replies' || method === 'conversations.history') {
      const inThread = (m: Kept): boolean => (method === 'conversations.history' ? !m.threadTs : m.ts === form.ts || m.threadTs === form.ts);
      const messages = kept.filter((m) => m.channel === form.channel && inThread(m)).map((m) => ({ type: 'message', ts: m.ts, bot_id: CONSOLE_BOT.botId, ...(m.metadata ? { metadata: m.metadata } : {}) }));
      return json({ ok: true, has_more: false, messages: method === 'conversations.history' ? messages.reverse() : messages });
    }
    // The assistant panel's calls, shown as Slack shows them: a status line, the suggested prompts, the thread's title.
    if (method.startsWith('assistant.threads.')) {
      const prompts = form.prompts ? (JSON.parse(form.prompts) as { message: string }[]) : [];
      const text =
        method === 'assistant.threads.setStatus'
          ? form.status ? `briefing-bot ${form.status}` : ''
          : method === 'assistant.threads.setTitle'
            ? `(the thread is titled “${form.title ?? ''}”)`
            : `${form.title ?? 'Try asking'}:\n${prompts.map((p, i) => `  ${i + 1}. ${p.message}`).join('\n')}`;
      if (text) deliver({ via: 'assistant', ephemeral: false, deleteOriginal: false, text });
      return json({ ok: true });
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
