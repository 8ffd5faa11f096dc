// A message read with the thread before it: standing on its own, refining the thread's last question ("and the
// military?", "why?", "what did she say about it?"), or asking for more on it ("tell me more"). Decided from what the
// message holds: a word the knowledge has, a word that points back (a pronoun, an opening "and"), a question word
// that asks for a kind of answer; never from a list of phrasings.
import { STOP_WORDS } from '../text/index.js';
import type { AnswerEngine, AnswerScope } from './answer-engine.js';
import type { Answer } from './types.js';

/** One earlier reply in a thread: the question it answered (as the bot read it) and what it quoted. */
export interface ThreadTurn {
  question: string;
  /** The passage the reply quoted as the answer, if it quoted one. */
  quoted?: string;
  /** The document of the passage it quoted (or of its best candidate). */
  docId?: string;
}

/** How a message reads in its thread. */
export type FollowUpKind = 'standalone' | 'refine' | 'more';

/** What was asked, as answered. */
export interface ThreadAnswer {
  kind: FollowUpKind;
  /** The question as the engine was asked it (the thread's question refined, for a follow-up). */
  question: string;
  answer: Answer;
}

// Words that point back to something said before: pronouns and the openings of an added question. Grammar, not phrasing.
const POINTING = new Set(['it', 'its', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her', 'this', 'that', 'these', 'those', 'there', 'then']);
const OPENINGS = new Set(['and', 'but', 'so', 'also', 'plus']);
// Question words that ask for a kind of answer (a reason, a time, a place, a person, a way or amount).
const TYPED = new Set(['why', 'when', 'where', 'who', 'whom', 'whose', 'how']);

/** The message's kind in a thread whose last reply is `last`; `alone` is the engine's answer to it on its own. */
export function kindOf(message: string, alone: Answer, last: ThreadTurn | undefined): FollowUpKind {
  if (!last) return 'standalone';
  const words = message.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
  // A word the knowledge has that is not a function word: the message says what it is about.
  const specific = alone.matchedWords.filter((w) => !STOP_WORDS.has(w.toLowerCase())).length;
  const opens = OPENINGS.has(words[0] ?? '') || (words[0] === 'what' && words[1] === 'about') || (words[0] === 'how' && words[1] === 'about');
  const points = words.some((w) => POINTING.has(w));
  if (specific === 0) return words.some((w) => TYPED.has(w)) ? 'refine' : 'more';
  if (opens || (points && specific <= 1)) return 'refine';
  return 'standalone';
}

/** Answers `message` with its thread (earliest first); a message outside a thread is answered on its own. */
export function answerInThread(engine: AnswerEngine, message: string, thread: readonly ThreadTurn[]): ThreadAnswer {
  const alone = engine.answer(message);
  const last = thread.at(-1);
  const kind = kindOf(message, alone, last);
  if (kind === 'standalone' || !last) return { kind: 'standalone', question: alone.question, answer: alone };
  const quoted = new Set(thread.flatMap((t) => (t.quoted ? [t.quoted] : [])));
  const within = last.docId;
  if (kind === 'more') {
    // More on the thread's last question; when nothing more answers that one (a narrow "why?"), on what the thread
    // opened with.
    const scope: AnswerScope = { exclude: quoted, ...(within ? { within } : {}) };
    const answer = engine.answer(last.question, scope);
    const opening = thread.find((t) => t.docId === within)?.question;
    if (answer.outcome !== 'not-covered' || !opening || opening === last.question) return { kind, question: last.question, answer };
    return { kind, question: opening, answer: engine.answer(opening, scope) };
  }
  // Refined: the message's own words, with what the thread's question was about; within the thread's article.
  const asked = refined(message, last.question);
  const scope: AnswerScope = within ? { within } : {};
  const together = engine.answer(asked, scope);
  const ownWords = alone.matchedWords.length > 0 ? engine.answer(message, scope) : undefined;
  const best = ownWords && ownWords.confidence > together.confidence ? { question: message, answer: ownWords } : { question: asked, answer: together };
  return { kind, question: best.answer.question, answer: best.answer };
}

/** The thread's question refined by a follow-up: the follow-up, then the earlier question's words it does not repeat. */
export function refined(message: string, previous: string): string {
  const own = new Set((message.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []));
  const carried = (previous.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []).filter((w) => !own.has(w) && !STOP_WORDS.has(w) && !POINTING.has(w));
  const asking = (message.match(/[\p{L}\p{N}'’-]+/gu) ?? []).filter((w) => !POINTING.has(w.toLowerCase()) && !OPENINGS.has(w.toLowerCase()));
  return [...asking, ...carried].join(' ');
}
