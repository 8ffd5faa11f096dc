// Derives a short document title from its first sentence, for files that have no `Title:` line.
import { splitDateline } from './dateline.js';
import { splitSentences } from './split-sentences.js';

/** Longest title kept whole; longer first sentences are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 80;

// Words a cut title should not end on ("…welcome the minister on…" reads worse than "…welcome the minister…").
const DANGLING = /\s+(?:a|an|the|on|in|of|to|for|and|or|with|his|her|its|their|at|by)$/iu;

/** A title from the first sentence of the first paragraph, without its dateline or final full stop. */
export function deriveTitle(firstParagraph: string): string {
  const { body } = splitDateline(firstParagraph);
  const sentence = (splitSentences(body)[0] ?? body).replace(/[.!?]+$/u, '');
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence;
  const cut = sentence.slice(0, MAX_TITLE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  let short = lastSpace > 0 ? cut.slice(0, lastSpace) : cut;
  while (DANGLING.test(short)) short = short.replace(DANGLING, '');
  return `${short.replace(/[,;:]$/u, '')}…`;
}
