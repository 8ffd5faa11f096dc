// Describes a passage for a reply: its source (document, paragraph or FAQ entry, site) and a suggestion label.
import { type KnowledgeDocument, type Passage, splitDateline, splitSentences } from '../knowledge/index.js';
import { cutAtWord } from './quote.js';
import type { Answer, AnswerSource, Suggestion } from './types.js';

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

/** A suggestion pointing at `passage` of `document`: its FAQ question, or the opening sentence of the paragraph. */
export function suggestionOf(passage: Passage, document: KnowledgeDocument): Suggestion {
  const opening = splitSentences(splitDateline(passage.text).body)[0] ?? passage.text;
  return {
    text: passage.question ?? cutAtWord(opening, MAX_SUGGESTION_LENGTH),
    passageId: passage.id,
    kind: passage.kind,
    location: locationOf(passage),
    title: document.title,
  };
}

/** What a reply's suggestions are, by its outcome: related passages, the candidates it is not sure of, or the closest. */
export function suggestionHeading(answer: Pick<Answer, 'outcome'>): string {
  return answer.outcome === 'answer' ? 'Related in the briefing' : answer.outcome === 'not-sure' ? 'It may be one of these' : 'Closest in the briefing';
}
