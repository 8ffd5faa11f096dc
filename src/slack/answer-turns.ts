// Answers are worked out one per turn of the event loop, in the order asked. Between two, the requests that came in
// meanwhile are read and acknowledged: a burst of questions holds an ack for at most one answer, not for all of them.

/** Resolves when it is the caller's turn to work out an answer (in a turn of the event loop after the one before). */
export type AnswerTurn = () => Promise<void>;

/** A new line of turns (one per app). */
export function answerTurns(): AnswerTurn {
  let last: Promise<void> = Promise.resolve();
  return () => (last = last.then(() => new Promise<void>((resolve) => setImmediate(resolve))));
}
