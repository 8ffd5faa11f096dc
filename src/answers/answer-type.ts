// What kind of answer a question wants, where its words say so: "how many" wants a figure.

const ASKS_FOR_FIGURE = /\bhow (?:many|much|long|old|far)\b|\bnumber of\b|\bpercentage\b|\bwhat percent\b|\bproportion of\b/iu;
const FIGURE = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third)\b/iu;

/** Whether `question` asks for an amount (`how many`, `how much`, `what percentage`). */
export function asksForFigure(question: string): boolean {
  return ASKS_FOR_FIGURE.test(question);
}

/** Whether `text` states an amount: a figure, or a number in words. */
export function holdsFigure(text: string): boolean {
  return FIGURE.test(text);
}
