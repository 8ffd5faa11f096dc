// What Bolt's HTTP receiver does not check: a signed request whose body is JSON but not an object (`null`, `42`,
// `[]`), or a form whose `payload` is not one. Bolt throws on those and never answers; they get 400 here, at once.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';

/** Largest request body read (Slack's payloads are far smaller). */
export const BODY_LIMIT = 1_048_576;
/** Past the limit, how much more of a body is read and dropped so the client can take the 413; beyond, it is cut off. */
const DRAIN_LIMIT = 8 * 1_048_576;

/**
 * Whether a request body can be a Slack payload, read as Bolt reads it: a form (`application/x-www-form-urlencoded`)
 * whose `payload`, if any, opens a JSON object; anything else a body that opens one. Only the first character is
 * looked at: a body that opens an object either parses to one or fails Bolt's own parse (a 400 from Bolt); nothing is
 * parsed twice.
 */
export function isObjectPayload(body: Buffer, contentType: string | undefined): boolean {
  if (contentType === 'application/x-www-form-urlencoded') {
    // Slash commands carry no payload: the form is left to Bolt. Interactivity's is one field, read here.
    if (body.indexOf('payload=') === -1) return true;
    const payload = new URLSearchParams(body.toString('utf8')).get('payload');
    return payload === null || opensObject(payload);
  }
  return opensObject(body);
}

// The first character that is not white space is `{`.
function opensObject(text: Buffer | string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = typeof text === 'string' ? text.charCodeAt(i) : (text[i] as number);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x7b;
  }
  return false;
}

/**
 * Wraps the receiver's request listener for POSTs to `path`: the body is read (up to {@link BODY_LIMIT}) and kept on
 * the request, where Bolt's receiver reads it from; one that is not an object payload gets 400 without reaching Bolt.
 */
export function checkPayloads(listener: RequestListener, path: string, logger: Logger): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !(req.url ?? '').startsWith(path)) return void listener(req, res);
    void readBody(req).then(
      (raw) => {
        if (!isObjectPayload(raw, req.headers['content-type'])) {
          logger.warn({ path, contentType: req.headers['content-type'], bytes: raw.length }, 'request body is not a Slack payload (not a JSON object): 400');
          res.writeHead(400).end();
          return;
        }
        Object.assign(req, { rawBody: raw });
        listener(req, res);
      },
      (error: Error & { tooLarge?: boolean }) => {
        logger.warn({ path, err: error.message }, 'request body could not be read');
        // The answer, then the connection closed: a client still sending reads the 413 instead of a reset.
        if (!res.headersSent) res.writeHead(error.tooLarge ? 413 : 400, { connection: 'close', 'content-type': 'text/plain' }).end(error.tooLarge ? 'request body too large\n' : '');
      },
    );
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        // The rest is read and dropped (the 413 is on its way), up to a bound; a body beyond it is cut off.
        if (size > BODY_LIMIT + DRAIN_LIMIT) req.destroy();
        return;
      }
      if (size > BODY_LIMIT) {
        over = true;
        chunks.length = 0;
        reject(Object.assign(new Error(`body larger than ${BODY_LIMIT} bytes`), { tooLarge: true }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
