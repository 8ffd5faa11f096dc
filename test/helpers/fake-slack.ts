// A fake Slack Web API on 127.0.0.1: records every call, answers like Slack, fails on request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOT_TOKEN } from './slack-requests.js';

/** One call the app made. */
export interface ApiCall {
  method: string;
  /** Form fields, with JSON-valued fields (blocks) parsed; or the JSON body for response_url posts. */
  body: Record<string, unknown>;
  authorization?: string;
  at: number;
}

/** How the fake answers one method: a JSON body, after an optional delay. */
export type Handler = (call: ApiCall) => { body: Record<string, unknown>; delayMs?: number; status?: number };

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

/** The fake, started. */
export interface FakeSlack {
  /** Base for `SLACK_API_URL`, e.g. `http://127.0.0.1:1234/api/`. */
  apiUrl: string;
  /** A response_url the app may post to. */
  responseUrl(id: string): string;
  /** Every Web API call, in order (`chat.postMessage`, …), and every response_url post (`respond/<id>`). */
  calls: ApiCall[];
  /** Replaces the handler of a method (or `respond`) until reset. */
  on(method: string, handler: Handler): void;
  /** Keeps the method's handler (what it records and answers) but answers `delayMs` later, until reset. */
  slow(method: string, delayMs: number): void;
  reset(): void;
  /** Resolves with the first call to `method` matching `where` (including past ones), or rejects after `timeoutMs`. */
  waitFor(method: string, where?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Calls to `method` so far. */
  callsTo(method: string): ApiCall[];
  /**
   * Serves `bytes` as a file shared with the bot, on the fake's host as Slack's file host serves it: to the bot token
   * only (anyone else gets a sign-in page). Returns the file object of a `file_share` event; `files.info` knows it too.
   */
  shareFile(name: string, bytes: Uint8Array, mimetype: string): Record<string, unknown>;
  close(): Promise<void>;
}

/** A message the fake took with chat.postMessage. */
interface Posted {
  channel: string;
  ts: string;
  text: unknown;
  metadata: unknown;
  threadTs?: string;
}

const defaults = (messages: Posted[]): Record<string, Handler> => {
  let counter = 100;
  return {
    'auth.test': () => ({ body: { ok: true, url: 'https://x.slack.com/', team: 'T', user: 'bot', team_id: 'T111', user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false } }),
    'chat.postMessage': (call) => {
      // A ts of now, as Slack's are (the history is read from a recent time on).
      const posted: Posted = {
        channel: String(call.body.channel),
        ts: slackTs(Date.now(), (counter += 1)),
        text: call.body.text,
        metadata: call.body.metadata,
        ...(call.body.thread_ts ? { threadTs: String(call.body.thread_ts) } : {}),
      };
      messages.push(posted);
      return { body: { ok: true, channel: posted.channel, ts: posted.ts, message: { text: call.body.text } } };
    },
    // The channel's messages the fake has taken, newest first, as the bot's own (with their metadata when asked).
    'conversations.history': (call) => ({
      body: {
        ok: true,
        has_more: false,
        messages: messages
          .filter((m) => m.channel === call.body.channel && Number(m.ts) >= Number(call.body.oldest ?? 0))
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: BOT_ID, ...(m.metadata && call.body.include_all_metadata ? { metadata: m.metadata } : {}) })),
      },
    }),
    // A thread as Slack gives it: its messages the fake has taken (the bot's), oldest first, before `latest` if given.
    'conversations.replies': (call) => ({
      body: {
        ok: true,
        has_more: false,
        messages: messages
          .filter((m) => m.channel === call.body.channel && (m.ts === call.body.ts || m.threadTs === call.body.ts))
          .filter((m) => call.body.latest === undefined || Number(m.ts) < Number(call.body.latest))
          .map((m) => ({ type: 'message', ts: m.ts, thread_ts: m.threadTs ?? m.ts, text: m.text, bot_id: BOT_ID, ...(m.metadata && call.body.include_all_metadata ? { metadata: m.metadata } : {}) })),
      },
    }),
    'assistant.threads.setStatus': () => ({ body: { ok: true } }),
    'assistant.threads.setSuggestedPrompts': () => ({ body: { ok: true } }),
    'assistant.threads.setTitle': () => ({ body: { ok: true } }),
    'chat.postEphemeral': () => ({ body: { ok: true, message_ts: '1700000000.000200' } }),
    respond: () => ({ body: { ok: true } }),
    'views.publish': () => ({ body: { ok: true, view: { id: 'V111', type: 'home' } } }),
  };
};

/** A ts as Slack's are: seconds, then microseconds (here the milliseconds and a counter), so they sort by time. */
export function slackTs(ms: number, counter: number): string {
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + (counter % 1000)).padStart(6, '0')}`;
}

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const messages: Posted[] = [];
  let handlers = defaults(messages);
  const calls: ApiCall[] = [];
  const waiters = new Set<() => void>();
  const files = new Map<string, { bytes: Uint8Array; mimetype: string; info: Record<string, unknown> }>();
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(path);
    if (file) {
      calls.push({ method: 'file download', body: { path }, at: Date.now(), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      const allowed = req.headers.authorization === `Bearer ${BOT_TOKEN}`;
      res.writeHead(200, { 'content-type': allowed ? file.mimetype : 'text/html; charset=utf-8' });
      return res.end(allowed ? file.bytes : '<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/respond/') ? 'respond' : path;
    const call: ApiCall = { method, body: parseBody(await readBody(req), req.headers['content-type']), at: Date.now() };
    if (req.headers.authorization) call.authorization = req.headers.authorization;
    if (method === 'respond') call.body.responseId = path.slice('/respond/'.length);
    calls.push(call);
    for (const wake of waiters) wake();
    const handler: Handler = handlers[method] ?? (() => ({ body: { ok: false, error: 'unknown_method' } }));
    const { body, delayMs = 0, status = 200 } = handler(call);
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const callsTo = (method: string): ApiCall[] => calls.filter((c) => c.method === method);

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    on(method, handler) {
      handlers[method] = handler;
    },
    slow(method, delayMs) {
      const handler = handlers[method];
      if (handler) handlers[method] = (call) => ({ ...handler(call), delayMs });
    },
    reset() {
      messages.length = 0;
      handlers = defaults(messages);
      calls.length = 0;
    },
    callsTo,
    shareFile(name, bytes, mimetype) {
      const id = `F${String(files.size + 1).padStart(8, '0')}`;
      const path = `/files-pri/T111-${id}/download/${encodeURIComponent(name)}`;
      const info = { id, name, title: name, mimetype, filetype: name.split('.').pop() ?? '', size: bytes.byteLength, url_private: `${base}${path}`, url_private_download: `${base}${path}`, mode: 'hosted' };
      files.set(path, { bytes, mimetype, info });
      handlers['files.info'] = (call) => {
        const found = [...files.values()].find((f) => f.info.id === call.body.file);
        return { body: found ? { ok: true, file: found.info } : { ok: false, error: 'file_not_found' } };
      };
      return info;
    },
    waitFor(method, where = () => true, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = calls.find((c) => c.method === method && where(c));
          if (found) {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve(found);
          }
          return Boolean(found);
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`fake Slack: no ${method} call within ${timeoutMs} ms (calls: ${calls.map((c) => c.method).join(', ')})`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, type: string | undefined): Record<string, unknown> {
  if (!text) return {};
  if (type?.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    body[key] = key === 'blocks' || key === 'attachments' || key === 'metadata' || key === 'prompts' ? JSON.parse(value) : value;
  }
  return body;
}
