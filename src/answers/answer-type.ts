// What kind of answer a question wants, where its words say so: "how many" wants an amount, stated near what it
// counts ("58 aircraft" for "how many planes"), not a date or a code that happens to hold digits.
import type { Passage } from '../knowledge/index.js';
import type { Concept } from './resolve-query.js';
import { NUMBER_WORDS, tokenize, type Token } from '../text/index.js';

const ASKS_FOR_AMOUNT = /\b(?:how (?:many|much|long|old|far|big|large|high|deep|tall|wide|heavy|fast|hot|cold)|number of|percentage|what percent|proportion of)\b/iu;
const MAGNITUDES = new Set(['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'dozen', 'dozens', 'half']);
const COUNTS = new Set(['many', 'much']);
const MONTHS = new Set('january february march april may june july august september october november december'.split(' '));

const ASKS_FOR_SHARE = /\b(?:percentage|percent|proportion|what share|what fraction)\b/iu;
const PERCENT = /\d\s*(?:%|percent\b|per cent\b)/iu;

/** Whether `question` asks for a share (`what percentage`, `what proportion`): a percentage answers it. */
export function asksForShare(question: string): boolean {
  return ASKS_FOR_SHARE.test(question);
}

/** Whether `text` states a percentage. */
export function holdsPercent(text: string): boolean {
  return PERCENT.test(text);
}

const ASKS_FOR_DURATION = /\bhow (?:long|old)\b/iu;

/** Whether `question` asks how long or how old: a year or a date ("since 2021") answers it as well as an amount. */
export function asksForDuration(question: string): boolean {
  return ASKS_FOR_DURATION.test(question);
}

/** Whether `text` states a figure of any kind (an amount, a year, a date) or a number word. */
export function holdsAnyFigure(text: string, tokens: readonly Token[] = tokenize(text)): boolean {
  return tokens.some((t) => /^\d/u.test(t.folded) || NUMBER_WORDS.has(t.folded) || MAGNITUDES.has(t.folded));
}

const ASKS_FOR_TIME = /^(?:(?:and|so|but|ok) )?(?:when\b|by when\b|since when\b|what (?:date|day|time|year|month)\b|how soon\b)/iu;
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const TIME = new RegExp(
  `\\b(?:${MONTH_NAMES})\\.?\\s+\\d|\\b\\d{1,2}\\s+(?:${MONTH_NAMES})\\b|\\b(?:${WEEKDAYS})\\b|\\b(?:1[89]|20)\\d\\d\\b|\\b(?:yesterday|today|tomorrow|tonight)\\b|` +
    `\\b(?:next|last|this|coming|following) (?:week|month|year|spring|summer|autumn|fall|winter)\\b|\\b(?:early|mid|late)[- ](?:${MONTH_NAMES}|\\d{4})|` +
    `\\b\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)|\\b(?:in|within|after|for) (?:\\d+|a|two|three|four|five|six|several|a few) (?:days?|weeks?|months?|years?|hours?)\\b|` +
    `\\b(?:days?|weeks?|months?|years?|decades?) (?:before|after|ago|earlier|later)\\b|\\b(?:${MONTH_NAMES})\\b`,
  'iu',
);

/** Whether `question` asks when (`when…`, `by when`, `what date`): a date or a time answers it. */
export function asksForTime(question: string): boolean {
  return ASKS_FOR_TIME.test(question.trim());
}

/** Whether `text` states a date or a time (a month, a weekday, a year, "next week", "3:40 a.m.", "within two weeks"). */
export function holdsTime(text: string): boolean {
  return TIME.test(text);
}

const ASKS_FOR_AGE = /\b(?:how old|what age|age of|aged?)\b/iu;
const AGE = /\b\d{1,3}-year-old\b|\baged \d{1,3}\b|\p{L}, \d{1,3}, /u;

/** Whether `question` asks someone's age. */
export function asksForAge(question: string): boolean {
  return ASKS_FOR_AGE.test(question);
}

/** Whether `text` states someone's age, as news writes it ("34-year-old", "aged 34", "Denise Kowalczyk, 58, of…"). */
export function holdsAge(text: string): boolean {
  return AGE.test(text);
}

/** Whether `question` asks for an amount (`how many`, `how much`, `what percentage`). */
export function asksForFigure(question: string): boolean {
  return ASKS_FOR_AMOUNT.test(question);
}

/**
 * The concept an amount is asked of: the first content word after "how many" or "number of" (`planes` in "how many
 * planes…"), passing over the story's names (`levanta` in "how much did levanta shares rise").
 */
export function figureFocus(question: string, concepts: readonly Concept[], isStoryName: (c: Concept) => boolean): Concept | undefined {
  // Only a count or a quantity is stated next to what it counts; a duration or a distance ("how long after…") is not.
  const at = tokenize(question).findIndex(
    (t, i, all) => (COUNTS.has(t.folded) && all[i - 1]?.folded === 'how') || (t.folded === 'number' && all[i + 1]?.folded === 'of'),
  );
  return at < 0 ? undefined : concepts.find((c) => !c.frame && c.position > at && c.alternatives.length > 0 && !isStoryName(c));
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

/** Whether `question` asks for a count ("how many", "number of"), not a quantity ("how much"). */
export function asksForCount(question: string): boolean {
  return /\b(?:how many|number of)\b/iu.test(question);
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

// A question about money: what something costs, pays or earns (not "how much rain").
const ASKS_FOR_MONEY = /\b(?:cost|costs|costing|costed|price|prices|priced|pay|pays|paid|paying|salary|salaries|wage|wages|budget|budgets|fee|fees|fine|fined|fines|dividend|dividends|ransom|revenue|revenues|turnover|profit|profits|valuation|valued|worth|funding|spend|spent|money|cash)\b/iu;
const MONEY = /[$€£¥₹]\s?\d|\d\s?(?:dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|pesos?|rand|krona|kronor|kroner|won)\b|\b(?:USD|EUR|GBP|JPY|CNY|CHF|AUD|CAD|NZD)\s?\d|\d\s?(?:USD|EUR|GBP|JPY|CNY|CHF|AUD|CAD|NZD)\b/u;

/** Whether `question` asks for an amount of money (`how much did it cost`, `what's his salary`). */
export function asksForMoney(question: string): boolean {
  const asksWhatOrHowMuch = ASKS_FOR_AMOUNT.test(question) || /^(?:what|whats|what's|what is)\b/iu.test(question.trim());
  return asksWhatOrHowMuch && ASKS_FOR_MONEY.test(question);
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

/** How a passage fits the kind of answer a question asks for. */
export interface TypeFit {
  /** The passage states that kind of answer (about what is counted, where the question names it). */
  fit: boolean;
  /** It states it the way the question asks: a count right before what it counts, a length of time, a percentage, money. */
  exact: boolean;
}

/** What a passage states, each read once when first asked (a passage is weighed for many questions). */
export class StatedFacts {
  private readonly known = new Map<string, boolean>();
  private tokenList?: Token[];

  constructor(readonly text: string) {}

  get tokens(): Token[] {
    return (this.tokenList ??= tokenize(this.text));
  }

  private fact(name: string, read: (text: string) => boolean): boolean {
    let value = this.known.get(name);
    if (value === undefined) this.known.set(name, (value = read(this.text)));
    return value;
  }

  get money(): boolean {
    return this.fact('money', holdsMoney);
  }
  get percent(): boolean {
    return this.fact('percent', holdsPercent);
  }
  get age(): boolean {
    return this.fact('age', holdsAge);
  }
  get time(): boolean {
    return this.fact('time', holdsTime);
  }
  get duration(): boolean {
    return this.fact('duration', holdsDuration);
  }
  get anyFigure(): boolean {
    return this.fact('anyFigure', (text) => holdsAnyFigure(text, this.tokens));
  }
  get figure(): boolean {
    return this.fact('figure', (text) => holdsFigure(text, this.tokens));
  }
}

/** Passages whose stated facts are remembered. */
const FACTS_MEMO_LIMIT = 2_000;

/** The stated facts of passages, made when first needed. */
export class PassageFacts {
  private readonly memo = new Map<Passage, StatedFacts>();

  of(passage: Passage): StatedFacts {
    let known = this.memo.get(passage);
    if (!known) {
      if (this.memo.size >= FACTS_MEMO_LIMIT) this.memo.clear();
      this.memo.set(passage, (known = new StatedFacts(passage.text)));
    }
    return known;
  }
}

/**
 * The kind of answer `question` asks for, as a test of what a passage states; undefined when it asks for none. Money
 * is answered by money (or a percentage), "when" by a time, "how old" by an age, "how many" by an amount near what it
 * counts (`focus`), "how long" by a length of time.
 */
export function answerTypeOf(question: string, focus: Concept | undefined): ((facts: StatedFacts) => TypeFit) | undefined {
  if (asksForMoney(question)) return (facts) => ({ fit: facts.money || facts.percent, exact: facts.money });
  if (asksForAge(question)) return (facts) => ({ fit: facts.age, exact: facts.age });
  if (asksForTime(question)) return (facts) => ({ fit: facts.time, exact: facts.time });
  if (!asksForFigure(question)) return undefined;
  const duration = asksForDuration(question);
  const count = focus !== undefined && asksForCount(question);
  const share = asksForShare(question);
  return (facts) => {
    const fit = focus ? figureNear(facts.text, focus, facts.tokens) : duration ? facts.anyFigure : facts.figure;
    const exact = count && focus ? countsDirectly(facts.text, focus, facts.tokens) : duration ? facts.duration : share ? facts.percent : fit;
    return { fit, exact: fit && exact };
  };
}
