// Picks what to quote from a passage: all of it when short, else its sentences that match the question best.
import { splitSentences } from '../knowledge/index.js';
import { searchTerms } from '../text/index.js';

/** Longest primary answer, in characters. */
export const MAX_ANSWER_LENGTH = 800;

/**
 * Quotes `text` within `maxLength` characters: the whole text when it fits; else the sentences holding the most
 * of `terms`, in their original order; a single sentence too long on its own is cut at a word, with an ellipsis.
 */
export function quotePassage(text: string, terms: ReadonlySet<string>, maxLength: number = MAX_ANSWER_LENGTH): string {
  if (text.length <= maxLength) return text;
  const sentences = splitSentences(text).map((sentence, order) => ({
    sentence,
    order,
    hits: new Set(searchTerms(sentence).filter((t) => terms.has(t))).size,
  }));
  const chosen: typeof sentences = [];
  let length = 0;
  for (const s of [...sentences].sort((a, b) => b.hits - a.hits || a.order - b.order)) {
    const extra = s.sentence.length + (chosen.length > 0 ? 1 : 0);
    if (length + extra > maxLength) continue;
    chosen.push(s);
    length += extra;
  }
  if (chosen.length === 0) return cutAtWord(sentences[0]?.sentence ?? text, maxLength);
  return chosen.sort((a, b) => a.order - b.order).map((s) => s.sentence).join(' ');
}

/**
 * Cuts `text` to at most `maxLength` characters at a word boundary, ending with an ellipsis; mid-word when the last
 * space would keep less than `minShare` of the room.
 */
export function cutAtWord(text: string, maxLength: number, minShare = 0.5): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxLength * minShare ? cut.slice(0, space) : cut}…`;
}
