// The team's embedding model over HTTP: an OpenAI-compatible `POST …/v1/embeddings` (Ollama, vLLM,
// text-embeddings-inference and the hosted APIs all speak it). Texts in, one unit vector each out, or a one-line reason.
import { readAtMost } from '../fetch/index.js';

/** Where the model is and which one (`EMBEDDINGS_URL`, `EMBEDDINGS_MODEL`, `EMBEDDINGS_API_KEY`). */
export interface EmbeddingsEndpoint {
  /** The endpoint itself (`…/v1/embeddings`) or its base (`…/v1`). */
  url: string;
  model: string;
  /** Sent as a bearer token; never logged. */
  apiKey?: string;
}

/** The endpoint could not give the vectors: why, in one line starting `embeddings:` (no key, no text). */
export class EmbeddingsUnavailable extends Error {
  override name = 'EmbeddingsUnavailable';
  /** The endpoint refused these texts (400, 413, 422: too long, say), not every request: an outage it is not. */
  readonly refused: boolean;
  constructor(message: string, refused = false) {
    super(`embeddings: ${message}`);
    this.refused = refused;
  }
}

/** Statuses that refuse the texts sent rather than the client. */
const REFUSED_STATUSES = new Set([400, 413, 422]);

/** Embeds texts with one model. */
export interface EmbeddingsClient {
  readonly model: string;
  /** One unit-length vector per text, in order. @throws EmbeddingsUnavailable (timeout, refusal, bad answer) */
  embed(texts: readonly string[], timeoutMs: number): Promise<Float32Array[]>;
}

/** Largest answer read from the endpoint (a batch of long vectors as JSON numbers fits with room to spare). */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The URL that is posted to: `…/embeddings` as given, else the base with `/embeddings` added. */
export function embeddingsUrl(url: string): string {
  const parsed = new URL(url);
  if (!/\/embeddings\/?$/u.test(parsed.pathname)) parsed.pathname = `${parsed.pathname.replace(/\/$/u, '')}/embeddings`;
  return parsed.href;
}

/** A client for `endpoint`; `fetch` is the global one unless a test gives another. */
export function createEmbeddingsClient(endpoint: EmbeddingsEndpoint, fetchImpl: typeof fetch = fetch): EmbeddingsClient {
  const target = embeddingsUrl(endpoint.url);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  return {
    model: endpoint.model,
    async embed(texts, timeoutMs) {
      if (texts.length === 0) return [];
      let response: Response;
      let body: Buffer | undefined;
      try {
        response = await fetchImpl(target, {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: endpoint.model, input: texts }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
        body = await readAtMost(response.body, MAX_RESPONSE_BYTES);
      } catch (error) {
        const name = (error as Error).name;
        throw new EmbeddingsUnavailable(name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs} ms` : `could not reach ${new URL(target).host} (${causeOf(error)})`);
      }
      if (body === undefined) throw new EmbeddingsUnavailable(`the answer was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`);
      if (!response.ok) {
        const said = errorMessage(body, endpoint.apiKey);
        throw new EmbeddingsUnavailable(`the endpoint answered ${response.status}${said}${response.status === 404 ? ' (EMBEDDINGS_URL should end in /v1 or /v1/embeddings)' : ''}`, REFUSED_STATUSES.has(response.status));
      }
      return vectorsOf(body, texts.length);
    },
  };
}

// The vectors of an OpenAI-style answer (`data[i].embedding`, numbers or base64 floats), in input order, unit length.
function vectorsOf(body: Buffer, expected: number): Float32Array[] {
  let data: unknown;
  try {
    data = (JSON.parse(body.toString('utf8')) as { data?: unknown }).data;
  } catch {
    throw new EmbeddingsUnavailable('the answer was not JSON');
  }
  if (!Array.isArray(data) || data.length !== expected) throw new EmbeddingsUnavailable(`the answer held ${Array.isArray(data) ? data.length : 'no'} vectors for ${expected} texts`);
  const vectors: (Float32Array | undefined)[] = Array.from({ length: expected }, () => undefined);
  data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
    const at = typeof item?.index === 'number' ? item.index : position;
    const vector = toVector(item?.embedding);
    if (!vector || !Number.isInteger(at) || at < 0 || at >= expected) throw new EmbeddingsUnavailable('the answer held a vector that is not a list of numbers');
    if (vectors[at]) throw new EmbeddingsUnavailable(`the answer held two vectors for text ${at}`);
    vectors[at] = vector;
  });
  const dimensions = vectors[0]?.length ?? 0;
  for (const v of vectors) if (v === undefined || v.length !== dimensions) throw new EmbeddingsUnavailable('the answer held vectors of different lengths');
  return vectors as Float32Array[];
}

function toVector(embedding: unknown): Float32Array | undefined {
  let vector: Float32Array;
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    vector = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength - (bytes.byteLength % 4)));
  } else if (Array.isArray(embedding) && embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    vector = Float32Array.from(embedding as number[]);
  } else return undefined;
  if (vector.length === 0) return undefined;
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < vector.length; d += 1) vector[d] = (vector[d] as number) / norm;
  return vector;
}

// The endpoint's own short explanation, when its error answer has one (OpenAI's `error.message`, TEI's `error`); a key
// it echoes (some proxies do) is blotted out.
function errorMessage(body: Buffer, apiKey: string | undefined): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: string | { message?: string } };
    let message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (message && apiKey) message = message.split(apiKey).join('[key]');
    return message ? `: ${message.replace(/\s+/gu, ' ').slice(0, 160)}` : '';
  } catch {
    return '';
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
