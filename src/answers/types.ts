// The answer value the engine returns: what a reply needs, and nothing about how it is shown.
import type { PassageKind } from '../knowledge/index.js';
import type { Outcome, TraceTerm } from './decide.js';

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
  /** The title of the document it is in. */
  title: string;
}

/** Why the engine did not answer: nothing to search, a name the briefing never mentions, not sure, not covered, or not ready. */
export type AbstainReason = 'empty' | 'unknown-name' | 'not-sure' | 'not-covered' | 'warming-up';

/** The engine's reply to one question. */
export interface Answer {
  /** Quoted as the answer (`outcome` is `answer`). */
  answered: boolean;
  /** Answer (quote and cite), not sure (say so and show the candidates), or not covered (decline). */
  outcome: Outcome;
  /** The chance that the best passage answers the question, in [0, 1] (0 when nothing matched). */
  confidence: number;
  /** How the best passage's confidence was made: the bias, then each feature's value × weight. */
  trace: TraceTerm[];
  /** The question as searched (Slack markup removed, length capped). */
  question: string;
  /** The primary answer, quoted from the knowledge (≤ 800 characters); a short sentence when not answered. */
  answer: string;
  /** Where the answer came from; absent when not answered. */
  source?: AnswerSource;
  /**
   * Answered: up to three related passages. Not sure: the best candidates, best first. Not covered: the closest
   * passages when one holds a word of the question, else none.
   */
  suggestions: Suggestion[];
  /** When not answered: why. */
  reason?: AbstainReason;
  /** Words of the question that were found in the knowledge, and those that were not (for logs and debugging). */
  matchedWords: string[];
  unmatchedWords: string[];
  /** True when the team's embedding model had a part in the decision (absent: decided lexically). */
  byMeaning?: true;
}
