// Splits text into search terms: case-folded, accents removed, stop words dropped, Porter-stemmed; figures and
// acronyms kept as written, number words as figures, question-frame words marked.
import { stemmer } from 'stemmer';
import { FRAME_AFTER_HOW, FRAME_PHRASES, FRAME_WORDS, NUMBER_WORDS, STOP_WORDS } from './stop-words.js';

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
  /** Typed in capitals (`WHO`, `U.S.`): an acronym, never a stop word; its term is in capitals (`US`, not `us` of use). */
  acronym: boolean;
  /** Frames the question (`how many`, `latest`, `today`) rather than saying what it is about. */
  frame: boolean;
}

// A figure (1,284 · 4.5 · 2027) or a word (with inner apostrophes: don't, Roig's).
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;
const POSSESSIVE = /['’]s$/u;
const APOSTROPHE = /['’]/gu;
// U.S., U.K., U.N.: dotted abbreviations read as the acronym.
const DOTTED = /\b(\p{Lu})\.(\p{Lu})\.(?:(\p{Lu})\.)?/gu;
const ACRONYM = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}]{2,}$/u;
// ERs, CEOs: an acronym in the plural.
const ACRONYM_PLURAL = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}]{2,}s$/u;

/** Folds a word to lower case without accents (Chișinău → chisinau). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A figure as the index holds it: thousands separators dropped, trailing decimal zeros dropped (9.80 → 9.8). */
export function foldFigure(figure: string): string {
  const plain = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(figure) ? figure.replace(/,/gu, '') : figure.replace(/,/gu, '.');
  return plain.includes('.') ? plain.replace(/\.?0+$/u, '') : plain;
}

/** The search term for a folded word: undefined for stop words and single letters, else its Porter stem. */
export function termOf(folded: string): string | undefined {
  if (folded.length < 2 && !/\d/u.test(folded)) return undefined;
  if (STOP_WORDS.has(folded)) return undefined;
  const number = NUMBER_WORDS.get(folded);
  if (number) return number;
  return /^[\d.]+$/u.test(folded) ? folded : stemmer(folded);
}

// Folding and stemming are the costly part of indexing; a word seen recently is not folded or stemmed again. Bounded
// (about 1 MB when full): a stream of never-seen words does not grow the heap.
export const TOKEN_MEMO_LIMIT = 10_000;
const MEMO_LIMIT = TOKEN_MEMO_LIMIT;

/** Words remembered now (at most {@link TOKEN_MEMO_LIMIT}). */
export function tokenMemoSize(): number {
  return memo.size;
}
const memo = new Map<string, { folded: string; term: string | undefined }>();

function analyse(raw: string): { folded: string; term: string | undefined } {
  let known = memo.get(raw);
  if (!known) {
    if (/^\p{N}/u.test(raw)) {
      const figure = foldFigure(raw);
      known = { folded: figure, term: figure };
    } else {
      const folded = foldWord(raw).replace(APOSTROPHE, '');
      known = { folded, term: termOf(folded) };
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(raw, known);
  }
  return known;
}

/** Splits `text` into tokens (stop words included, with `term` undefined). A `%` reads as the word `percent`. */
export function tokenize(text: string): Token[] {
  const prepared = text.replace(DOTTED, '$1$2$3').replace(/%/gu, ' percent');
  // A message typed all in capitals says nothing about which words are acronyms.
  const shouting = !/\p{Ll}/u.test(prepared);
  const tokens: Token[] = [];
  for (const match of prepared.matchAll(WORD)) {
    const typed = match[0].replace(POSSESSIVE, '');
    const raw = !shouting && ACRONYM_PLURAL.test(typed) ? typed.slice(0, -1) : typed;
    const { folded, term } = analyse(raw);
    const before = prepared.slice(Math.max(0, match.index - 4), match.index).trim();
    const previous = tokens.at(-1);
    // "the us" is the country: the pronoun never follows "the".
    const acronym = (!shouting && ACRONYM.test(raw)) || (folded === 'us' && previous?.folded === 'the');
    tokens.push({
      raw,
      folded,
      term: acronym ? folded.toUpperCase() : term,
      position: tokens.length,
      capitalised: /^\p{Lu}/u.test(raw),
      sentenceStart: before === '' || /[.!?:“"]$/u.test(before),
      acronym,
      frame: !acronym && (FRAME_WORDS.has(folded) || (previous?.folded === 'how' && FRAME_AFTER_HOW.has(folded))),
    });
  }
  // "number of", "share of": what is counted follows. "so far", "this week": when, relative to now.
  tokens.forEach((t, i) => {
    if (COUNTING.has(t.folded) && tokens[i + 1]?.folded === 'of') t.frame = true;
    const previous = tokens[i - 1];
    if (previous && !t.acronym && FRAME_PHRASES.get(t.folded)?.has(previous.folded)) t.frame = previous.frame = true;
  });
  return tokens;
}

/** Words that frame a question when "of" follows (`the number of routes`). */
const COUNTING: ReadonlySet<string> = new Set(['number', 'amount', 'percentage', 'proportion', 'share', 'total']);

/** The search terms of `text`, in order, stop words removed: what the index stores for a passage. */
export function searchTerms(text: string): string[] {
  return tokenize(text).flatMap((t) => (t.term ? [t.term] : []));
}
