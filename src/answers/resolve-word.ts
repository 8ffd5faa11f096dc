// How the knowledge may say one word or phrase of a question: its own forms, its relatives in general English, a
// word used alike, the words of its definition, a typo's correction; each way with how surely it stands for it.
import { RELATION_STRENGTH, type Lexicon, type LexicalTable, type Relation, type VectorTable } from '../lexicon/index.js';
import { termOf, tokenize, type Token } from '../text/index.js';
import type { MatchKind, TermMatch, Vocabulary } from '../search/index.js';

/** How a concept's alternative was found: in the vocabulary, through an alias, or through general English. */
export type AlternativeKind = MatchKind | 'alias' | 'gloss' | 'near' | Relation;

/** One way the knowledge may say a concept: a vocabulary term, or a phrase of them. */
export interface Alternative {
  terms: string[];
  kind: AlternativeKind;
  /** How surely it stands for what was asked: 1 for the word itself, less for a relative, a typo or a synonym. */
  strength: number;
}

/** What a question's words are resolved against. */
export interface WordContext {
  vocabulary: Vocabulary;
  lexical: Pick<LexicalTable, 'lookup'>;
  lexicon: Lexicon;
  /** The knowledge's ordinary words with their vectors, made when first needed. */
  nearWords(): VectorTable | undefined;
  /** The knowledge's phrases an abbreviation may stand for (see {@link SpelledOut}). */
  spelledOut?(abbreviation: string, namesOnly: boolean): string[][];
}

/**
 * An abbreviation nothing else explains, spelled out by the knowledge's own words (ocr: "official cash rate"); two
 * letters only in capitals and for a name (CR: "Civic Renewal").
 */
export function abbreviationAlternatives(token: Token, context: WordContext): Alternative[] {
  if (!context.spelledOut || token.folded.length < 2 || (token.folded.length === 2 && !token.acronym)) return [];
  return context.spelledOut(token.folded, token.folded.length === 2).flatMap((words) => {
    const terms = words.map((w) => termOf(w) ?? w);
    return terms.every((t) => context.vocabulary.has(t)) ? [{ terms, kind: 'alias' as const, strength: MATCH_STRENGTH.alias }] : [];
  });
}

/** How much each way of finding a word in the vocabulary counts (general English brings its own strengths). */
export const MATCH_STRENGTH: Readonly<Record<MatchKind | 'alias', number>> = { exact: 1, family: 0.9, alias: 0.8, fuzzy: 0.85, prefix: 0.5 };
/** A misspelt word corrected to an English word counts this much of what that word would. */
const CORRECTION_STRENGTH = 0.85;
/** Least similarity in use for a knowledge word to stand for a reader's word, and how many may. */
const MIN_SIMILARITY = 0.65;
const MAX_NEAR = 3;
/** A word used this much like the reader's (ceo: executive) covers a question as a synonym does, not as a loose relative. */
const SYNONYM_SIMILARITY = 0.85;
/** What a word used like the reader's counts for, times the similarity. */
const NEAR_STRENGTH = 0.8;
/** Antonyms are used alike (likely/unlikely): a word that only negates the reader's is not it. */
const NEGATIONS = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non', 'non-'];
/** What a word of a definition counts for, standing for the word it defines. */
const DEFINITION_STRENGTH = 0.4;
/** What the last word of a phrase counts for alone (`market` for `stock market`). */
const PHRASE_HEAD_STRENGTH = 0.4;
/** Relations close enough to follow after a typo correction. */
const CLOSE_RELATIONS: ReadonlySet<AlternativeKind> = new Set(['inflection', 'derived', 'synonym']);
/** Shortest unknown word corrected against the dictionary. */
const MIN_CORRECTION_LENGTH = 4;

const isFigure = (folded: string): boolean => /^\d/u.test(folded);

// Quarters and halves of a year as a reader abbreviates them (q3, h2) and as an article writes them.
const PERIOD = /^([qh])([1-4])$/u;
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** `q3` → "third quarter", `h2` → "second half", when the knowledge says so. */
function periodAlternatives(folded: string, vocabulary: Vocabulary): Alternative[] {
  const [, kind, number] = PERIOD.exec(folded) ?? [];
  if (!kind || !number || (kind === 'h' && Number(number) > 2)) return [];
  const terms = [ORDINALS[Number(number) - 1] ?? '', kind === 'q' ? 'quarter' : 'half'];
  return terms.every((t) => vocabulary.has(t)) ? [{ terms, kind: 'alias', strength: MATCH_STRENGTH.alias }] : [];
}

/** The word's own forms in the knowledge (any case for acronyms) and its relatives through the lexical table. */
export function wordAlternatives(token: Token, context: WordContext): Alternative[] {
  if (!token.term) return [];
  const { vocabulary } = context;
  const period = periodAlternatives(token.folded, vocabulary);
  if (period.length > 0) return period;
  if (isFigure(token.folded)) return vocabulary.ownForms(token.term).map(fromMatch);
  // An acronym may be typed in lower case (icc), and a word in capitals (COST) may not be an acronym.
  const upper = token.folded.toUpperCase();
  const stem = token.acronym ? termOf(token.folded) : token.term;
  const own = [...(vocabulary.has(upper) ? [{ term: upper, kind: 'exact' as const }] : []), ...(stem ? vocabulary.ownForms(stem) : [])];
  return strongestFirst([...own.map(fromMatch), ...lexicalAlternatives(token.folded, context)]);
}

/**
 * What the knowledge says for `form` in other words: its base forms where the knowledge uses them (bitten → bite),
 * and the lexical table's links for each base form as the part of speech it was read as (issued is a verb, not
 * issue the result); a word WordNet does not know, as it is.
 */
export function lexicalAlternatives(form: string, context: WordContext): Alternative[] {
  const bases = context.lexicon.lemmas(form);
  const inflected = [...new Set(bases.map((l) => l.lemma))].flatMap((lemma) => {
    const term = lemma.includes('_') ? undefined : termOf(lemma);
    if (!term) return [];
    return context.vocabulary.ownForms(term).map((m) => ({ terms: [m.term], kind: 'inflection' as const, strength: RELATION_STRENGTH.inflection * MATCH_STRENGTH[m.kind] }));
  });
  const keys = bases.length > 0 ? bases : [{ lemma: form, pos: undefined }];
  const linked = keys.flatMap(({ lemma, pos }) =>
    context.lexical.lookup(lemma, pos).map((l) => ({ terms: [...l.terms], kind: l.relation, strength: l.strength })),
  );
  return [...inflected, ...linked];
}

/** An ordinary word the knowledge never uses, found through the knowledge's ordinary words used most like it. */
export function nearAlternatives(folded: string, context: WordContext): Alternative[] {
  const near = context.nearWords()?.nearest(folded, MIN_SIMILARITY, MAX_NEAR + NEGATIONS.length, (w) => context.vocabulary.isOrdinary(w)) ?? [];
  return near
    .filter(({ word }) => !NEGATIONS.some((prefix) => word === prefix + folded || folded === prefix + word))
    .slice(0, MAX_NEAR)
    .flatMap(({ word, similarity }) => {
      const term = termOf(word);
      if (!term) return [];
      // The word's other forms in the knowledge too (steal → stolen), as close as the word itself.
      const forms = lexicalAlternatives(word, context).filter((a) => a.kind === 'inflection').map((a) => a.terms[0] ?? term);
      const kind = similarity >= SYNONYM_SIMILARITY ? ('synonym' as const) : ('near' as const);
      return [...new Set([term, ...forms])].map((t) => ({ terms: [t], kind, strength: NEAR_STRENGTH * similarity }));
    });
}

/**
 * An ordinary word the knowledge never uses, found through the words of its definition (takeover: "a change by sale
 * or merger…" finds merger), weakly: a definition says what the word is about, not the word.
 */
export function definitionAlternatives(folded: string, context: WordContext): Alternative[] {
  const terms = new Set(context.lexicon.definitions(folded).flatMap((gloss) => tokenize(gloss).flatMap((t) => (t.term && !t.frame ? [t.term] : []))));
  return [...terms].filter((t) => context.vocabulary.has(t)).map((t) => ({ terms: [t], kind: 'gloss' as const, strength: DEFINITION_STRENGTH }));
}

/** A word WordNet does not know: a typo of a knowledge word, else a misspelt English word and what it stands for, else a prefix. */
export function repairedAlternatives(folded: string, context: WordContext): Alternative[] {
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

/**
 * A misspelt English word the knowledge has neither in any form nor through a close relative (baots: the article says
 * "ferries"): what the corrected word would find through a looser relative, a word used alike or its definition,
 * discounted.
 */
export function misspeltAlternatives(folded: string, context: WordContext): Alternative[] {
  if (folded.length < MIN_CORRECTION_LENGTH) return [];
  const loose = context.lexicon.corrections(folded).flatMap((word) => {
    const related = lexicalAlternatives(word, context);
    if (related.length > 0) return related;
    const near = nearAlternatives(word, context);
    return near.length > 0 ? near : definitionAlternatives(word, context);
  });
  return strongestFirst(loose.map((a) => ({ ...a, strength: a.strength * CORRECTION_STRENGTH })));
}

/**
 * Two or three words general English knows as one (`stock market`, `on call`), as one concept: the phrase or a
 * relative of it; the last word alone (`market`) is a weak stand-in. Undefined when WordNet has no such phrase.
 */
export function phraseAlternatives(span: readonly Token[], context: WordContext): Alternative[] | undefined {
  const head = span.at(-1);
  if (!head?.term || span.some((t) => t.acronym || isFigure(t.folded))) return undefined;
  if (!context.lexicon.mayBePhrase(span.map((t) => t.folded))) return undefined;
  const phrase = span.map((t) => t.folded).join('_');
  if (context.lexicon.lemmas(phrase).length === 0) return undefined;
  const alone = context.vocabulary.ownForms(head.term).map((m) => ({ ...fromMatch(m), strength: MATCH_STRENGTH[m.kind] * PHRASE_HEAD_STRENGTH }));
  return strongestFirst([...lexicalAlternatives(phrase, context), ...alone]);
}

const fromMatch = (m: TermMatch): Alternative => ({ terms: [m.term], kind: m.kind, strength: MATCH_STRENGTH[m.kind] });

/** Ways of saying one concept that are searched: the strongest (a word with dozens of loose relatives is vague). */
export const MAX_ALTERNATIVES = 8;

/** One alternative per set of terms (the strongest), strongest first, at most {@link MAX_ALTERNATIVES}. */
export function strongestFirst(alternatives: readonly Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const a of alternatives) {
    const key = a.terms.join(' ');
    if ((best.get(key)?.strength ?? -1) < a.strength) best.set(key, a);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength).slice(0, MAX_ALTERNATIVES);
}
