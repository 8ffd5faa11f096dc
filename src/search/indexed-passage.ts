// One passage as the index reads it: its words, its FAQ question's terms, its WordNet phrases, and the two fields
// MiniSearch indexes (FAQ question and text, their terms joined by spaces), with MiniSearch's options for them.
import { splitDateline, type Passage } from '../knowledge/index.js';
import { tokenize, type Token } from '../text/index.js';
import type { PhraseFinder } from './lexical-words.js';
import type { VocabularyWord } from './vocabulary.js';

/** A passage as MiniSearch holds it: its position, and the terms of its FAQ question and of its text. */
export interface IndexedPassage {
  id: number;
  question: string;
  text: string;
}

/** Splits a field into its terms (they are made before MiniSearch sees them). */
export const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);
/** Takes a term as it is. */
export const asIs = (term: string): string => term;
/** MiniSearch's options for the index's fields. */
export const MINISEARCH_OPTIONS = { fields: ['question', 'text'], storeFields: [], tokenize: splitTerms, processTerm: asIs };

// A passage's words as the index reads them: its FAQ question's, then its text's (dateline left out).
const passageTokens = (passage: Passage): [Token[], Token[]] => [tokenize(passage.question ?? ''), tokenize(splitDateline(passage.text).body)];

/** The words of a passage as the vocabulary records them. */
export function passageWords(passage: Passage): VocabularyWord[] {
  return passageTokens(passage).flatMap(termsOf);
}

/** One passage as the index holds it: its words, its FAQ question's terms, its WordNet phrases, its MiniSearch fields. */
export function analyse(passage: Passage, finder: PhraseFinder) {
  const [questionTokens, textTokens] = passageTokens(passage);
  const phrases = new Map([...finder.scan(questionTokens), ...finder.scan(textTokens)]);
  const question = termsOf(questionTokens);
  const text = termsOf(textTokens);
  return {
    words: [...question, ...text],
    question: question.map((w) => w.term),
    phrases,
    indexed: (id: number): IndexedPassage => ({ id, question: question.map((w) => w.term).join(' '), text: text.map((w) => w.term).join(' ') }),
  };
}

function termsOf(tokens: readonly Token[]): VocabularyWord[] {
  return tokens.flatMap(({ folded, term, capitalised, sentenceStart }) => (term ? [{ folded, term, capitalised, sentenceStart }] : []));
}
