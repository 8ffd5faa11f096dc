// What kind of answer a question wants, where its words say so: "how many" wants an amount, stated near what it
// counts ("58 aircraft" for "how many planes"), not a date or a code that happens to hold digits.
import type { Concept } from './resolve-query.js';
import { asksForAge, asksForCount, asksForDuration, asksForFigure, asksForMoney, asksForShare, asksForTime } from './question-asks.js';
import type { StatedFacts } from './stated-facts.js';
import { countsDirectly, figureNear } from './text-states.js';

/** How a passage fits the kind of answer a question asks for. */
export interface TypeFit {
  /** The passage states that kind of answer (about what is counted, where the question names it). */
  fit: boolean;
  /** It states it the way the question asks: a count right before what it counts, a length of time, a percentage, money. */
  exact: boolean;
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
