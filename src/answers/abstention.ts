// Decides whether the knowledge covers a question, from which of its words matched: a rule, not a score cut.
import type { RankedDocument, RankedPassage } from './rank-documents.js';
import type { Concept } from './resolve-query.js';
import type { AbstainReason } from './types.js';

/** Share of the question's weight a document's matched words must carry more than (half: a question half unknown is not covered). */
export const MIN_COVERAGE = 0.5;
/** Share of the question's weight the quoted passage must carry by itself. */
export const MIN_PASSAGE_COVERAGE = 0.4;

/**
 * Before searching: a question with nothing to search (only stop and frame words) is empty, and one that names
 * something the knowledge never mentions (a name or a figure, typed like one or unknown to general English) is
 * about something else, whatever else it says.
 */
export function judgeQuestion(concepts: readonly Concept[]): AbstainReason | undefined {
  if (concepts.every((c) => c.frame)) return 'empty';
  if (concepts.some((c) => c.alternatives.length === 0 && c.namelike)) return 'unknown-name';
  return undefined;
}

/**
 * After searching, on the document that covers the question best: answer only when (1) its matched concepts carry
 * more than half the question's weight (a concept weighs its inverse document frequency, halved for the story's names;
 * an unknown word weighs as much as the rarest known one; a synonym or a typo covers its weight in part) and (2) at
 * least one of them is specific (not in most of its passages: not only the story's names).
 */
export function judgeDocument(document: RankedDocument | undefined): boolean {
  return document !== undefined && document.specific && document.coverage > MIN_COVERAGE + 1e-9;
}

/** The passage to quote must hold a good part of the question by itself, not only the document as a whole. */
export function judgePassage(passage: RankedPassage | undefined): boolean {
  return passage !== undefined && passage.coverage >= MIN_PASSAGE_COVERAGE;
}
