// The words a reader may use for a word of the knowledge, from WordNet: its senses' synonyms, derived forms,
// similar words, and one step up and down the hierarchy, each counting less than the word itself.
import type { PartOfSpeech, Synset, WordNet } from './wordnet.js';

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

/** A word of WordNet a reader may use for a word of the knowledge, and how strongly it stands for it. */
export interface RelatedForm {
  form: string;
  /** The form's part of speech in the sense that links it. */
  pos: PartOfSpeech;
  relation: Relation;
  strength: number;
}

/**
 * The words a reader may use for `word` of the knowledge, given its base forms: the base forms themselves, and for
 * each frequent sense the other words of that sense, its derived forms, similar words, and one step up and down the
 * hierarchy. Keyed by form (lower case, `_` between words) and part of speech, the strongest relation kept. A sense
 * counts less the rarer it is, for the knowledge's word and for the reader's (issue is rarely a result).
 */
export function relatedForms(wordnet: WordNet, word: string, lemmas: readonly { lemma: string; pos: PartOfSpeech }[]): Map<string, RelatedForm> {
  const found = new Map<string, RelatedForm>();
  const add = (written: string, pos: PartOfSpeech, relation: Relation, strength: number, synset?: number): void => {
    const form = written.toLowerCase();
    if (form === word) return;
    const rank = synset === undefined ? 0 : (wordnet.lookup(form, pos)?.synsets.indexOf(synset) ?? 0);
    if (rank >= MAX_READER_SENSES) return;
    const value = strength * SENSE_DECAY ** Math.max(0, rank);
    const key = `${form}|${pos}`;
    const known = found.get(key);
    if (!known || known.strength < value) found.set(key, { form, pos, relation, strength: value });
  };
  for (const { lemma, pos } of lemmas) {
    add(lemma, pos, 'inflection', RELATION_STRENGTH.inflection);
    const entry = wordnet.lookup(lemma, pos);
    if (!entry) continue;
    entry.synsets.slice(0, Math.min(MAX_SENSES, Math.max(1, entry.tagged))).forEach((offset, rank) => {
      const decay = SENSE_DECAY ** rank;
      const synset = wordnet.synset(offset, pos);
      const own = synset.words.findIndex((w) => w.toLowerCase() === lemma) + 1;
      for (const w of synset.words) add(w, pos, 'synonym', RELATION_STRENGTH.synonym * decay, offset);
      const hyponyms = synset.pointers.filter((p) => p.symbol === '~').length;
      for (const pointer of synset.pointers) {
        // A part that stands for the whole in the news: a capital for its country (Tehran: Iran), a named building for
        // its city (a palace, a citadel); not any place in it (Vancouver is not British Columbia, Japan is not Asia).
        if (pointer.symbol === PART) {
          const part = wordnet.synset(pointer.offset, pointer.pos);
          if (standsForWhole(wordnet, part)) for (const w of part.words) add(w, pointer.pos, 'narrower', RELATION_STRENGTH.narrower * decay, pointer.offset);
          continue;
        }
        const relation = POINTER_RELATION[pointer.symbol];
        if (!relation || (pointer.source !== 0 && pointer.source !== own)) continue;
        if (relation === 'narrower' && hyponyms > MAX_HYPONYMS) continue;
        const target = wordnet.synset(pointer.offset, pointer.pos);
        for (const w of wordsOf(target, pointer.target)) add(w, pointer.pos, relation, RELATION_STRENGTH[relation] * decay, pointer.offset);
      }
    });
  }
  return found;
}

/** WordNet's part meronym pointer (`%p`): the target is a part of the word's synset. */
const PART = '%p';

/** WordNet's lexicographer file of places (noun.location). */
const PLACES = 15;

// Whether a part can stand for its whole: a named part (an instance) that is a national capital or not a place (a
// building); a common noun's parts (a share of stock) and the places in a place do not.
function standsForWhole(wordnet: WordNet, part: Synset): boolean {
  const instanceOf = part.pointers.filter((p) => p.symbol === '@i');
  if (instanceOf.length === 0) return false;
  if (part.lexicalFile !== PLACES) return true;
  return instanceOf.some((p) => wordnet.synset(p.offset, p.pos).words.some((w) => w.toLowerCase() === 'national_capital'));
}

// The words a pointer reaches: one word of the target for a lexical pointer, all of them for a semantic one.
function wordsOf(synset: Synset, target: number): string[] {
  if (target === 0) return synset.words;
  const word = synset.words[target - 1];
  return word === undefined ? [] : [word];
}
