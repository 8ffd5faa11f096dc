// What kind of answer a question's words ask for: an amount ("how many"), a share, a length of time, a date, an age,
// money; and, for a count, what it counts ("planes" in "how many planes").
import type { Concept } from './resolve-query.js';
import { tokenize } from '../text/index.js';

const ASKS_FOR_AMOUNT = /\b(?:how (?:many|much|long|old|far|big|large|high|deep|tall|wide|heavy|fast|hot|cold)|number of|percentage|what percent|proportion of)\b/iu;
const COUNTS = new Set(['many', 'much']);
const ASKS_FOR_SHARE = /\b(?:percentage|percent|proportion|what share|what fraction)\b/iu;
const ASKS_FOR_DURATION = /\bhow (?:long|old)\b/iu;
const ASKS_FOR_TIME = /^(?:(?:and|so|but|ok) )?(?:when\b|by when\b|since when\b|what (?:date|day|time|year|month)\b|how soon\b)/iu;
const ASKS_FOR_AGE = /\b(?:how old|what age|age of|aged?)\b/iu;
// A question about money: what something costs, pays or earns (not "how much rain").
const ASKS_FOR_MONEY = /\b(?:cost|costs|costing|costed|price|prices|priced|pay|pays|paid|paying|salary|salaries|wage|wages|budget|budgets|fee|fees|fine|fined|fines|dividend|dividends|ransom|revenue|revenues|turnover|profit|profits|valuation|valued|worth|funding|spend|spent|money|cash)\b/iu;

/** Whether `question` asks for a share (`what percentage`, `what proportion`): a percentage answers it. */
export function asksForShare(question: string): boolean {
  return ASKS_FOR_SHARE.test(question);
}

/** Whether `question` asks how long or how old: a year or a date ("since 2021") answers it as well as an amount. */
export function asksForDuration(question: string): boolean {
  return ASKS_FOR_DURATION.test(question);
}

/** Whether `question` asks when (`when…`, `by when`, `what date`): a date or a time answers it. */
export function asksForTime(question: string): boolean {
  return ASKS_FOR_TIME.test(question.trim());
}

/** Whether `question` asks someone's age. */
export function asksForAge(question: string): boolean {
  return ASKS_FOR_AGE.test(question);
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

/** Whether `question` asks for a count ("how many", "number of"), not a quantity ("how much"). */
export function asksForCount(question: string): boolean {
  return /\b(?:how many|number of)\b/iu.test(question);
}

/** Whether `question` asks for an amount of money (`how much did it cost`, `what's his salary`). */
export function asksForMoney(question: string): boolean {
  const asksWhatOrHowMuch = ASKS_FOR_AMOUNT.test(question) || /^(?:what|whats|what's|what is)\b/iu.test(question.trim());
  return asksWhatOrHowMuch && ASKS_FOR_MONEY.test(question);
}
