// Which passages hold each common term, as bitsets: common words re-rank candidates without scanning postings.

/** The common terms and a presence bitset (one bit per passage) for each. */
export class CommonTerms {
  private readonly bits = new Map<string, Uint8Array>();

  constructor(private readonly passages: number) {}

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

  private set(term: string, position: number): void {
    let bits = this.bits.get(term);
    if (!bits) {
      bits = new Uint8Array(Math.ceil(this.passages / 8));
      this.bits.set(term, bits);
    }
    bits[position >> 3] = (bits[position >> 3] ?? 0) | (1 << (position & 7));
  }
}
