// Compiles the alias table into a lookup by first word, so a question is scanned once.
import type { AliasTable } from '../knowledge/index.js';
import { STOP_WORDS, foldWord, searchTerms, type Token } from '../text/index.js';

/** One alias: the words that trigger it and what it stands for. */
export interface Alias {
  key: string;
  words: string[];
  caseSensitive: boolean;
  /** What the key stands for: alternatives (comma-separated in the file), each a phrase of search terms. */
  phrases: string[][];
}

/** Aliases grouped by their first word (folded). */
export type AliasIndex = ReadonlyMap<string, readonly Alias[]>;

/**
 * Builds the lookup. A value lists alternatives separated by commas; the words of one alternative are a phrase
 * (`official cash rate`). Keys match in any case (`ocr`, `OCR`), except a key in capitals whose lower case
 * is a common word (`US` / us): that one only matches when typed in capitals.
 */
export function compileAliases(table: AliasTable): AliasIndex {
  const index = new Map<string, Alias[]>();
  for (const [key, value] of Object.entries(table)) {
    const caseSensitive = /\p{Lu}/u.test(key) && key === key.toUpperCase() && STOP_WORDS.has(key.toLowerCase());
    const words = key.split(/[\s-]+/u).filter(Boolean);
    const phrases = value.split(',').map(searchTerms).filter((p) => p.length > 0);
    const alias: Alias = { key, words: caseSensitive ? words : words.map(foldWord), caseSensitive, phrases };
    const first = foldWord(words[0] ?? '');
    index.set(first, [...(index.get(first) ?? []), alias].sort((a, b) => b.words.length - a.words.length));
  }
  return index;
}

/** The longest alias that starts at `tokens[at]`, if any. */
export function aliasAt(index: AliasIndex, tokens: readonly Token[], at: number): Alias | undefined {
  const first = tokens[at];
  if (!first) return undefined;
  return index.get(first.folded)?.find((alias) =>
    alias.words.every((word, i) => {
      const token = tokens[at + i];
      if (token === undefined) return false;
      return alias.caseSensitive ? token.raw === word || (token.acronym && token.folded === word.toLowerCase()) : token.folded === word;
    }),
  );
}
