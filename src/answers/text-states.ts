// What a text states, read from its words: an amount (not a year, a day or a code), a percentage, a date or a time,
// a length of time, an age, money.
import type { Concept } from './resolve-query.js';
import { NUMBER_WORDS, tokenize, type Token } from '../text/index.js';

const MAGNITUDES = new Set(['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'dozen', 'dozens', 'half']);
const MONTHS = new Set('january february march april may june july august september october november december'.split(' '));
const PERCENT = /\d\s*(?:%|percent\b|per cent\b)/iu;
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const TIME = new RegExp(
  `\\b(?:${MONTH_NAMES})\\.?\\s+\\d|\\b\\d{1,2}\\s+(?:${MONTH_NAMES})\\b|\\b(?:${WEEKDAYS})\\b|\\b(?:1[89]|20)\\d\\d\\b|\\b(?:yesterday|today|tomorrow|tonight)\\b|` +
    `\\b(?:next|last|this|coming|following) (?:week|month|year|spring|summer|autumn|fall|winter)\\b|\\b(?:early|mid|late)[- ](?:${MONTH_NAMES}|\\d{4})|` +
    `\\b\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)|\\b(?:in|within|after|for) (?:\\d+|a|two|three|four|five|six|several|a few) (?:days?|weeks?|months?|years?|hours?)\\b|` +
    `\\b(?:days?|weeks?|months?|years?|decades?) (?:before|after|ago|earlier|later)\\b|\\b(?:${MONTH_NAMES})\\b`,
  'iu',
);
const AGE = /\b\d{1,3}-year-old\b|\baged \d{1,3}\b|\p{L}, \d{1,3}, /u;
const MONEY = /[$€£¥₹]\s?\d|\d\s?(?:dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|pesos?|rand|krona|kronor|kroner|won)\b|\b(?:USD|EUR|GBP|JPY|CNY|CHF|AUD|CAD|NZD)\s?\d|\d\s?(?:USD|EUR|GBP|JPY|CNY|CHF|AUD|CAD|NZD)\b/u;

/** Whether `text` states a percentage. */
export function holdsPercent(text: string): boolean {
  return PERCENT.test(text);
}

/** Whether `text` states a figure of any kind (an amount, a year, a date) or a number word. */
export function holdsAnyFigure(text: string, tokens: readonly Token[] = tokenize(text)): boolean {
  return tokens.some((t) => /^\d/u.test(t.folded) || NUMBER_WORDS.has(t.folded) || MAGNITUDES.has(t.folded));
}

/** Whether `text` states a date or a time (a month, a weekday, a year, "next week", "3:40 a.m.", "within two weeks"). */
export function holdsTime(text: string): boolean {
  return TIME.test(text);
}

/** Whether `text` states someone's age, as news writes it ("34-year-old", "aged 34", "Denise Kowalczyk, 58, of…"). */
export function holdsAge(text: string): boolean {
  return AGE.test(text);
}

/** Whether `text` states an amount anywhere: a figure that is not a year, a day of a month or part of a code. */
export function holdsFigure(text: string, tokens: readonly Token[] = tokenize(text)): boolean {
  const codes = codeNumbers(text);
  return tokens.some((t, i, all) => isAmount(t, i, all, codes));
}

/** Whether `text` states an amount in a sentence that says `focus` (in any of its ways). */
export function figureNear(text: string, focus: Concept, tokens: readonly Token[] = tokenize(text)): boolean {
  const terms = new Set(focus.alternatives.flatMap((a) => a.terms));
  const codes = codeNumbers(text);
  let sentence: { focus: boolean; amount: boolean } = { focus: false, amount: false };
  for (const [i, t] of tokens.entries()) {
    if (t.sentenceStart) sentence = { focus: false, amount: false };
    if (t.term && terms.has(t.term)) sentence.focus = true;
    if (isAmount(t, i, tokens, codes)) sentence.amount = true;
    if (sentence.focus && sentence.amount) return true;
  }
  return false;
}

/** Whether `text` counts `focus` directly: an amount at most two words before it ("37 ambulances", "six hospitals", "four landing legs"). */
export function countsDirectly(text: string, focus: Concept, tokens: readonly Token[] = tokenize(text)): boolean {
  const terms = new Set(focus.alternatives.flatMap((a) => a.terms));
  const codes = codeNumbers(text);
  return tokens.some((t, i) => {
    if (!t.term || !terms.has(t.term)) return false;
    for (let back = 1; back <= 3 && i - back >= 0; back += 1) {
      const before = tokens[i - back] as Token;
      if (isAmount(before, i - back, tokens, codes)) return true;
      if (before.sentenceStart) return false;
    }
    return false;
  });
}

/** Whether `text` states an amount of money ("$8.5 million", "C$310 million", "€2bn", "40 euros"). */
export function holdsMoney(text: string): boolean {
  return MONEY.test(text);
}

const SPAN = `(?:\\d+(?:[.,]\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|many)`;
const DURATION = new RegExp(
  `\\b${SPAN}(?:\\s*(?:to|-|–|or)\\s*${SPAN})?[- ](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\\b|` +
    `\\bsince\\s+(?:(?:1[89]|20)\\d\\d|${MONTH_NAMES})\\b|\\b(?:(?:1[89]|20)\\d\\d)\\s*(?:-|–|to)\\s*(?:(?:1[89]|20)\\d\\d)\\b`,
  'iu',
);

/** Whether `text` states a length of time ("12 years", "two to three weeks", "since 2014", "2014-2026"). */
export function holdsDuration(text: string): boolean {
  return DURATION.test(text);
}

// A figure or number word that counts something: not a year (2027), not a day after a month (December 1), not part of
// a code (TVX-21, A320), not "the two" (which points, not counts).
function isAmount(token: Token, at: number, tokens: readonly Token[], codes: ReadonlySet<string>): boolean {
  const previous = tokens[at - 1]?.folded;
  if (NUMBER_WORDS.has(token.folded) || MAGNITUDES.has(token.folded)) return previous !== 'the';
  if (!/^\d/u.test(token.folded) || codes.has(token.raw)) return false;
  if (/^(?:1[89]|20)\d\d$/u.test(token.folded)) return false;
  return previous === undefined || !MONTHS.has(previous);
}

// Figures written as part of a name or code (TVX-21, COVID-19).
function codeNumbers(text: string): Set<string> {
  return new Set([...text.matchAll(/\p{L}[-‑](\d+)/gu)].map((m) => m[1] ?? ''));
}
