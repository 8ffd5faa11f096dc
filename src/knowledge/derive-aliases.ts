// Aliases the articles define themselves: acronyms of names (International Criminal Court → ICC), short forms in
// brackets (World Health Organization (WHO)), and second names (Compañía Aérea Levantina, also known as Levanta).
import type { AliasTable } from './load-aliases.js';

// Small words a name may hold without their initial counting (Union of Soviet Socialist Republics → USSR).
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'del', 'la', 'du', '&']);
// Capitalised function words that open a sentence or a question, not a name (Will Canada…, The Ministry…).
const OPENERS = new Set(
  'the a an will would can could should does do did is are was were has have how what when where why who which it this that these those as at by with from to but or if after before while despite apart under over both all some'.split(' '),
);
// A lower-case word after a name that belongs to it (Civic Renewal party), not a verb or a function word.
const FOLLOWER = /^\p{Ll}{4,}$/u;
const NOT_FOLLOWERS = new Set('also from said told will were with have that than this they their there then regarding together other central'.split(' '));
// A capitalised word, or a connector inside a run of them.
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|&)$/u;
// A short form in brackets: a few words, at least two capitals (WHO, DG COMP, Africa CDC).
const BRACKETED = /\(([^()]{2,24})\)/gu;
const SHORT_FORM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}\p{N}&.' -]+$/u;
// "X, also known as Y": a second name for the same thing.
const KNOWN_AS = /(?:[,(]\s*(?:also |better |commonly )?|\s(?:also|better|commonly) )(?:known as|called|referred to as|dubbed)\s+/giu;
/** Fewest initials a name's acronym has (two letters are a person's initials more often than an acronym). */
const MIN_INITIALS = 3;
/** Most names one set of initials may stand for. */
const MAX_MEANINGS = 3;
/** Words a second name may run to. */
const MAX_NAME_WORDS = 5;

/**
 * The aliases defined in `texts` (paragraphs, FAQ entries): each key a form a reader may type, each value what the
 * text calls it (alternatives separated by commas, as in `aliases.json`).
 */
export function deriveAliases(texts: Iterable<string>): AliasTable {
  return mergeAliasPairs([aliasPairs(texts)]);
}

/** What each form a reader may type stands for in `texts` (one document's), before the forms of many are dropped. */
export type AliasPairs = [string, string[]][];

/** The forms `texts` defines and what each stands for, in the order met. */
export function aliasPairs(texts: Iterable<string>): AliasPairs {
  const found = new Map<string, Set<string>>();
  const add = (key: string, value: string): void => {
    const k = key.trim();
    const v = value.trim();
    if (k.length < 2 || !v || k.toLowerCase() === v.toLowerCase()) return;
    (found.get(k) ?? found.set(k, new Set()).get(k))?.add(v);
  };
  for (const text of texts) {
    for (const [short, long] of bracketedForms(text)) {
      add(short, long);
      add(long, short);
    }
    for (const run of nameRuns(text)) {
      const initials = run.filter((w) => !CONNECTORS.has(w.toLowerCase())).map((w) => w[0] ?? '').join('');
      if (initials.length >= MIN_INITIALS) add(initials.toUpperCase(), run.join(' '));
    }
    for (const [first, second] of secondNames(text)) {
      add(first, second);
      add(second, first);
    }
  }
  return [...found].map(([k, v]) => [k, [...v]]);
}

/** The aliases of several documents' pairs, in order: a form that stands for more than three things stands for none. */
export function mergeAliasPairs(documents: Iterable<AliasPairs>): AliasTable {
  const found = new Map<string, Set<string>>();
  for (const pairs of documents) {
    for (const [key, values] of pairs) {
      const known = found.get(key) ?? found.set(key, new Set()).get(key);
      for (const v of values) known?.add(v);
    }
  }
  return Object.fromEntries([...found].filter(([, v]) => v.size <= MAX_MEANINGS).map(([k, v]) => [k, [...v].join(', ')]));
}

/** `[short, long]` for each `long form (SHORT)` of `text` whose short form the long form spells (Schwartz–Hearst). */
export function bracketedForms(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const match of text.matchAll(BRACKETED)) {
    const short = match[1]?.trim() ?? '';
    if (!SHORT_FORM.test(short)) continue;
    const before = text.slice(0, match.index).trimEnd().split(/\s+/u);
    const letters = short.replace(/[^\p{L}\p{N}]/gu, '').length;
    const window = before.slice(-Math.min(letters + 5, letters * 2)).join(' ');
    const long = spelledBy(short, window);
    if (long) pairs.push([short, long]);
  }
  return pairs;
}

// The shortest end of `text` whose letters spell `short` in order, its first letter starting a word.
function spelledBy(short: string, text: string): string | undefined {
  const s = short.toLowerCase();
  const t = text.toLowerCase();
  let si = s.length - 1;
  let ti = t.length - 1;
  while (si >= 0) {
    const c = s[si] as string;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      si -= 1;
      continue;
    }
    while (ti >= 0 && (t[ti] !== c || (si === 0 && ti > 0 && /[\p{L}\p{N}]/u.test(t[ti - 1] as string)))) ti -= 1;
    if (ti < 0) return undefined;
    ti -= 1;
    si -= 1;
  }
  const start = text.lastIndexOf(' ', ti) + 1;
  const long = text.slice(start).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return long.length > short.length ? long : undefined;
}

/**
 * Runs of two or more capitalised words (with connectors inside), and each run with the lower-case word that follows
 * it (Civic Renewal party): names whose initials a reader may type.
 */
export function nameRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = (follower?: string): void => {
    while (run.length > 0 && CONNECTORS.has((run.at(-1) ?? '').toLowerCase())) run.pop();
    if (run.filter((w) => !CONNECTORS.has(w.toLowerCase())).length >= 2) {
      runs.push(run);
      if (follower && FOLLOWER.test(follower) && !follower.endsWith('ed') && !NOT_FOLLOWERS.has(follower)) runs.push([...run, follower]);
    }
    run = [];
  };
  for (const raw of text.split(/\s+/u)) {
    const lead = raw.replace(/^[“"‘'(]+/u, '');
    const bare = lead.replace(/[’']s$/u, '').replace(/[^\p{L}\p{N}&]+$/u, '');
    // Punctuation or a possessive after a word ends the run there; a quote or bracket before it starts a new one.
    const ends = bare !== lead;
    if (lead !== raw) close();
    const opener = run.length === 0 && OPENERS.has(bare.toLowerCase());
    if (bare && !opener && (NAME_WORD.test(bare) || (run.length > 0 && CONNECTORS.has(bare.toLowerCase())))) {
      run.push(bare);
      if (ends) close();
    } else close(ends ? undefined : bare);
  }
  close();
  return runs;
}

/** `[first, second]` for each "first, also known as second" in `text`. */
export function secondNames(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const match of text.matchAll(KNOWN_AS)) {
    const before = text.slice(0, match.index).split(/\s+/u);
    const after = text.slice(match.index + match[0].length).split(/[,.;:)(]/u)[0]?.split(/\s+/u) ?? [];
    const second = after.slice(0, MAX_NAME_WORDS).join(' ').trim();
    const first = lastNamePart(before);
    if (first && second) pairs.push([first, second]);
  }
  return pairs;
}

// The name that ends `words`: its trailing run of capitalised words, else its last few words after punctuation.
function lastNamePart(words: readonly string[]): string | undefined {
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0 && run.length < MAX_NAME_WORDS; i -= 1) {
    const word = (words[i] ?? '').replace(/[,;:]$/u, '');
    if (!NAME_WORD.test(word) && !(run.length > 0 && CONNECTORS.has(word.toLowerCase()))) break;
    run.unshift(word);
  }
  while (run.length > 0 && CONNECTORS.has((run[0] ?? '').toLowerCase())) run.shift();
  if (run.length > 0) return run.join(' ');
  const tail: string[] = [];
  for (let i = words.length - 1; i >= 0 && tail.length < 3; i -= 1) {
    const word = words[i] ?? '';
    if (/[.;:!?]$/u.test(word) && tail.length > 0) break;
    tail.unshift(word.replace(/[,;:]$/u, ''));
    if (/^(?:a|an|the)$/iu.test(words[i - 1] ?? '')) break;
  }
  return tail.length > 0 ? tail.join(' ') : undefined;
}
