// Which passage of the covering document to quote: one that states the amount a "how many" asks (the money a "what does
// it cost" asks), an FAQ answer whose question is the question asked.
import { holdsDuration, asksForCount, countsDirectly, asksForMoney, holdsMoney, asksForAge, asksForDuration, asksForFigure, asksForTime, holdsAge, holdsTime, asksForShare, figureFocus, figureNear, holdsAnyFigure, holdsFigure, holdsPercent } from './answer-type.js';
import { conceptWeight, coverageFactor, isStoryName } from './concept-weight.js';
import type { PassageIndex } from '../search/index.js';
import type { RankedPassage } from './rank-documents.js';
import type { Alternative, Concept } from './resolve-query.js';

/** The passages a choice is made among, and the vocabulary their words are weighed by (the knowledge's or one article's). */
export type PassageScope = Pick<PassageIndex, 'passages' | 'vocabulary' | 'questionTerms'>;

/** Share of an FAQ question's weight a question must cover for that FAQ answer to be preferred. */
export const FAQ_CLOSENESS = 0.6;
/** Least strength of a word's match for it to count as the FAQ question saying it (a synonym does, a typo does). */
export const FAQ_MIN_STRENGTH = 0.6;
/** A close FAQ answer is preferred when it holds at least this share of what the best passage holds. */
export const FAQ_COVERAGE_SHARE = 0.8;

/**
 * "How many…" is answered by a passage that states an amount near what is counted ("58 aircraft" for "how many
 * planes"), or, when the question names nothing countable the knowledge has, by one that states an amount at all;
 * "what does it cost" by one that states money (or a percentage), "when" by one that says when, "how old" by an age.
 */
export function figureCandidates(question: string, concepts: readonly Concept[], holding: readonly RankedPassage[], index: PassageScope): RankedPassage[] {
  const text = (r: RankedPassage): string => index.passages[r.match.position]?.text ?? '';
  // Money is answered by an amount of money, or by a percentage (a rise in fares, a pay offer of 4%).
  const ranked = asksForMoney(question) ? holding.filter((r) => holdsMoney(text(r)) || holdsPercent(text(r))) : holding;
  // "When…" is answered by a passage that says when, "how old" by one that gives an age: one that does not, does not
  // answer (the question is then not covered).
  if (asksForAge(question)) return ranked.filter((r) => holdsAge(text(r)));
  if (asksForTime(question)) return ranked.filter((r) => holdsTime(text(r)));
  if (!asksForFigure(question)) return [...ranked];
  const focus = figureFocus(question, concepts, (c) => isStoryName(c, index.vocabulary));
  const holds = asksForDuration(question) ? holdsAnyFigure : holdsFigure;
  const near = focus ? ranked.filter((r) => figureNear(text(r), focus)) : ranked.filter((r) => holds(text(r)));
  // "How many…": a passage that counts what is asked right before it ("37 ambulances") over one that only says both in
  // a sentence ("31 organisations, most of them hospitals").
  const direct = focus && asksForCount(question) ? near.filter((r) => countsDirectly(text(r), focus)) : [];
  // "How long…": a passage that states a length of time ("12 years", "since 2014") over one with any figure.
  const lasting = asksForDuration(question) && !asksForAge(question) ? near.filter((r) => holdsDuration(text(r))) : [];
  const stating = direct.length > 0 ? direct : lasting.length > 0 ? lasting : near;
  // A share is stated as a percentage, where a passage holding the question states one.
  const shares = asksForShare(question) ? stating.filter((r) => holdsPercent(text(r))) : [];
  return shares.length > 0 ? shares : stating;
}

/**
 * An FAQ entry whose question and the asker's question cover each other closely (by weight, through the words
 * themselves or close relatives, not loose ones), best ranked first, and holding about as much of the question as
 * the best passage does.
 */
export function closestFaq(index: PassageScope, ranked: readonly RankedPassage[], concepts: readonly Concept[]): RankedPassage | undefined {
  const { vocabulary } = index;
  const content = concepts.filter((c) => !c.frame);
  const asked = content.reduce((sum, c) => sum + conceptWeight(c, vocabulary), 0);
  const bar = (ranked[0]?.coverage ?? 0) * FAQ_COVERAGE_SHARE;
  return ranked.find(({ match, coverage }) => {
    const question = index.questionTerms.get(match.position);
    if (!question || coverage < bar) return false;
    const terms = new Set(question);
    const close = (c: Concept): Alternative[] => c.alternatives.filter((a) => coverageFactor(a) === 1 && a.strength >= FAQ_MIN_STRENGTH);
    const holds = (c: Concept): boolean => close(c).some((a) => a.terms.every((t) => terms.has(t)));
    const faqWeight = [...terms].reduce((sum, t) => sum + vocabulary.idf(t), 0);
    const covered = new Set(content.filter(holds).flatMap((c) => close(c).flatMap((a) => a.terms)));
    const faqCovered = [...terms].filter((t) => covered.has(t)).reduce((sum, t) => sum + vocabulary.idf(t), 0);
    const askedCovered = content.filter(holds).reduce((sum, c) => sum + conceptWeight(c, vocabulary), 0);
    return faqWeight > 0 && faqCovered / faqWeight >= FAQ_CLOSENESS && askedCovered / asked >= FAQ_CLOSENESS;
  });
}
