// WordNet's Morphy: the base forms of an inflected word (fell → fall, cities → city), checked against WordNet.
import adjectiveExceptions from 'wink-lexicon/src/wn-adjective-exceptions.js';
import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js';
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js';
import type { PartOfSpeech, WordNet } from './wordnet.js';

// Morphy's detachment rules per part of speech: [suffix, replacement].
const RULES: Record<PartOfSpeech, readonly (readonly [string, string])[]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

// The irregular forms WordNet lists (WordNet 3.0's .exc files, as wink-lexicon ships them).
const EXCEPTIONS: Record<PartOfSpeech, Readonly<Record<string, string>>> = {
  n: nounExceptions,
  v: verbExceptions,
  a: adjectiveExceptions,
  r: {},
};

/** Shortest base form a detachment rule may leave (so `bed` is not read as `b` + `-ed`). */
const MIN_BASE = 3;

/**
 * The base forms of `word` (lower case, `_` between the words of a phrase) as `pos`: the irregular form's base,
 * the word itself, and what the first regular rule that applies leaves (doses → dose, not also dos), each only
 * when WordNet has it; most likely first.
 */
export function baseForms(wordnet: WordNet, word: string, pos: PartOfSpeech): string[] {
  const forms = new Set<string>();
  const exception = Object.hasOwn(EXCEPTIONS[pos], word) ? EXCEPTIONS[pos][word] : undefined;
  if (exception && wordnet.has(exception, pos)) forms.add(exception);
  if (wordnet.has(word, pos)) forms.add(word);
  for (const [suffix, replacement] of RULES[pos]) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length) + replacement;
    if (base.length >= MIN_BASE && wordnet.has(base, pos)) {
      forms.add(base);
      break;
    }
  }
  return [...forms];
}
