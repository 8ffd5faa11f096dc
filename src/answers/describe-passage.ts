// Describes a passage for a reply: its source (document, paragraph or FAQ entry, site) and a suggestion label.
import { type KnowledgeDocument, type Passage, splitDateline, splitSentences } from '../knowledge/index.js';
import { cutAtWord } from './quote.js';
import type { AnswerSource, Suggestion } from './types.js';

/** Longest suggestion label, in characters. */
export const MAX_SUGGESTION_LENGTH = 140;

/** `paragraph 3` or `FAQ 1`. */
export function locationOf(passage: Passage): string {
  return passage.kind === 'faq' ? `FAQ ${passage.index}` : `paragraph ${passage.index}`;
}

/** The source of an answer quoted from `passage` of `document`. */
export function sourceOf(passage: Passage, document: KnowledgeDocument): AnswerSource {
  return {
    title: document.title,
    file: document.file,
    passageId: passage.id,
    kind: passage.kind,
    index: passage.index,
    location: locationOf(passage),
    ...(passage.question ? { question: passage.question } : {}),
    site: document.sources.join(', '),
  };
}

/** A suggestion pointing at `passage`: its FAQ question, or the opening sentence of the paragraph. */
export function suggestionOf(passage: Passage): Suggestion {
  const opening = splitSentences(splitDateline(passage.text).body)[0] ?? passage.text;
  return {
    text: passage.question ?? cutAtWord(opening, MAX_SUGGESTION_LENGTH),
    passageId: passage.id,
    kind: passage.kind,
    location: locationOf(passage),
  };
}

/** Whether suggestions are all FAQ questions (to ask instead), not the openings of paragraphs (to read). */
export function suggestsQuestions(suggestions: readonly Suggestion[]): boolean {
  return suggestions.every((s) => s.kind === 'faq');
}
