// Turns a question into concepts: each content word (or alias phrase) and the vocabulary terms it stands for.
import { aliasAt, type AliasIndex } from './aliases.js';
import { tokenize, type Token } from './tokenize.js';
import type { MatchKind, Vocabulary } from './vocabulary.js';

/** One way the knowledge may say a concept: a vocabulary term, or a phrase of them (from an alias). */
export interface Alternative {
  terms: string[];
  kind: MatchKind | 'alias';
}

/** One thing the question asks about, and how the knowledge may say it. */
export interface Concept {
  /** The words as typed. */
  text: string;
  /** Ways the knowledge says it, the word's own match first; empty when the knowledge never uses it. */
  alternatives: Alternative[];
  /** Typed like a name or a figure (a capitalised word mid-sentence, an acronym, a number). */
  namelike: boolean;
}

/** Most concepts taken from one question; the rest of a rambling message is ignored. */
export const MAX_CONCEPTS = 24;

/** Resolves the words of `question` (already normalised) against the vocabulary and aliases. */
export function resolveQuery(question: string, vocabulary: Vocabulary, aliases: AliasIndex): Concept[] {
  const tokens = tokenize(question);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length && concepts.length < MAX_CONCEPTS; i += 1) {
    const alias = aliasAt(aliases, tokens, i);
    if (alias) {
      const own = alias.words.length === 1 ? resolveToken(tokens[i], vocabulary) : [];
      const phrases = alias.phrases
        .map((phrase) => phrase.flatMap((t) => vocabulary.resolve(t, t).slice(0, 1).map((m) => m.term)))
        .filter((terms) => terms.length > 0)
        .map((terms): Alternative => ({ terms, kind: 'alias' }));
      const text = tokens.slice(i, i + alias.words.length).map((t) => t.raw).join(' ');
      concepts.push({ text, alternatives: [...own, ...phrases], namelike: false });
      i += alias.words.length - 1;
      continue;
    }
    const token = tokens[i];
    if (!token?.term || seen.has(token.term)) continue;
    seen.add(token.term);
    const alternatives = resolveToken(token, vocabulary);
    concepts.push({ text: token.raw, alternatives, namelike: alternatives.length === 0 && looksLikeName(token) });
  }
  return concepts;
}

function resolveToken(token: Token | undefined, vocabulary: Vocabulary): Alternative[] {
  if (!token?.term) return [];
  return vocabulary.resolve(token.folded, token.term).map((m) => ({ terms: [m.term], kind: m.kind }));
}

// A word typed with a capital after the first word, an acronym, or a figure: the asker is naming something.
function looksLikeName(token: Token): boolean {
  if (/\d/u.test(token.raw)) return true;
  if (token.raw.length >= 2 && token.raw === token.raw.toUpperCase() && /\p{Lu}/u.test(token.raw)) return true;
  return token.position > 0 && /^\p{Lu}/u.test(token.raw);
}
