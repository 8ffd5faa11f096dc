// Recognises a wire-service dateline ("MILAN, Italy (Reuters) — ") at the start of an article.

// An upper-case place, optional region, an agency in brackets, then a dash: where the story was filed,
// not what it is about, so the index leaves it out.
const DATELINE = /^([A-Z][A-Z .'-]+(?:, [A-Za-z .'-]+)? \([A-Za-z]+\))\s*[—–-]\s*/u;

/** Splits a leading dateline from a paragraph: `{ dateline, body }`, or `{ body }` when there is none. */
export function splitDateline(paragraph: string): { dateline?: string; body: string } {
  const match = DATELINE.exec(paragraph);
  if (!match?.[1]) return { body: paragraph };
  return { dateline: match[1], body: paragraph.slice(match[0].length) };
}
