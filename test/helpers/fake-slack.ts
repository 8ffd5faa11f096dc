// A fake Slack Web API on 127.0.0.1: records every call, answers like Slack, fails on request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  reset(): void;
  /** Resolves with the first call to `method` matching `where` (including past ones), or rejects after `timeoutMs`. */
  waitFor(method: string, where?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Calls to `method` so far. */
  callsTo(method: string): ApiCall[];
  close(): Promise<void>;
}

const defaults = (): Record<string, Handler> => {
  let ts = 1_700_000_000_000_100;
  return {
    'auth.test': () => ({ body: { ok: true, url: 'https://x.slack.com/', team: 'T', user: 'bot', team_id: 'T111', user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false } }),
    'chat.postMessage': (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${String(ts++).slice(0, 10)}.${String(ts).slice(10)}`, message: { text: call.body.text } } }),
    'chat.postEphemeral': () => ({ body: { ok: true, message_ts: '1700000000.000200' } }),
    respond: () => ({ body: { ok: true } }),
    'views.publish': () => ({ body: { ok: true, view: { id: 'V111', type: 'home' } } }),
  };
};

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  let handlers = defaults();
  const calls: ApiCall[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
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
    reset() {
      handlers = defaults();
      calls.length = 0;
    },
    callsTo,
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
    body[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return body;
}
