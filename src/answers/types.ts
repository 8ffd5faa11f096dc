// The answer value the engine returns: what a reply needs, and nothing about how it is shown.
import type { PassageKind } from '../knowledge/index.js';

/** Where an answer came from. */
export interface AnswerSource {
  /** The document's title. */
  title: string;
  /** The knowledge file, e.g. `airline-merger.txt`. */
  file: string;
  /** The passage id, e.g. `airline-merger#faq1`. */
  passageId: string;
  kind: PassageKind;
  /** 1-based paragraph or FAQ entry number. */
  index: number;
  /** Human label: `paragraph 3` or `FAQ 1`. */
  location: string;
  /** The FAQ question answered (FAQ entries only). */
  question?: string;
  /** The document's source line, e.g. `apnews.com` (several joined with `, `); empty when the file has none. */
  site: string;
}

/** Something related the asker could ask or read next. */
export interface Suggestion {
  /** What to show: an FAQ question, or the opening of a paragraph (quoted, cut at 140 characters). */
  text: string;
  /** The passage it points at. */
  passageId: string;
  kind: PassageKind;
  location: string;
}

/** Why the engine did not answer. */
export type AbstainReason = 'empty' | 'unknown-name' | 'not-covered' | 'warming-up';

/** The engine's reply to one question. */
export interface Answer {
  answered: boolean;
  /** The question as searched (Slack markup removed, length capped). */
  question: string;
  /** The primary answer, quoted from the knowledge (≤ 800 characters); a short sentence when not answered. */
  answer: string;
  /** Where the answer came from; absent when not answered. */
  source?: AnswerSource;
  /** Up to three related passages or FAQ questions. */
  suggestions: Suggestion[];
  /** When not answered: why. */
  reason?: AbstainReason;
  /** Words of the question that were found in the knowledge, and those that were not (for logs and debugging). */
  matchedWords: string[];
  unmatchedWords: string[];
}
