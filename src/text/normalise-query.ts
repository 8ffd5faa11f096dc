// Turns the text of a Slack message into the plain question a person meant to ask.

/** Longest stretch of a message that is searched; the rest of a very long message is ignored. */
export const MAX_QUESTION_LENGTH = 500;

// Slack control sequences: <@U123>, <@U123|bob>, <#C123|general>, <!here>, <!subteam^S1|@team>, <https://x|label>.
const CONTROL = /<([@#!])?([^>|]*)(?:\|([^>]*))?>/gu;
const EMOJI = /:[a-z0-9_+'-]+:/giu;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Chat shorthand read as the words meant (typed in lower case, as a word of its own). */
export const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['hw', 'how'], ['hwo', 'how'], ['wat', 'what'], ['wut', 'what'], ['wht', 'what'], ['whats', 'what is'], ['wats', 'what is'],
  ['whos', 'who is'], ['wheres', 'where is'], ['whens', 'when is'], ['hows', 'how is'], ['u', 'you'], ['ur', 'your'],
  ['r', 'are'], ['abt', 'about'], ['bc', 'because'], ['b4', 'before'], ['pls', 'please'], ['plz', 'please'],
  ['ppl', 'people'], ['govt', 'government'], ['dept', 'department'], ['yr', 'year'], ['yrs', 'years'], ['wk', 'week'],
  ['wks', 'weeks'], ['w/', 'with'], ['w/o', 'without'], ['thru', 'through'], ['tho', 'though'], ['info', 'information'],
  ['rn', 'right now'], ['tmrw', 'tomorrow'], ['tmr', 'tomorrow'], ['tmw', 'tomorrow'], ['yday', 'yesterday'],
  ['appt', 'appointment'], ['appts', 'appointments'], ['meds', 'medication'], ['lvl', 'level'], ['lvls', 'levels'],
  ['org', 'organisation'], ['orgs', 'organisations'], ['avg', 'average'], ['approx', 'approximately'], ['yoy', 'year on year'],
  ['pic', 'picture'], ['pics', 'pictures'], ['mgmt', 'management'], ['mins', 'minutes'], ['hrs', 'hours'], ['acct', 'account'],
  ['amt', 'amount'], ['biz', 'business'], ['convo', 'conversation'], ['diff', 'difference'], ['prob', 'probably'],
  ['msg', 'message'], ['num', 'number'], ['qty', 'quantity'], ['intl', 'international'], ['natl', 'national'],
]);
/** Amounts as typed in chat (600k, 1.4bn, $2m) read as written out (600,000, 1.4 billion, $2 million). */
const SHORT_AMOUNT = /\b(\d+(?:\.\d+)?)(k|m|mn|bn|b)\b/giu;
const MAGNITUDE: Record<string, string> = { m: 'million', mn: 'million', bn: 'billion', b: 'billion' };
// A word between spaces (or a sentence's punctuation), so that `r&d` and `a/b` stay as typed.
const SHORT_WORD = /(?<=^|\s)[a-z][a-z0-9]*(?:\/o?)?(?=$|\s|[?!.,;:](?:\s|$))/gu;

/**
 * Cleans Slack text: drops mentions, special mentions and emoji codes, keeps link labels and channel names,
 * decodes the three HTML entities Slack escapes, collapses white space, and caps the length at `maxLength`.
 */
export function normaliseQuery(text: string, maxLength: number = MAX_QUESTION_LENGTH): string {
  // Cap first (with room for markup that will be removed) so a 40 KB message costs no more than a short one.
  const head = text.length > maxLength * 4 ? text.slice(0, maxLength * 4) : text;
  // Most questions are plain words: only text with `<`, `:` or `&` can hold markup, emoji codes or entities.
  const plain = /[<:&]/u.test(head) ? withoutMarkup(head) : head;
  const cleaned = plain.replace(/\s+/gu, ' ').trim();
  if (cleaned.length <= maxLength) return cleaned;
  const cut = cleaned.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
}

/** Slack control sequences, emoji codes and entities replaced as {@link normaliseQuery} describes. */
function withoutMarkup(text: string): string {
  return text
    .replace(CONTROL, (_all, sigil: string | undefined, target: string, label: string | undefined) => {
      if (sigil === '@' || sigil === '!') return ' ';
      if (sigil === '#') return label ? ` ${label} ` : ' ';
      return label ? ` ${label} ` : ' ';
    })
    .replace(EMOJI, ' ')
    .replace(/&(?:amp|lt|gt);/gu, (entity) => ENTITIES[entity] ?? entity);
}

// What people put before a question in chat: a greeting, "quick q:", "can you tell me", each optional, in this order.
const PREAMBLE = new RegExp(
  [
    String.raw`^(?:(?:hi|hey|hello|hiya|yo|morning)\b[\s,!.:;-]*)?`,
    String.raw`(?:(?:bot|team|all|everyone|folks|guys)\b[\s,!.:;-]*)?`,
    String.raw`(?:(?:a |one )?(?:(?:quick|random|dumb|silly|another|more)\s+)?(?:q|qq|question)\s*[:,;.!-]+\s*)?`,
    String.raw`(?:(?:(?:can|could) (?:you|u) (?:tell|remind) me|do (?:you|u) know|any idea|i was wondering)\b[\s,:-]*)?`,
  ].join(''),
  'iu',
);
// A message in capitals throughout (three words or more): shouted, not a row of acronyms.
const SHOUTED = /^(?=(?:.*?\p{L}{2,}){3})[^\p{Ll}]*$/u;

/**
 * A question as searched: a shouted question in lower case, a greeting or "quick q:" before it dropped, chat shorthand
 * and amounts read as the words meant (`hw many ppl` → `how many people`).
 */
export function expandShorthand(question: string): string {
  const unshouted = SHOUTED.test(question) ? question.toLowerCase() : question;
  const rest = unshouted.replace(PREAMBLE, '');
  return (rest.trim() ? rest : unshouted)
    .replace(SHORT_WORD, (word) => SHORTHAND.get(word) ?? word)
    .replace(SHORT_AMOUNT, (_all, figure: string, unit: string) =>
      unit.toLowerCase() === 'k' && /^\d+$/u.test(figure) ? (Number(figure) * 1000).toLocaleString('en-US') : `${figure} ${MAGNITUDE[unit.toLowerCase()] ?? unit}`);
}
