// The knowledge's words with their vectors side by side, to find those used most like a reader's word.
import { DIMENSIONS, dot, SCALE } from './quantised.js';

/** Where the table finds a word's vector (the word vectors). */
export interface VectorSource {
  vector(word: string): Int8Array | undefined;
}

/** Words with their vectors side by side, to find which of them are used most like a given word; words can come and go. */
export class VectorTable {
  private readonly words: (string | undefined)[];
  private rows: Int8Array;
  private readonly rowOf = new Map<string, number>();
  private readonly free: number[] = [];

  constructor(
    private readonly vectors: VectorSource,
    words: readonly string[],
    rows: Int8Array,
  ) {
    this.words = [...words];
    this.rows = rows;
    this.words.forEach((w, r) => this.rowOf.set(w as string, r));
  }

  /** Adds a word (if it has a vector and is not in the table). */
  add(word: string): void {
    const vector = this.vectors.vector(word);
    if (!vector || this.rowOf.has(word)) return;
    const row = this.free.pop() ?? this.words.length;
    if ((row + 1) * DIMENSIONS > this.rows.length) {
      const grown = new Int8Array(Math.max((row + 1) * DIMENSIONS, this.rows.length * 2));
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(vector, row * DIMENSIONS);
    this.words[row] = word;
    this.rowOf.set(word, row);
  }

  /** Takes a word out. */
  remove(word: string): void {
    const row = this.rowOf.get(word);
    if (row === undefined) return;
    this.rowOf.delete(word);
    this.words[row] = undefined;
    this.free.push(row);
  }

  /**
   * The words of the table closest in use to `word` (cosine at least `min`), closest first (equally close: in
   * alphabetical order), those `keep` accepts.
   */
  nearest(word: string, min: number, limit: number, keep: (word: string) => boolean = () => true): { word: string; similarity: number }[] {
    const target = this.vectors.vector(word);
    if (!target) return [];
    const found: { word: string; similarity: number }[] = [];
    const threshold = min * SCALE * SCALE;
    for (let r = 0; r < this.words.length; r += 1) {
      const candidate = this.words[r];
      if (candidate === undefined) continue;
      const value = dot(target, 0, this.rows, r * DIMENSIONS);
      if (value >= threshold && keep(candidate)) found.push({ word: candidate, similarity: value / (SCALE * SCALE) });
    }
    return found.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)).slice(0, limit);
  }
}
