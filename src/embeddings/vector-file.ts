// Passage vectors kept in STATE_DIR, one append-only file per model: a restart embeds only what changed. Each record
// is a 16-byte digest of the text, the vector's length (uint32) and its float32s; a torn last record is dropped.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const DIGEST_BYTES = 16;
const HEADER_BYTES = DIGEST_BYTES + 4;
/** Longest vector a record may hold (longer: the file is not ours, or torn). */
const MAX_DIMENSIONS = 16_384;

/** The digest a vector is kept under: the model and the text embedded. */
export function vectorDigest(model: string, text: string): string {
  return createHash('sha256').update(model).update('\0').update(text).digest('hex').slice(0, DIGEST_BYTES * 2);
}

/** The file of one model's vectors in `dir` (the model's name made safe for a file name, and its hash). */
export function vectorFilePath(dir: string, model: string): string {
  const safe = model.replace(/[^A-Za-z0-9._-]+/gu, '-').slice(0, 60);
  return join(dir, `${safe}-${createHash('sha256').update(model).digest('hex').slice(0, 8)}.vectors`);
}

/** Reads every whole record of `file` (none when it does not exist); a torn tail is cut off the file. */
export async function readVectorFile(file: string): Promise<Map<string, Float32Array>> {
  const vectors = new Map<string, Float32Array>();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return vectors;
    throw error;
  }
  let at = 0;
  while (at + HEADER_BYTES <= bytes.length) {
    const dimensions = bytes.readUInt32LE(at + DIGEST_BYTES);
    const end = at + HEADER_BYTES + dimensions * 4;
    if (dimensions === 0 || dimensions > MAX_DIMENSIONS || end > bytes.length) break;
    const vector = new Float32Array(dimensions);
    for (let d = 0; d < dimensions; d += 1) vector[d] = bytes.readFloatLE(at + HEADER_BYTES + d * 4);
    vectors.set(bytes.toString('hex', at, at + DIGEST_BYTES), vector);
    at = end;
  }
  if (at < bytes.length) await truncate(file, at);
  return vectors;
}

/** Appends records to `file` (its folder made when missing). */
export async function appendVectors(file: string, dir: string, records: Iterable<[string, Float32Array]>): Promise<void> {
  const bytes = encode(records);
  if (bytes.length === 0) return;
  await mkdir(dir, { recursive: true });
  await appendFile(file, bytes);
}

/** Writes `file` anew with `records` only (a hidden temporary file, then a rename: a crash leaves the old one whole). */
export async function rewriteVectorFile(file: string, dir: string, records: Iterable<[string, Float32Array]>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, encode(records));
  await rename(temporary, file);
}

function encode(records: Iterable<[string, Float32Array]>): Buffer {
  const parts: Buffer[] = [];
  for (const [digest, vector] of records) {
    const record = Buffer.alloc(HEADER_BYTES + vector.length * 4);
    record.write(digest, 0, DIGEST_BYTES, 'hex');
    record.writeUInt32LE(vector.length, DIGEST_BYTES);
    for (let d = 0; d < vector.length; d += 1) record.writeFloatLE(vector[d] as number, HEADER_BYTES + d * 4);
    parts.push(record);
  }
  return Buffer.concat(parts);
}

/** A vector as text for the shared store (base64 of its float32s), and back. */
export function vectorToText(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function vectorFromText(text: string): Float32Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.length % 4 !== 0) return undefined;
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}
