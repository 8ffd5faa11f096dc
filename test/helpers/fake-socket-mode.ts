// Slack's side of Socket Mode on 127.0.0.1: hands out ws:// URLs via apps.connections.open, sends envelopes, reads acks.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlack } from './fake-slack.js';

/** The Socket Mode side of the fake. */
export interface FakeSocketMode {
  /** Every connection the app opened, in order. */
  connections: WebSocket[];
  /** Envelope ids the app acknowledged, in order. */
  acks: { envelope_id: string; payload?: unknown }[];
  /** How many times the app asked for a URL. */
  readonly urlRequests: number;
  /** Resolves when the app has opened `count` connections. */
  waitForConnections(count: number, timeoutMs?: number): Promise<WebSocket>;
  /** Resolves when `envelopeId` is acknowledged. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<void>;
  /** Sends an envelope on the newest connection. */
  send(message: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** Starts the WebSocket server and makes `fake` answer `apps.connections.open` with its URL. */
export async function startFakeSocketMode(fake: FakeSlack): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const connections: WebSocket[] = [];
  const acks: { envelope_id: string; payload?: unknown }[] = [];
  let urlRequests = 0;
  fake.on('apps.connections.open', () => {
    urlRequests += 1;
    return { body: { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${urlRequests}` } };
  });
  server.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) acks.push({ envelope_id: message.envelope_id, payload: message.payload });
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A111' } }));
  });
  const poll = async (done: () => boolean, what: string, timeoutMs: number): Promise<void> => {
    const until = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > until) throw new Error(`fake Socket Mode: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    connections,
    acks,
    get urlRequests() {
      return urlRequests;
    },
    async waitForConnections(count, timeoutMs = 10_000) {
      await poll(() => connections.length >= count, `${count} connections`, timeoutMs);
      return connections[count - 1] as WebSocket;
    },
    waitForAck: (envelopeId, timeoutMs = 5_000) => poll(() => acks.some((a) => a.envelope_id === envelopeId), `ack of ${envelopeId}`, timeoutMs),
    send(message) {
      connections.at(-1)?.send(JSON.stringify(message));
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
