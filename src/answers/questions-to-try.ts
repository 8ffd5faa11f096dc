// Questions a reader could ask about one article, each checked against the engine: only those it answers from that
// article are offered (what an editor sees after adding an article, and what the help can suggest).
import { nameRuns, type KnowledgeDocument } from '../knowledge/index.js';
import type { AnswerEngine } from './answer-engine.js';

/** Tuning of {@link questionsToTry}. */
export const QUESTIONS_TO_TRY_DEFAULTS = {
  /** Questions offered. */
  max: 3,
  /** Candidate questions tried against the engine (each costs one answer). */
  tried: 24,
};

// "<Name> said", "said <Name>", "<Name>, the …, said": the people the article quotes.
const SPEAKER_BEFORE = /([A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’.-]+){1,3})(?:,[^,.]{1,80},)? (?:said|says|told|added|wrote|warned|argued)\b/gu;
const SPEAKER_AFTER = /\b(?:said|says|told reporters|added|wrote) ([A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’.-]+){1,3})/gu;

/**
 * Up to `max` questions the engine answers (not "not sure") from a passage of `document`, most confident first,
 * each from a different passage. Candidates: the article's FAQ questions, what each person it quotes said, who or
 * what each name it repeats is, and what its headline is about.
 */
export function questionsToTry(document: KnowledgeDocument, engine: AnswerEngine, { max = QUESTIONS_TO_TRY_DEFAULTS.max, tried = QUESTIONS_TO_TRY_DEFAULTS.tried } = {}): string[] {
  const found: { question: string; passage: string; confidence: number }[] = [];
  for (const question of candidates(document).slice(0, tried)) {
    const answer = engine.answer(question);
    if (answer.outcome !== 'answer' || answer.source?.file !== document.file) continue;
    if (found.some((f) => f.passage === answer.source?.passageId)) continue;
    found.push({ question, passage: answer.source.passageId, confidence: answer.confidence });
  }
  return found.sort((a, b) => b.confidence - a.confidence).slice(0, max).map((f) => f.question);
}

/** The candidate questions for `document`, in the order they are tried. */
export function candidates(document: KnowledgeDocument): string[] {
  const paragraphs = document.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text);
  const faq = document.passages.flatMap((p) => (p.question ? [p.question] : []));
  const speakers = new Set<string>();
  for (const text of paragraphs) {
    for (const match of [...text.matchAll(SPEAKER_BEFORE), ...text.matchAll(SPEAKER_AFTER)]) speakers.add((match[1] ?? '').replace(/[’']s$/u, ''));
  }
  // Names said more than once are what the article is about; one mention is a passing reference.
  const counts = new Map<string, number>();
  for (const text of paragraphs) for (const run of nameRuns(text)) counts.set(run.join(' '), (counts.get(run.join(' ')) ?? 0) + 1);
  const names = [...counts].filter(([name, n]) => n > 1 && !speakers.has(name)).sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const about = document.title.replace(/[.…!?]+$/u, '');
  const questions = [
    ...faq,
    ...[...speakers].map((name) => `What did ${name} say?`),
    ...names.map((name) => `What is ${name}?`),
    `What is the latest on ${about}?`,
  ];
  return [...new Set(questions)];
}
