// The words the knowledge uses: how many passages hold each term, and a lookup for typos and word families.
import SearchableMap from 'minisearch/SearchableMap';

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

/** Shortest stem that may stand for its longer relatives (`econom` for `economi`). */
const MIN_FAMILY_STEM = 5;
/** How many letters a word family may add or drop at the end. */
const MAX_FAMILY_SUFFIX = 3;
/** What may tell two stems of one family apart: a derivational ending (canada/canadian, econom/economi), not any
 * letters (stand/standup, divid/dividend). */
const FAMILY_SUFFIXES: ReadonlySet<string> = new Set(
  'n an ian i al ic ag it or er e s es ist ism iv at ant ent ar ari y li ion ite ia'.split(' '),
);
/** Shortest typed word that is corrected for typos; shorter words are too easily another word (Iran/Iraq). */
const MIN_FUZZY_LENGTH = 5;
/** Shortest typed word completed as a prefix (`infra` → `infrastructure`). */
const MIN_PREFIX_LENGTH = 4;
/** Most completions kept for one prefix. */
const MAX_PREFIX_MATCHES = 4;
/** Words put into the lookup trees between looks at the clock, when they are made a step at a time. */
const PREPARE_STEP = 2_000;

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

/** Term statistics and fuzzy lookup over every passage of the knowledge; passages can be added and removed. */
export class Vocabulary {
  /** Passages that hold each stem. */
  private readonly df = new Map<string, number>();
  /** Per stem, how often it was written with a capital (not starting a sentence) minus how often without. */
  private readonly capitals = new Map<string, number>();
  /** Surface words (folded) → their stem. */
  private readonly surfaceWords = new Map<string, string>();
  /** Surface words (folded) → how many passages hold them. */
  private readonly surfaceCounts = new Map<string, number>();
  /** Radix trees over stems and surface words, for prefixes and typos; built when first needed, then kept up to date. */
  private stemTree?: SearchableMap<number>;
  private surfaceTree?: SearchableMap<string>;
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
        if (!this.df.has(term)) this.stemTree?.set(term, 1);
        this.df.set(term, df);
      } else {
        this.df.delete(term);
        this.capitals.delete(term);
        this.stemTree?.delete(term);
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
          this.surfaceTree?.set(folded, term);
          change.added.push([folded, term]);
        }
        this.surfaceCounts.set(folded, count);
      } else {
        const was = this.surfaceWords.get(folded) ?? term;
        this.surfaceCounts.delete(folded);
        this.surfaceWords.delete(folded);
        this.surfaceTree?.delete(folded);
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
  *preparing(step = PREPARE_STEP): Generator<void> {
    const stems = new SearchableMap<number>();
    if (!this.stemTree) yield* filled(stems, this.df, step);
    this.stemTree ??= stems;
    const surface = new SearchableMap<string>();
    if (!this.surfaceTree) yield* filled(surface, this.surfaceWords, step);
    this.surfaceTree ??= surface;
  }

  private get stems(): SearchableMap<number> {
    this.stemTree ??= SearchableMap.from(this.df);
    return this.stemTree;
  }

  private get surface(): SearchableMap<string> {
    this.surfaceTree ??= SearchableMap.from(this.surfaceWords);
    return this.surfaceTree;
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
    const family = this.family(term).map((t) => ({ term: t, kind: 'family' as const }));
    return this.df.has(term) ? [{ term, kind: 'exact' }, ...family] : family;
  }

  /** Terms of knowledge words within one typo of `folded` (two for long words), the closest only. */
  typoMatches(folded: string): TermMatch[] {
    if (folded.length < MIN_FUZZY_LENGTH || /\d/u.test(folded)) return [];
    return this.fuzzy(folded).map((t) => ({ term: t, kind: 'fuzzy' as const }));
  }

  /** Terms of knowledge words that start with `folded` (`infra` → infrastructure). */
  completions(folded: string): TermMatch[] {
    if (folded.length < MIN_PREFIX_LENGTH) return [];
    return firstDistinct(this.surface.atPrefix(folded).values(), MAX_PREFIX_MATCHES).map((t) => ({ term: t, kind: 'prefix' as const }));
  }

  private family(term: string): string[] {
    const found: string[] = [];
    for (let len = term.length - 1; len >= Math.max(MIN_FAMILY_STEM, term.length - MAX_FAMILY_SUFFIX); len -= 1) {
      const shorter = term.slice(0, len);
      if (this.df.has(shorter) && FAMILY_SUFFIXES.has(term.slice(len))) return [shorter];
    }
    if (term.length >= MIN_FAMILY_STEM) {
      for (const longer of this.stemsWithPrefix(term)) {
        const suffix = longer.slice(term.length);
        if (suffix.length <= MAX_FAMILY_SUFFIX && FAMILY_SUFFIXES.has(suffix)) found.push(longer);
      }
    }
    return found.slice(0, MAX_PREFIX_MATCHES);
  }

  private stemsWithPrefix(prefix: string): string[] {
    return firstDistinct(this.stems.atPrefix(prefix).keys(), MAX_PREFIX_MATCHES + 1).filter((stem) => stem !== prefix);
  }

  private fuzzy(folded: string): string[] {
    const maxDistance = folded.length >= 8 ? 2 : 1;
    const results = this.surface.fuzzyGet(folded, maxDistance);
    // Two letters typed the wrong way round are one slip, not two edits (aurleia, isreal).
    for (let i = 0; i + 1 < folded.length; i += 1) {
      if (folded[i] === folded[i + 1]) continue;
      const swapped = folded.slice(0, i) + (folded[i + 1] ?? '') + (folded[i] ?? '') + folded.slice(i + 2);
      const stem = this.surfaceWords.get(swapped);
      if (stem !== undefined) results.set(swapped, [stem, 1]);
    }
    let best = Infinity;
    for (const [, distance] of results.values()) best = Math.min(best, distance);
    const terms = new Set<string>();
    for (const [stem, distance] of results.values()) if (distance === best) terms.add(stem);
    return [...terms].sort().slice(0, MAX_PREFIX_MATCHES);
  }
}

/** Whether a folded word looks like a word (starts with a letter), so that it may be used alike another. */
export function isWordShaped(folded: string): boolean {
  return /^[a-z]/u.test(folded);
}

// The first `max` distinct values in alphabetical order (the trees' own order depends on the order words came in).
function firstDistinct(values: Iterable<string>, max: number): string[] {
  return [...new Set(values)].sort().slice(0, max);
}

// Puts `entries` into `tree`, yielding every `step` of them.
function* filled<T>(tree: SearchableMap<T>, entries: ReadonlyMap<string, T>, step: number): Generator<void> {
  let done = 0;
  for (const [key, value] of entries) {
    tree.set(key, value);
    if (++done % step === 0) yield;
  }
}
