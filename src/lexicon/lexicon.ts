// General English from WordNet: a word's base forms, the words a reader may use for it, and what kind of word it is.
import { baseForms } from './morphy.js';
import type { WordVectors } from './word-vectors.js';
import { PARTS_OF_SPEECH, WordNet, type PartOfSpeech, type Synset } from './wordnet.js';

/** How a reader's word relates to a word of the knowledge. */
export type Relation = 'same' | 'inflection' | 'synonym' | 'derived' | 'similar' | 'broader' | 'narrower';

/**
 * How much a match of each relation counts, relative to the knowledge's own word (1). Synonyms and derived forms
 * (decide/decision, economy/economic) nearly as much as the word; a broader word (the reader says "vehicle" where
 * the article says "car") less; a narrower one ("sedan" for "car") least, since the article may not mean it.
 */
export const RELATION_STRENGTH: Readonly<Record<Relation, number>> = {
  same: 1,
  inflection: 0.95,
  synonym: 0.8,
  derived: 0.8,
  similar: 0.6,
  broader: 0.6,
  narrower: 0.5,
};

/** Senses of a word that are followed (WordNet lists the frequent ones first); rarer senses only add noise. */
export const MAX_SENSES = 3;
/** Senses of a reader's word that are considered: a link through a rarer sense of it is not followed. */
const MAX_READER_SENSES = 3;
/** A later sense counts this much less than the one before it. */
const SENSE_DECAY = 0.9;
/** A synset with more hyponyms than this is too general to stand for any one of them. */
const MAX_HYPONYMS = 40;

const POINTER_RELATION: Readonly<Record<string, Relation>> = {
  '+': 'derived',
  '\\': 'derived',
  '<': 'derived',
  '@': 'broader',
  '@i': 'broader',
  '~': 'narrower',
  '&': 'similar',
  $: 'similar',
  '^': 'similar',
};

/** Senses of a word whose definitions are read. */
const DEFINED_SENSES = 2;
/** How fast precision falls with a word's number of senses: 5 senses give 0.55, 30 give 0.37. */
const VAGUENESS = 0.5;

/** Words whose base forms and kind are remembered (question words recur; the memo is cleared when full). */
const MEMO_LIMIT = 20_000;

/** What WordNet says a word is. */
export type WordKind = 'common' | 'name' | 'unknown';

/** A word of WordNet a reader may use for a word of the knowledge, and how strongly it stands for it. */
export interface RelatedForm {
  form: string;
  /** The form's part of speech in the sense that links it. */
  pos: PartOfSpeech;
  relation: Relation;
  strength: number;
}

/** General English for the answer engine, over one WordNet. */
export class Lexicon {
  private readonly kinds = new Map<string, WordKind>();
  private readonly lemmaMemo = new Map<string, { lemma: string; pos: PartOfSpeech }[]>();

  constructor(
    readonly wordnet: WordNet = new WordNet(),
    /** GloVe vectors of frequent words, when loaded. */
    readonly vectors?: WordVectors,
  ) {}

  /** The base forms of `word` (lower case; `_` between the words of a phrase) in every part of speech. */
  lemmas(word: string): { lemma: string; pos: PartOfSpeech }[] {
    let lemmas = this.lemmaMemo.get(word);
    if (!lemmas) {
      lemmas = PARTS_OF_SPEECH.flatMap((pos) => baseForms(this.wordnet, word, pos).map((lemma) => ({ lemma, pos })));
      if (this.lemmaMemo.size >= MEMO_LIMIT) this.lemmaMemo.clear();
      this.lemmaMemo.set(word, lemmas);
    }
    return lemmas;
  }

  /**
   * The words a reader may use for `word` of the knowledge: its base forms, and for each of its frequent senses the
   * other words of that sense, its derived forms, similar words, and one step up and down the hierarchy. Keyed by
   * form (lower case, `_` between words) and part of speech, the strongest relation kept. A sense counts less the
   * rarer it is, for the knowledge's word and for the reader's (issue is rarely a result).
   */
  relatedForms(word: string): Map<string, RelatedForm> {
    const found = new Map<string, RelatedForm>();
    const add = (written: string, pos: PartOfSpeech, relation: Relation, strength: number, synset?: number): void => {
      const form = written.toLowerCase();
      if (form === word) return;
      const rank = synset === undefined ? 0 : this.senseRank(form, pos, synset);
      if (rank < 0) return;
      const value = strength * SENSE_DECAY ** rank;
      const key = `${form}|${pos}`;
      const known = found.get(key);
      if (!known || known.strength < value) found.set(key, { form, pos, relation, strength: value });
    };
    for (const { lemma, pos } of this.lemmas(word)) {
      add(lemma, pos, 'inflection', RELATION_STRENGTH.inflection);
      const entry = this.wordnet.lookup(lemma, pos);
      if (!entry) continue;
      const senses = entry.synsets.slice(0, Math.min(MAX_SENSES, Math.max(1, entry.tagged)));
      senses.forEach((offset, rank) => {
        const decay = SENSE_DECAY ** rank;
        const synset = this.wordnet.synset(offset, pos);
        const own = synset.words.findIndex((w) => w.toLowerCase() === lemma) + 1;
        for (const w of synset.words) add(w, pos, 'synonym', RELATION_STRENGTH.synonym * decay, offset);
        const hyponyms = synset.pointers.filter((p) => p.symbol === '~').length;
        for (const pointer of synset.pointers) {
          const relation = POINTER_RELATION[pointer.symbol];
          if (!relation || (pointer.source !== 0 && pointer.source !== own)) continue;
          if (relation === 'narrower' && hyponyms > MAX_HYPONYMS) continue;
          const target = this.wordnet.synset(pointer.offset, pointer.pos);
          for (const w of wordsOf(target, pointer.target)) add(w, pointer.pos, relation, RELATION_STRENGTH[relation] * decay, pointer.offset);
        }
      });
    }
    return found;
  }

  // Where `synset` comes among the senses of `form` (0: its most frequent), or -1 when it is too rare a sense of it.
  private senseRank(form: string, pos: PartOfSpeech, synset: number): number {
    const rank = this.wordnet.lookup(form, pos)?.synsets.indexOf(synset) ?? 0;
    return rank >= MAX_READER_SENSES ? -1 : rank;
  }

  /** The definitions of the most frequent senses of `word`: what a reader means by it, in other words. */
  definitions(word: string): string[] {
    return this.lemmas(word).flatMap(({ lemma, pos }) =>
      (this.wordnet.lookup(lemma, pos)?.synsets.slice(0, DEFINED_SENSES) ?? []).map((offset) => this.wordnet.synset(offset, pos).gloss),
    );
  }

  /**
   * How precise `word` is in general English, from 1 (one sense, or unknown to WordNet: pizza, vaccine, a name)
   * down towards 0 for words of many senses (place, good, take): a vague word says less about what is asked.
   */
  precision(word: string): number {
    const senses = this.lemmas(word).reduce((sum, { lemma, pos }) => sum + (this.wordnet.lookup(lemma, pos)?.synsets.length ?? 0), 0);
    return senses <= 1 ? 1 : 1 / (1 + VAGUENESS * Math.log(senses));
  }

  /**
   * Whether `word` (lower case) is an ordinary English word, a name (WordNet knows it only as a proper noun, or its
   * most frequent sense is one: canada, china), or unknown to WordNet (a name, a misspelling, slang).
   */
  kind(word: string): WordKind {
    let kind = this.kinds.get(word);
    if (kind === undefined) {
      kind = this.classify(word);
      if (this.kinds.size >= MEMO_LIMIT) this.kinds.clear();
      this.kinds.set(word, kind);
    }
    return kind;
  }

  /** English words (ordinary, not names) one edit away from `word`: what a reader who mistyped it may have meant. */
  corrections(word: string): string[] {
    const found = new Set<string>();
    for (const candidate of editsOf(word)) {
      if (candidate.length >= 3 && this.kind(candidate) === 'common') found.add(candidate);
    }
    return [...found];
  }

  private classify(word: string): WordKind {
    const lemmas = this.lemmas(word);
    if (lemmas.length === 0) return 'unknown';
    // A name when its most frequent noun sense writes it with a capital (China, not china the porcelain) and no
    // other part of speech is in common use (japan the varnish is not).
    const entries = lemmas.flatMap(({ lemma, pos }) => this.wordnet.lookup(lemma, pos) ?? []);
    const nouns = entries.filter((e) => e.pos === 'n');
    if (nouns.length === 0 || entries.some((e) => e.pos !== 'n' && e.tagged > 0)) return 'common';
    const isName = nouns.every((entry) => {
      const first = entry.synsets[0];
      if (first === undefined) return false;
      const written = this.wordnet.synset(first, 'n').words.find((w) => w.toLowerCase() === entry.lemma);
      return written !== undefined && written !== entry.lemma;
    });
    return isName ? 'name' : 'common';
  }
}

// The words a pointer reaches: one word of the target for a lexical pointer, all of them for a semantic one.
function wordsOf(synset: Synset, target: number): string[] {
  if (target === 0) return synset.words;
  const word = synset.words[target - 1];
  return word === undefined ? [] : [word];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

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
