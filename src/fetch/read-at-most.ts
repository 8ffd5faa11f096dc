// Reads a response body up to a size: what is past the bound is never read (the stream is cancelled).

/** A body as fetch gives it (the global one's and undici's alike). */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  cancel(): Promise<void>;
}

/** The body's bytes, or undefined as soon as it passes `maxBytes`. Errors while reading are thrown as they come. */
export async function readAtMost(body: BodyStream | null, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await body?.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
