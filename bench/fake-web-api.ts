// A minimal fake Slack Web API for load: answers like Slack and records only when and in which thread each reply came.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The fake, started on 127.0.0.1. */
export interface LoadFake {
  apiUrl: string;
  /** thread_ts → when its reply arrived (ms since epoch). */
  replies: Map<string, number>;
  close(): Promise<void>;
}

const AUTH = JSON.stringify({ ok: true, url: 'https://x.slack.com/', team: 'T', user: 'bot', team_id: 'T111', user_id: 'UBOT', bot_id: 'BBOT' });

/** Starts the fake; it parses nothing but the thread_ts of chat.postMessage, so it costs the same for any reply. */
export async function startLoadFake(): Promise<LoadFake> {
  const replies = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.url?.endsWith('/chat.postMessage')) {
        const thread = /(?:^|&)thread_ts=([^&]+)/u.exec(body)?.[1];
        if (thread) replies.set(decodeURIComponent(thread), Date.now());
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"channel":"C111","ts":"1700000000.000100"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url?.endsWith('/auth.test') ? AUTH : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    replies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
