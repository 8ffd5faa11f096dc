// General English for the answer engine: a word's base forms and relatives (WordNet), what kind of word it is, and
// which words are used alike (GloVe vectors).
import { baseForms } from './morphy.js';
import { relatedForms, type RelatedForm } from './related-forms.js';
import type { WordVectors } from './word-vectors.js';
import { PARTS_OF_SPEECH, WordNet, type PartOfSpeech } from './wordnet.js';

/** What WordNet says a word is. */
export type WordKind = 'common' | 'name' | 'unknown';

/** Senses of a word whose definitions are read. */
const DEFINED_SENSES = 2;
/** How fast precision falls with a word's number of senses: 5 senses give 0.55, 30 give 0.37. */
const VAGUENESS = 0.5;
/** Results remembered per kind of lookup (question words recur; a memo is emptied when full). */
const MEMO_LIMIT = 20_000;

/** General English over one WordNet, and word vectors (loaded when first needed, when a loader is given). */
export class Lexicon {
  private readonly memos = new Map<string, Map<string, unknown>>();
  private phraseStarts?: Set<string>;

  private loadedVectors?: WordVectors;

  constructor(
    readonly wordnet: WordNet = new WordNet(),
    /** Loads GloVe vectors of frequent words, the first time a word used alike is looked for. */
    private readonly loadVectors?: () => WordVectors,
  ) {}

  /** The word vectors, loaded now if they were not yet (most questions never need them). */
  get vectors(): WordVectors | undefined {
    this.loadedVectors ??= this.loadVectors?.();
    return this.loadedVectors;
  }

  /**
   * Loads now what the first question would otherwise load (the vectors, the phrase starts), each in a turn of the
   * event loop of its own, so a bot that is already taking events does not make its first asker wait for them.
   */
  async warm(): Promise<void> {
    void this.vectors;
    await new Promise((resolve) => setImmediate(resolve));
    this.phraseStarts ??= this.wordnet.phraseStarts();
  }

  /** The base forms of `word` (lower case; `_` between the words of a phrase) in every part of speech. */
  lemmas(word: string): { lemma: string; pos: PartOfSpeech }[] {
    return this.memo('lemmas', word, () => PARTS_OF_SPEECH.flatMap((pos) => baseForms(this.wordnet, word, pos).map((lemma) => ({ lemma, pos }))));
  }

  /** The words a reader may use for `word` of the knowledge (see {@link relatedForms}). */
  relatedForms(word: string): Map<string, RelatedForm> {
    return relatedForms(this.wordnet, word, this.lemmas(word));
  }

  /** Whether `words` may be a WordNet phrase: its first word starts one (`united`), a cheap test before looking it up. */
  mayBePhrase(words: readonly string[]): boolean {
    this.phraseStarts ??= this.wordnet.phraseStarts();
    return this.phraseStarts.has(words[0] ?? '');
  }

  /** The definitions of the most frequent senses of `word`: what a reader means by it, in other words. */
  definitions(word: string): string[] {
    return this.memo('definitions', word, () =>
      this.lemmas(word).flatMap(({ lemma, pos }) =>
        (this.wordnet.lookup(lemma, pos)?.synsets.slice(0, DEFINED_SENSES) ?? []).map((offset) => this.wordnet.synset(offset, pos).gloss),
      ),
    );
  }

  /**
   * How precise `word` is in general English, from 1 (one sense, or unknown to WordNet: pizza, vaccine, a name)
   * down towards 0 for words of many senses (place, good, take): a vague word says less about what is asked.
   */
  precision(word: string): number {
    return this.memo('precision', word, () => {
      const senses = this.lemmas(word).reduce((sum, { lemma, pos }) => sum + (this.wordnet.lookup(lemma, pos)?.synsets.length ?? 0), 0);
      return senses <= 1 ? 1 : 1 / (1 + VAGUENESS * Math.log(senses));
    });
  }

  /**
   * Whether `word` (lower case) is an ordinary English word, a name (its most frequent sense is a proper noun and no
   * other part of speech is in common use: canada, mexico, not japan the varnish), or unknown to WordNet (a name, a
   * misspelling, slang).
   */
  kind(word: string): WordKind {
    return this.memo('kind', word, () => {
      const entries = this.lemmas(word).flatMap(({ lemma, pos }) => this.wordnet.lookup(lemma, pos) ?? []);
      if (entries.length === 0) return 'unknown';
      const nouns = entries.filter((e) => e.pos === 'n');
      if (nouns.length === 0 || entries.some((e) => e.pos !== 'n' && e.tagged > 0)) return 'common';
      // A name is written with capitals; an acronym of ordinary words is not a name (CEO: chief executive officer).
      const isName = nouns.every((entry) => {
        const first = entry.synsets[0];
        const words = first === undefined ? [] : this.wordnet.synset(first, 'n').words;
        const written = words.find((w) => w.toLowerCase() === entry.lemma);
        const acronymOfWords = written === written?.toUpperCase() && words.some((w) => /[_ ]/u.test(w) && w === w.toLowerCase());
        return written !== undefined && written !== entry.lemma && !acronymOfWords;
      });
      return isName ? 'name' : 'common';
    });
  }

  /** English words (ordinary, not names) one edit away from `word`: what a reader who mistyped it may have meant. */
  corrections(word: string): string[] {
    return this.memo('corrections', word, () => {
      const found = new Set<string>();
      for (const candidate of editsOf(word)) {
        if (candidate.length < 3 || found.has(candidate)) continue;
        // A noun's or a verb's inflected form counts as its base form does (launhced: launched, of launch); an
        // adjective's comparative does not (pfizer is not "prizer").
        // Looked up without the memo: most candidates are not words, and would crowd out the words that are.
        const known = PARTS_OF_SPEECH.some((pos) => this.wordnet.has(candidate, pos)) || INFLECTED.some((pos) => baseForms(this.wordnet, candidate, pos).length > 0);
        if (known && this.kind(candidate) === 'common') found.add(candidate);
      }
      return [...found];
    });
  }

  private memo<T>(kind: string, key: string, compute: () => T): T {
    let memo = this.memos.get(kind);
    if (!memo) this.memos.set(kind, (memo = new Map()));
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
    return value;
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Parts of speech whose inflected forms a misspelling may be of (not an adjective's comparative). */
const INFLECTED: readonly PartOfSpeech[] = ['n', 'v'];

// Every string one deletion, transposition, substitution or insertion away from `word`.
function* editsOf(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) yield head + tail.slice(1);
    if (tail.length > 1) yield head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2);
    for (const c of LETTERS) {
      if (tail && c !== tail[0]) yield head + c + tail.slice(1);
      yield head + c + tail;
    }
  }
}
