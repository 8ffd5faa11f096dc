// Turns a question into concepts: each content word (or alias, or phrase) and the knowledge's terms it may stand for.
import { aliasAt, type AliasIndex } from './aliases.js';
import {
  abbreviationAlternatives,
  definitionAlternatives,
  MATCH_STRENGTH,
  misspeltAlternatives,
  nearAlternatives,
  phraseAlternatives,
  repairedAlternatives,
  strongestFirst,
  wordAlternatives,
  type Alternative,
  type WordContext,
} from './resolve-word.js';
import { isStopWordSlip, tokenize, type Token } from '../text/index.js';

export { MATCH_STRENGTH, type Alternative, type AlternativeKind } from './resolve-word.js';

/** One thing the question asks about, and how the knowledge may say it. */
export interface Concept {
  /** The words as typed. */
  text: string;
  /** Ways the knowledge says it, strongest first; empty when the knowledge never uses it. */
  alternatives: Alternative[];
  /** A name or a figure: typed like one, or not an ordinary English word (not in the knowledge, it is about something else). */
  namelike: boolean;
  /** Frames the question (`how many`, `latest`): it neither counts towards coverage nor finds passages. */
  frame: boolean;
  /** Position of its first word among the question's words. */
  position: number;
  /** How precise the words are in general English (1: one sense or a name; less for words of many senses). */
  precision: number;
}

/** What a question is resolved against, and what is remembered between questions. */
export interface QueryContext extends WordContext {
  aliases: AliasIndex;
  /** Words already resolved (a word's concept depends only on how it was typed), bounded by the caller. */
  memo: Map<string, Omit<Concept, 'position'> | null>;
}

/** Most concepts taken from one question; the rest of a rambling message is ignored. */
export const MAX_CONCEPTS = 24;
/** Unknown words this short are noise (`u`, `ok`), not names; acronyms typed in capitals are kept. */
const MAX_NOISE_LENGTH = 2;
/** Shorter unknown words one edit from an English word are as likely names (roig, rig). */
const MIN_MISSPELT_LENGTH = 6;
/** Words remembered between questions. */
const MEMO_LIMIT = 20_000;

/** Resolves the words of `question` (already normalised) against the knowledge, its aliases and general English. */
export function resolveQuery(question: string, context: QueryContext): Concept[] {
  const tokens = tokenize(question);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length && concepts.length < MAX_CONCEPTS; i += 1) {
    const alias = aliasAt(context.aliases, tokens, i);
    if (alias) {
      const own = alias.words.length === 1 ? wordAlternatives(tokens[i] as Token, context) : [];
      const phrases = alias.phrases
        .map((phrase) => phrase.flatMap((t) => context.vocabulary.ownForms(t).slice(0, 1).map((m) => m.term)))
        .filter((terms) => terms.length > 0)
        .map((terms): Alternative => ({ terms, kind: 'alias', strength: MATCH_STRENGTH.alias }));
      const text = tokens.slice(i, i + alias.words.length).map((t) => t.raw).join(' ');
      // One word no dictionary knows as an ordinary word (levanta, WHO) is a name, whatever it stands for.
      const namelike = alias.words.length === 1 && context.lexicon.kind((tokens[i] as Token).folded) !== 'common';
      concepts.push({ text, alternatives: strongestFirst([...own, ...phrases]), namelike, frame: false, position: i, precision: 1 });
      i += alias.words.length - 1;
      continue;
    }
    const phrase = phraseAt(tokens, i, context);
    if (phrase) {
      concepts.push(phrase);
      i += phrase.text.split(' ').length - 1;
      continue;
    }
    const token = tokens[i];
    if (!token?.term || seen.has(token.term)) continue;
    seen.add(token.term);
    const concept = remembered(context, `w|${token.raw}|${token.sentenceStart}|${token.frame}|${token.acronym}`, () => wordConcept(token, context));
    if (concept) concepts.push({ ...concept, position: token.position });
  }
  return concepts;
}

// Two or three words that general English knows as one; a stop word may open the pair (`on call`), a frame word is
// in none (`so far`).
function phraseAt(tokens: readonly Token[], at: number, context: QueryContext): Concept | undefined {
  for (const length of [3, 2]) {
    const span = tokens.slice(at, at + length);
    if (span.length < length || (!span[0]?.term && length === 3) || span.some((t) => t.frame)) continue;
    const text = span.map((t) => t.raw).join(' ');
    const concept = remembered(context, `p|${text.toLowerCase()}`, () => {
      const alternatives = phraseAlternatives(span, context);
      if (!alternatives) return undefined;
      const precision = context.lexicon.precision(span.map((t) => t.folded).join('_'));
      return { text, alternatives, namelike: false, frame: false, precision };
    });
    if (concept) return { ...concept, text, position: at };
  }
  return undefined;
}

// A word: its own forms and relatives in the knowledge; failing those, a word used alike or its definition (an
// ordinary word), a typo correction or a completion (a word WordNet does not know).
function wordConcept(token: Token, context: QueryContext): Omit<Concept, 'position'> | undefined {
  if (token.frame) return { text: token.raw, frame: true, precision: 1, alternatives: wordAlternatives(token, context), namelike: false };
  // A figure, or a code with digits (q2, a320): it names something.
  const figure = /\d/u.test(token.folded);
  const precision = token.acronym || figure ? 1 : context.lexicon.precision(token.folded);
  // An acronym is a name unless general English knows it as an ordinary word (CEO, GDP, ER).
  const known = figure ? 'unknown' : context.lexicon.kind(token.folded);
  const kind = token.acronym && known !== 'common' ? 'unknown' : known;
  const typedAsName = token.acronym || figure || (token.capitalised && !token.sentenceStart);
  const base = { text: token.raw, frame: false, precision, namelike: (typedAsName && known !== 'common') || kind !== 'common' };
  const alternatives = wordAlternatives(token, context);
  if (alternatives.length > 0) return { ...base, alternatives };
  // An abbreviation of the knowledge's own words comes before what general English makes of it (ocr).
  const spelled = figure ? [] : abbreviationAlternatives(token, context);
  if (spelled.length > 0) return { ...base, alternatives: spelled };
  if (kind === 'common') {
    const near = nearAlternatives(token.folded, context);
    if (near.length > 0) return { ...base, alternatives: near };
    const defined = definitionAlternatives(token.folded, context);
    if (defined.length > 0) return { ...base, alternatives: defined };
  }
  if (kind === 'unknown' && !token.acronym && !figure) {
    // A mistyped function word (sholud, anyne) says nothing the question is about.
    if (!typedAsName && isStopWordSlip(token.folded)) return undefined;
    // A misspelt English word (reslut, exchnage) is as precise as the word meant; a long one, not typed as a name, is
    // not a name either (a short one may be: roig).
    const meant = typedAsName ? [] : context.lexicon.corrections(token.folded);
    const misspelt = meant.length === 0 ? base : {
      ...base,
      precision: Math.max(...meant.map((w) => context.lexicon.precision(w))),
      namelike: base.namelike && token.folded.length < MIN_MISSPELT_LENGTH,
    };
    const repaired = repairedAlternatives(token.folded, context);
    if (repaired.length > 0) return { ...misspelt, alternatives: repaired };
    // A long word a slip away from English (invovled): what the word meant finds, loosely.
    const loose = token.folded.length >= MIN_MISSPELT_LENGTH && meant.length > 0 ? misspeltAlternatives(token.folded, context) : [];
    if (loose.length > 0) return { ...misspelt, alternatives: loose };
    if (token.folded.length <= MAX_NOISE_LENGTH) return undefined;
    // A misspelt ordinary word the knowledge does not use (regulater): not in the knowledge, but not a name either.
    if (!token.capitalised && token.folded.length >= MIN_MISSPELT_LENGTH && meant.length > 0) return { ...misspelt, alternatives: [], namelike: false };
  }
  return { ...base, alternatives: [], namelike: base.namelike || typedAsName };
}

function remembered<T extends Omit<Concept, 'position'>>(context: QueryContext, key: string, resolve: () => T | undefined): T | undefined {
  if (context.memo.has(key)) return (context.memo.get(key) ?? undefined) as T | undefined;
  const value = resolve();
  if (context.memo.size >= MEMO_LIMIT) context.memo.clear();
  context.memo.set(key, value ?? null);
  return value;
}
