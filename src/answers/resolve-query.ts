// Turns a question into concepts: each content word (or phrase) and the knowledge's terms it may stand for.
import { RELATION_STRENGTH, type Lexicon, type LexicalTable, type Relation } from '../lexicon/index.js';
import { aliasAt, type AliasIndex } from './aliases.js';
import { termOf, tokenize, type Token } from './tokenize.js';
import type { MatchKind, TermMatch, Vocabulary } from './vocabulary.js';

/** How a concept's alternative was found: in the vocabulary, through an alias, or through general English. */
export type AlternativeKind = MatchKind | 'alias' | 'gloss' | 'near' | Relation;

/** One way the knowledge may say a concept: a vocabulary term, or a phrase of them. */
export interface Alternative {
  terms: string[];
  kind: AlternativeKind;
  /** How surely it stands for what was asked: 1 for the word itself, less for a relative, a typo or a synonym. */
  strength: number;
}

/** One thing the question asks about, and how the knowledge may say it. */
export interface Concept {
  /** The words as typed. */
  text: string;
  /** Ways the knowledge says it, strongest first; empty when the knowledge never uses it. */
  alternatives: Alternative[];
  /** Not in the knowledge, and a name or a figure: typed like one, or not an ordinary English word. */
  namelike: boolean;
  /** Frames the question (`how many`, `latest`): it neither counts towards coverage nor finds passages. */
  frame: boolean;
  /** Position of its first word among the question's words. */
  position: number;
  /** How precise the words are in general English (1: one sense or a name; less for words of many senses). */
  precision: number;
}

/** What a question is resolved against. */
export interface QueryContext {
  vocabulary: Vocabulary;
  lexical: LexicalTable;
  lexicon: Lexicon;
  aliases: AliasIndex;
}

/** Most concepts taken from one question; the rest of a rambling message is ignored. */
export const MAX_CONCEPTS = 24;

/** How much each way of finding a word in the vocabulary counts (general English brings its own strengths). */
export const MATCH_STRENGTH: Readonly<Record<MatchKind | 'alias', number>> = { exact: 1, family: 0.9, alias: 0.8, fuzzy: 0.85, prefix: 0.5 };
/** A misspelt word corrected to an English word counts this much of what that word would. */
const CORRECTION_STRENGTH = 0.85;
const INFLECTION_STRENGTH = RELATION_STRENGTH.inflection;
/** Least similarity in use for a knowledge word to stand for a reader's word, and how many may. */
const MIN_SIMILARITY = 0.65;
const NEGATIONS = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non', 'non-'];
const MAX_NEAR = 3;
/** What a word used like the reader's counts for, times the similarity. */
const NEAR_STRENGTH = 0.8;
/** What a word of a definition counts for, standing for the word it defines. */
const DEFINITION_STRENGTH = 0.4;
/** What the last word of a phrase counts for alone (`market` for `stock market`). */
const PHRASE_HEAD_STRENGTH = 0.4;
/** Relations close enough to follow after a typo correction. */
const CLOSE_RELATIONS: ReadonlySet<AlternativeKind> = new Set(['inflection', 'derived', 'synonym']);
/** Shortest unknown word corrected against the dictionary. */
const MIN_CORRECTION_LENGTH = 4;
/** Unknown words this short are noise (`u`, `ok`), not names; acronyms typed in capitals are kept. */
const MAX_NOISE_LENGTH = 2;

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
      concepts.push({ text, alternatives: strongestFirst([...own, ...phrases]), namelike: false, frame: false, position: i, precision: 1 });
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
    const concept = wordConcept(token, context);
    if (concept) concepts.push(concept);
  }
  return concepts;
}

// A word: its own forms and relatives in the knowledge; failing those, a typo correction or a completion.
function wordConcept(token: Token, context: QueryContext): Concept | undefined {
  const precise = token.acronym || /^\d/u.test(token.folded);
  const base = { text: token.raw, frame: token.frame, position: token.position, precision: precise ? 1 : context.lexicon.precision(token.folded) };
  const alternatives = wordAlternatives(token, context);
  if (alternatives.length > 0 || token.frame) return { ...base, alternatives, namelike: false };
  const figure = /^\d/u.test(token.folded);
  const kind = token.acronym || figure ? 'unknown' : context.lexicon.kind(token.folded);
  if (kind === 'common') {
    const near = nearAlternatives(token.folded, context);
    if (near.length > 0) return { ...base, alternatives: near, namelike: false };
    const defined = definitionAlternatives(token.folded, context);
    if (defined.length > 0) return { ...base, alternatives: defined, namelike: false };
  }
  if (kind === 'unknown' && !token.acronym && !figure) {
    const repaired = repairedAlternatives(token.folded, context);
    if (repaired.length > 0) return { ...base, alternatives: repaired, namelike: false };
    if (token.folded.length <= MAX_NOISE_LENGTH) return undefined;
  }
  const typedAsName = token.acronym || figure || (token.capitalised && !token.sentenceStart);
  return { ...base, alternatives: [], namelike: typedAsName || kind !== 'common' };
}

function wordAlternatives(token: Token, context: QueryContext): Alternative[] {
  if (!token.term) return [];
  const { vocabulary } = context;
  if (/^\d/u.test(token.folded)) return vocabulary.ownForms(token.term).map(fromMatch);
  // An acronym may be typed in lower case (icc), and a word in capitals (COST) may not be an acronym.
  const upper = token.folded.toUpperCase();
  const stem = token.acronym ? termOf(token.folded) : token.term;
  const own = [...(vocabulary.has(upper) ? [{ term: upper, kind: 'exact' as const }] : []), ...(stem ? vocabulary.ownForms(stem) : [])];
  return strongestFirst([...own.map(fromMatch), ...lexicalAlternatives(token.folded, context)]);
}

// What the knowledge says for `form` in other words: its base forms where the knowledge uses them (bitten → bite),
// and the lexical table's links for it and for its base forms.
function lexicalAlternatives(form: string, context: QueryContext): Alternative[] {
  const bases = context.lexicon.lemmas(form);
  const lemmas = [...new Set(bases.map((l) => l.lemma))];
  const inflected = lemmas.flatMap((lemma) => {
    const term = lemma.includes('_') ? undefined : termOf(lemma);
    return term ? context.vocabulary.ownForms(term).map((m) => ({ terms: [m.term], kind: 'inflection' as const, strength: INFLECTION_STRENGTH * MATCH_STRENGTH[m.kind] })) : [];
  });
  // Each base form as the part of speech it was read as (issued is a verb: not issue the result); a word WordNet
  // does not know, as it is.
  const keys = bases.length > 0 ? bases : [{ lemma: form, pos: undefined }];
  const linked = keys.flatMap(({ lemma, pos }) =>
    context.lexical.lookup(lemma, pos).map((l) => ({ terms: [...l.terms], kind: l.relation, strength: l.strength })),
  );
  return [...inflected, ...linked];
}

// An unknown word: a typo of a knowledge word, else a misspelt English word and what it stands for, else a prefix.
function repairedAlternatives(folded: string, context: QueryContext): Alternative[] {
  const typos = context.vocabulary.typoMatches(folded).map(fromMatch);
  if (typos.length > 0) return typos;
  if (folded.length >= MIN_CORRECTION_LENGTH) {
    const corrected = context.lexicon.corrections(folded).flatMap((word) => {
      const stems = new Set([word, ...context.lexicon.lemmas(word).map((l) => l.lemma)].flatMap((w) => termOf(w) ?? []));
      const own = [...stems].flatMap((t) => context.vocabulary.ownForms(t));
      // Two uncertain steps (a typo, then a loose relative) are one too many: only close relatives.
      const close = lexicalAlternatives(word, context).filter((a) => CLOSE_RELATIONS.has(a.kind));
      return [...own.map(fromMatch), ...close];
    });
    if (corrected.length > 0) return strongestFirst(corrected.map((a) => ({ ...a, kind: 'fuzzy', strength: a.strength * CORRECTION_STRENGTH })));
  }
  return context.vocabulary.completions(folded).map(fromMatch);
}

// An ordinary word the knowledge never uses, found through the knowledge's ordinary words used most like it.
function nearAlternatives(folded: string, context: QueryContext): Alternative[] {
  const vectors = context.lexicon.vectors;
  if (!vectors) return [];
  const words = context.vocabulary.ordinaryWords();
  // Antonyms are used alike (likely/unlikely): a word that only negates the reader's is not it.
  const candidates = words.filter((w) => !NEGATIONS.some((prefix) => w === prefix + folded || folded === prefix + w));
  return vectors.nearest(folded, candidates, MIN_SIMILARITY, MAX_NEAR).flatMap(({ word, similarity }) => {
    const term = termOf(word);
    return term ? [{ terms: [term], kind: 'near' as const, strength: NEAR_STRENGTH * similarity }] : [];
  });
}

// An ordinary word the knowledge never uses, found through the words of its definition (takeover: "a change by sale
// or merger…" finds merger), weakly: a definition says what the word is about, not the word.
function definitionAlternatives(folded: string, context: QueryContext): Alternative[] {
  const words = new Set(context.lexicon.definitions(folded).flatMap((gloss) => tokenize(gloss).flatMap((t) => (t.term && !t.frame ? [t] : []))));
  return strongestFirst(
    [...words].flatMap((t) => {
      const own = context.vocabulary.ownForms(t.term as string).filter((m) => m.kind === 'exact');
      return own.map((m) => ({ terms: [m.term], kind: 'gloss' as const, strength: DEFINITION_STRENGTH }));
    }),
  );
}

// Two or three words that general English knows as one (`stock market`, `united states`): one concept, found as
// the phrase or a relative of it; the last word alone (`market`) is a weak stand-in.
function phraseAt(tokens: readonly Token[], at: number, context: QueryContext): Concept | undefined {
  for (const length of [3, 2]) {
    const span = tokens.slice(at, at + length);
    const head = span.at(-1);
    if (span.length < length || !span[0]?.term || !head?.term || span.some((t) => t.acronym || /\d/u.test(t.folded))) continue;
    const phrase = span.map((t) => t.folded).join('_');
    if (context.lexicon.lemmas(phrase).length === 0) continue;
    const alone = context.vocabulary.ownForms(head.term).map((m) => ({ ...fromMatch(m), strength: MATCH_STRENGTH[m.kind] * PHRASE_HEAD_STRENGTH }));
    const alternatives = strongestFirst([...lexicalAlternatives(phrase, context), ...alone]);
    return { text: span.map((t) => t.raw).join(' '), alternatives, namelike: false, frame: false, position: at, precision: context.lexicon.precision(phrase) };
  }
  return undefined;
}

const fromMatch = (m: TermMatch): Alternative => ({ terms: [m.term], kind: m.kind, strength: MATCH_STRENGTH[m.kind] });

// One alternative per set of terms (the strongest), strongest first.
function strongestFirst(alternatives: readonly Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const a of alternatives) {
    const key = a.terms.join(' ');
    if ((best.get(key)?.strength ?? -1) < a.strength) best.set(key, a);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}
