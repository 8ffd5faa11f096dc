// Loose lookups over the vocabulary's words: word families (canada/canadian), typos, and prefixes being typed.
import SearchableMap from 'minisearch/SearchableMap';

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

/**
 * Radix trees over the vocabulary's stems and surface words, for prefixes and typos: built when first needed (or
 * by {@link preparing}), then kept up to date as the vocabulary tells of words that come and go.
 */
export class WordLookup {
  private stemTree?: SearchableMap<number>;
  private surfaceTree?: SearchableMap<string>;

  constructor(
    /** The vocabulary's stems (with the passages that hold each). */
    private readonly stemCounts: ReadonlyMap<string, number>,
    /** The vocabulary's surface words (folded) and their stems. */
    private readonly surfaceWords: ReadonlyMap<string, string>,
  ) {}

  /** A stem the vocabulary did not have before. */
  stemAdded(term: string): void {
    this.stemTree?.set(term, 1);
  }

  /** A stem no passage holds any more. */
  stemRemoved(term: string): void {
    this.stemTree?.delete(term);
  }

  /** A surface word the vocabulary did not have before. */
  surfaceAdded(folded: string, term: string): void {
    this.surfaceTree?.set(folded, term);
  }

  /** A surface word no passage holds any more. */
  surfaceRemoved(folded: string): void {
    this.surfaceTree?.delete(folded);
  }

  /** Builds the trees a step at a time: it yields every `step` words (an async restore lets the event loop in). */
  *preparing(step = PREPARE_STEP): Generator<void> {
    const stems = new SearchableMap<number>();
    if (!this.stemTree) yield* filled(stems, this.stemCounts, step);
    this.stemTree ??= stems;
    const surface = new SearchableMap<string>();
    if (!this.surfaceTree) yield* filled(surface, this.surfaceWords, step);
    this.surfaceTree ??= surface;
  }

  private get stems(): SearchableMap<number> {
    this.stemTree ??= SearchableMap.from(this.stemCounts);
    return this.stemTree;
  }

  private get surface(): SearchableMap<string> {
    this.surfaceTree ??= SearchableMap.from(this.surfaceWords);
    return this.surfaceTree;
  }

  /**
   * The known stems of `term`'s word family: a shorter stem it extends by a derivational ending, else the longer
   * stems that extend it so (canada/canadian).
   */
  family(term: string): string[] {
    const found: string[] = [];
    for (let len = term.length - 1; len >= Math.max(MIN_FAMILY_STEM, term.length - MAX_FAMILY_SUFFIX); len -= 1) {
      const shorter = term.slice(0, len);
      if (this.stemCounts.has(shorter) && FAMILY_SUFFIXES.has(term.slice(len))) return [shorter];
    }
    if (term.length >= MIN_FAMILY_STEM) {
      for (const longer of this.stemsWithPrefix(term)) {
        const suffix = longer.slice(term.length);
        if (suffix.length <= MAX_FAMILY_SUFFIX && FAMILY_SUFFIXES.has(suffix)) found.push(longer);
      }
    }
    return found.slice(0, MAX_PREFIX_MATCHES);
  }

  /** Stems of surface words within one typo of `folded` (two for long words), the closest only. */
  typos(folded: string): string[] {
    if (folded.length < MIN_FUZZY_LENGTH || /\d/u.test(folded)) return [];
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

  /** Stems of surface words that start with `folded` (`infra` → infrastructure). */
  completions(folded: string): string[] {
    if (folded.length < MIN_PREFIX_LENGTH) return [];
    return firstDistinct(this.surface.atPrefix(folded).values(), MAX_PREFIX_MATCHES);
  }

  private stemsWithPrefix(prefix: string): string[] {
    return firstDistinct(this.stems.atPrefix(prefix).keys(), MAX_PREFIX_MATCHES + 1).filter((stem) => stem !== prefix);
  }
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
