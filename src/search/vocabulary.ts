// The words the knowledge uses: how many passages hold each term, how each is written, and loose lookups over them.
import { WordLookup } from './word-lookup.js';

/** How a question word was found in the vocabulary. */
export type MatchKind = 'exact' | 'family' | 'fuzzy' | 'prefix';

/** A word of a passage, as the vocabulary records it. */
export interface VocabularyWord {
  folded: string;
  term: string;
  capitalised: boolean;
  sentenceStart: boolean;
}

/** A vocabulary term a question word resolved to. */
export interface TermMatch {
  term: string;
  kind: MatchKind;
}

/** The vocabulary as plain data, for the index cache. */
export interface VocabularyData {
  passages: number;
  df: [string, number][];
  capitals: [string, number][];
  /** Surface word (folded), its stem, and how many passages hold it. */
  surface: [string, string, number][];
}

/** Which surface words (folded, with their stems) a change to the vocabulary added or dropped. */
export interface SurfaceChange {
  added: [string, string][];
  removed: [string, string][];
}

/** Term statistics and loose lookups (see {@link WordLookup}) over every passage of the knowledge; passages can be added and removed. */
export class Vocabulary {
  /** Passages that hold each stem. */
  private readonly df = new Map<string, number>();
  /** Per stem, how often it was written with a capital (not starting a sentence) minus how often without. */
  private readonly capitals = new Map<string, number>();
  /** Surface words (folded) → their stem. */
  private readonly surfaceWords = new Map<string, string>();
  /** Surface words (folded) → how many passages hold them. */
  private readonly surfaceCounts = new Map<string, number>();
  /** Typos, prefixes and word families over the words above. */
  private readonly lookup = new WordLookup(this.df, this.surfaceWords);
  private passages = 0;

  /** Records one passage: its stems, the folded words they came from, and how each was written. */
  addPassage(words: readonly VocabularyWord[]): SurfaceChange {
    return this.count(words, 1);
  }

  /** Forgets one passage recorded with the same words by {@link addPassage}. */
  removePassage(words: readonly VocabularyWord[]): SurfaceChange {
    return this.count(words, -1);
  }

  private count(words: readonly VocabularyWord[], by: 1 | -1): SurfaceChange {
    const change: SurfaceChange = { added: [], removed: [] };
    this.passages += by;
    for (const term of new Set(words.map((w) => w.term))) {
      const df = (this.df.get(term) ?? 0) + by;
      if (df > 0) {
        if (!this.df.has(term)) this.lookup.stemAdded(term);
        this.df.set(term, df);
      } else {
        this.df.delete(term);
        this.capitals.delete(term);
        this.lookup.stemRemoved(term);
      }
    }
    const surface = new Map<string, string>();
    for (const w of words) {
      if (!surface.has(w.folded)) surface.set(w.folded, w.term);
      if (!w.sentenceStart && this.df.has(w.term)) this.capitals.set(w.term, (this.capitals.get(w.term) ?? 0) + by * (w.capitalised ? 1 : -1));
    }
    for (const [folded, term] of surface) {
      const count = (this.surfaceCounts.get(folded) ?? 0) + by;
      if (count > 0) {
        if (!this.surfaceWords.has(folded)) {
          this.surfaceWords.set(folded, term);
          this.lookup.surfaceAdded(folded, term);
          change.added.push([folded, term]);
        }
        this.surfaceCounts.set(folded, count);
      } else {
        const was = this.surfaceWords.get(folded) ?? term;
        this.surfaceCounts.delete(folded);
        this.surfaceWords.delete(folded);
        this.lookup.surfaceRemoved(folded);
        change.removed.push([folded, was]);
      }
    }
    return change;
  }

  /** The vocabulary as plain data. */
  toJSON(): VocabularyData {
    return {
      passages: this.passages,
      df: [...this.df],
      capitals: [...this.capitals],
      surface: [...this.surfaceWords].map(([folded, term]) => [folded, term, this.surfaceCounts.get(folded) ?? 1]),
    };
  }

  /** Rebuilds a vocabulary from {@link toJSON}'s data. */
  static fromJSON(data: VocabularyData): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.passages = data.passages;
    for (const [k, v] of data.df) vocabulary.df.set(k, v);
    for (const [k, v] of data.capitals) vocabulary.capitals.set(k, v);
    for (const [folded, term, count] of data.surface) {
      vocabulary.surfaceWords.set(folded, term);
      vocabulary.surfaceCounts.set(folded, count);
    }
    return vocabulary;
  }

  /** Whether the knowledge writes `term` as a name (capitalised more often than not, mid-sentence). */
  isName(term: string): boolean {
    return (this.capitals.get(term) ?? 0) > 0;
  }

  /** Number of passages recorded. */
  get passageCount(): number {
    return this.passages;
  }

  /** Number of passages holding `term` (0 when unknown). */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Inverse document frequency, `ln(1 + N / df)`; an unknown term weighs as much as the rarest known one. */
  idf(term: string): number {
    return Math.log(1 + this.passages / Math.max(1, this.documentFrequency(term)));
  }

  /** Builds the lookup trees now (after the last passage), so the first question does not pay for them. */
  prepare(): this {
    for (const _ of this.preparing());
    return this;
  }

  /** {@link prepare} a step at a time: it yields every `step` words (an async restore lets the event loop in). */
  preparing(step?: number): Generator<void> {
    return this.lookup.preparing(step);
  }

  /** The knowledge's words (folded) and their stems. */
  surfaceEntries(): IterableIterator<[string, string]> {
    return this.surfaceWords.entries();
  }

  /** Whether a surface word of the knowledge is an ordinary word (a word, not a name or a figure). */
  isOrdinary(folded: string): boolean {
    const term = this.surfaceWords.get(folded);
    return term !== undefined && isWordShaped(folded) && !this.isName(term);
  }

  /** Every stem the knowledge uses. */
  terms(): IterableIterator<string> {
    return this.df.keys();
  }

  /** Whether the knowledge uses `term`. */
  has(term: string): boolean {
    return this.df.has(term);
  }

  /**
   * The vocabulary terms that are `term` itself or its word family: a known stem that is a prefix of it, or that it
   * is a prefix of (canada/canadian); the term itself first.
   */
  ownForms(term: string): TermMatch[] {
    const family = this.lookup.family(term).map((t) => ({ term: t, kind: 'family' as const }));
    return this.df.has(term) ? [{ term, kind: 'exact' }, ...family] : family;
  }

  /** Terms of knowledge words within one typo of `folded` (two for long words), the closest only. */
  typoMatches(folded: string): TermMatch[] {
    return this.lookup.typos(folded).map((t) => ({ term: t, kind: 'fuzzy' as const }));
  }

  /** Terms of knowledge words that start with `folded` (`infra` → infrastructure). */
  completions(folded: string): TermMatch[] {
    return this.lookup.completions(folded).map((t) => ({ term: t, kind: 'prefix' as const }));
  }
}

/** Whether a folded word looks like a word (starts with a letter), so that it may be used alike another. */
export function isWordShaped(folded: string): boolean {
  return /^[a-z]/u.test(folded);
}
