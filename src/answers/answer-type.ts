// What kind of answer a question wants, where its words say so: "how many" wants a figure, near what it counts.
import type { Concept } from './resolve-query.js';
import { tokenize } from './tokenize.js';
import { NUMBER_WORDS } from './stop-words.js';

const ASKS_FOR_FIGURE = /\b(?:how (?:many|much|long|old|far)|number of|percentage|what percent|proportion of)\b/iu;
const FIGURE = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third)\b/iu;
/** Words between a figure and what it counts ("58 Airbus A320-family aircraft"). */
const FOCUS_WINDOW = 4;

/** Whether `question` asks for an amount (`how many`, `how much`, `what percentage`). */
export function asksForFigure(question: string): boolean {
  return ASKS_FOR_FIGURE.test(question);
}

/** Whether `text` states an amount: a figure, or a number in words (not "the two countries", which counts nothing). */
export function holdsFigure(text: string): boolean {
  return FIGURE.test(text.replace(/\bthe (?:two|three|four|five)\b/giu, ''));
}

/**
 * The concept an amount is asked of: the first content word after "how many" or "number of" (`planes` in "how many
 * planes…"), passing over the story's names (`levanta` in "how much did levanta shares rise").
 */
export function figureFocus(question: string, concepts: readonly Concept[], isStoryName: (c: Concept) => boolean): Concept | undefined {
  const at = tokenize(question).findIndex((t, i, all) => (t.frame && all[i - 1]?.folded === 'how') || (t.folded === 'number' && all[i + 1]?.folded === 'of'));
  return at < 0 ? undefined : concepts.find((c) => !c.frame && c.position > at && c.alternatives.length > 0 && !isStoryName(c));
}

/** Whether `text` states a figure within a few words of a way of saying `focus`. */
export function figureNear(text: string, focus: Concept): boolean {
  const terms = new Set(focus.alternatives.flatMap((a) => a.terms));
  const tokens = tokenize(text);
  return tokens.some((t, i) => {
    if (!t.term || !terms.has(t.term)) return false;
    return tokens.slice(Math.max(0, i - FOCUS_WINDOW), i + FOCUS_WINDOW + 1).some((n) => /^\d/u.test(n.folded) || NUMBER_WORDS.has(n.folded));
  });
}
