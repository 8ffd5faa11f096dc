// Splits text into search terms: case-folded, accents removed, stop words dropped, Porter-stemmed.
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

/** One word of a question, with what is needed to search it and to judge whether it names something. */
export interface Token {
  /** The word as typed. */
  raw: string;
  /** Lower case, accents removed. */
  folded: string;
  /** The stemmed search term, or undefined for a stop word. */
  term: string | undefined;
  /** Position among the words of the text (0-based). */
  position: number;
  /** Typed with a capital first letter. */
  capitalised: boolean;
  /** First word of a sentence (where a capital says nothing about the word). */
  sentenceStart: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const POSSESSIVE = /['’]s$/u;
const APOSTROPHE = /['’]/gu;

/** Folds a word to lower case without accents (Chișinău → chisinau). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search term for a folded word: undefined for stop words and single letters, else its Porter stem. */
export function termOf(folded: string): string | undefined {
  if (folded.length < 2 && !/\d/u.test(folded)) return undefined;
  if (STOP_WORDS.has(folded)) return undefined;
  return /^\d+$/u.test(folded) ? folded : stemmer(folded);
}

// Folding and stemming are the costly part of indexing; a word seen once is not folded or stemmed again.
const MEMO_LIMIT = 500_000;
const memo = new Map<string, { folded: string; term: string | undefined }>();

function analyse(raw: string): { folded: string; term: string | undefined } {
  let known = memo.get(raw);
  if (!known) {
    const folded = foldWord(raw).replace(APOSTROPHE, '');
    known = { folded, term: termOf(folded) };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(raw, known);
  }
  return known;
}

/** Splits `text` into tokens (stop words included, with `term` undefined). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(POSSESSIVE, '');
    const { folded, term } = analyse(raw);
    const before = text.slice(Math.max(0, match.index - 4), match.index).trim();
    tokens.push({
      raw,
      folded,
      term,
      position: tokens.length,
      capitalised: /^\p{Lu}/u.test(raw),
      sentenceStart: before === '' || /[.!?:“"]$/u.test(before),
    });
  }
  return tokens;
}

/** The search terms of `text`, in order, stop words removed: what the index stores for a passage. */
export function searchTerms(text: string): string[] {
  return tokenize(text).flatMap((t) => (t.term ? [t.term] : []));
}
