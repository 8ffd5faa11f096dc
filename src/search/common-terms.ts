// Which passages hold each common term, as bitsets: common words re-rank candidates without scanning postings.

/** The common terms and a presence bitset (one bit per passage position) for each; kept up to date as passages change. */
export class CommonTerms {
  private readonly bits = new Map<string, Uint8Array>();

  constructor(private passages: number) {}

  /** Builds the bitsets from each passage's distinct terms, for the terms `isCommon` picks. */
  static fromPassages(passageTerms: readonly (readonly string[])[], isCommon: (term: string) => boolean): CommonTerms {
    const common = new CommonTerms(passageTerms.length);
    passageTerms.forEach((terms, position) => {
      for (const term of terms) if (isCommon(term)) common.set(term, position);
    });
    return common;
  }

  /** Restores bitsets saved with {@link toJSON}. */
  static fromJSON(data: { passages: number; bits: [string, string][] }): CommonTerms {
    const common = new CommonTerms(data.passages);
    for (const [term, base64] of data.bits) common.bits.set(term, new Uint8Array(Buffer.from(base64, 'base64')));
    return common;
  }

  toJSON(): { passages: number; bits: [string, string][] } {
    return { passages: this.passages, bits: [...this.bits].map(([t, b]) => [t, Buffer.from(b).toString('base64')]) };
  }

  has(term: string): boolean {
    return this.bits.has(term);
  }

  /** The common terms. */
  terms(): IterableIterator<string> {
    return this.bits.keys();
  }

  /** Whether passage `position` holds `term`. */
  holds(term: string, position: number): boolean {
    const bits = this.bits.get(term);
    return bits !== undefined && ((bits[position >> 3] ?? 0) & (1 << (position & 7))) !== 0;
  }

  /** Positions of the passages holding `term`, in order. */
  *positions(term: string): Generator<number> {
    const bits = this.bits.get(term);
    if (!bits) return;
    for (let byte = 0; byte < bits.length; byte += 1) {
      const value = bits[byte] ?? 0;
      if (value === 0) continue;
      for (let bit = 0; bit < 8; bit += 1) if (value & (1 << bit)) yield byte * 8 + bit;
    }
  }

  /** Makes `term` common, held by the passages at `positions`. */
  addTerm(term: string, positions: Iterable<number>): void {
    this.bits.delete(term);
    for (const position of positions) this.set(term, position);
    if (!this.bits.has(term)) this.bits.set(term, new Uint8Array(0));
  }

  /** `term` is no longer common. */
  dropTerm(term: string): void {
    this.bits.delete(term);
  }

  /** Records that the passage at `position` holds `term` (a common term). */
  set(term: string, position: number): void {
    this.passages = Math.max(this.passages, position + 1);
    let bits = this.bits.get(term);
    if (!bits || bits.length <= position >> 3) {
      // Room to grow: passages are added one document at a time, and each growth copies the set.
      const needed = Math.max(Math.ceil(this.passages / 8), (position >> 3) + 1);
      const grown = new Uint8Array(bits ? Math.max(needed, Math.ceil(bits.length * 1.25) + 64) : needed);
      if (bits) grown.set(bits);
      bits = grown;
      this.bits.set(term, bits);
    }
    bits[position >> 3] = (bits[position >> 3] ?? 0) | (1 << (position & 7));
  }

  /** Records that the passage at `position` is gone. */
  clear(term: string, position: number): void {
    const bits = this.bits.get(term);
    if (bits && bits.length > position >> 3) bits[position >> 3] = (bits[position >> 3] ?? 0) & ~(1 << (position & 7));
  }
}
