// An OpenAI-compatible embeddings endpoint on 127.0.0.1 (`POST /v1/embeddings`), standing in for a team's model
// server: any embedder behind it (a small deterministic one for the mechanics, the Universal Sentence Encoder lite for
// the evaluation). It records what it was asked, can be made slow, and can stop and start again on its port.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Texts in, one vector each out. */
export type Embedder = (texts: string[]) => Promise<number[][]> | number[][];

/** One request as the server saw it. */
export interface SeenRequest {
  model: string;
  input: string[];
  authorization?: string;
}

/** The running server. */
export interface EmbeddingsServer {
  /** The base URL to give as EMBEDDINGS_URL (`http://127.0.0.1:<port>/v1`). */
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Milliseconds each answer waits before it is sent (0 by default). */
  delayMs: number;
  /** Stops listening (connections closed): the endpoint is down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server with `embed` behind it (default {@link hashedWords}, 64 dimensions), on `port` (default: a free one). */
export async function startEmbeddingsServer(embed: Embedder = hashedWords(64), port = 0): Promise<EmbeddingsServer> {
  const requests: SeenRequest[] = [];
  const state = { delayMs: 0 };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') return send(res, 404, { error: { message: 'not found' } });
        let body: { model?: string; input?: string | string[] };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          return send(res, 400, { error: { message: 'bad JSON' } });
        }
        const input = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
        requests.push({ model: body.model ?? '', input, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
        const vectors = await embed(input);
        send(res, 200, { object: 'list', model: body.model, data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })) });
      })().catch((error: unknown) => send(res, (error as { status?: number }).status ?? 500, { error: { message: (error as Error).message ?? String(error) } }));
    });
  };
  let server: Server = createServer(handle);
  const sockets = new Set<import('node:net').Socket>();
  const listen = async (on: number): Promise<number> => {
    server = createServer(handle);
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(on, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  const stop = async (): Promise<void> => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const bound = await listen(port);
  return {
    url: `http://127.0.0.1:${bound}/v1`,
    port: bound,
    requests,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    stop,
    restart: async () => {
      await listen(bound);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * A small deterministic embedder: each lower-cased word of four letters or more adds ±1 in a dimension its hash picks
 * (its first five letters, so "voted" and "votes" meet). Texts sharing words are close; nothing is learned.
 */
export function hashedWords(dimensions: number): Embedder {
  return (texts) =>
    texts.map((text) => {
      const vector: number[] = Array.from({ length: dimensions }, () => 0);
      for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
        const hash = createHash('sha1').update(word.slice(0, 5)).digest();
        const at = hash.readUInt16LE(0) % dimensions;
        vector[at] = (vector[at] as number) + ((hash[2] as number) % 2 === 0 ? 1 : -1);
      }
      if (!vector.some((x) => x !== 0)) vector[0] = 1;
      return vector;
    });
}
