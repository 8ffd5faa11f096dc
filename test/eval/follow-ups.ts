// Follow-up questions in a thread, scored: each thread's turns asked in order, by the thread-aware reading (after) or
// each on its own as before follow-ups were read (before). Sets: a folder of articles and a threads.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerInThread, createAnswerEngine, type Answer, type AnswerEngine, type Meaning, type ThreadTurn } from '../../src/answers/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { testLexicon } from '../helpers/lexicon.js';

/** A turn as the set's writer wrote it. */
interface Turn {
  ask: string;
  kind: 'first' | 'refine' | 'more' | 'standalone';
  expect: string[];
  article?: string;
}

/** Per kind of turn: how many, right quoted, right in the reply; and for `more`, replies repeating a quoted passage. */
export interface FollowUpScore {
  byKind: Record<Turn['kind'], { n: number; right: number; inReply: number }>;
  repeats: number;
  misses: string[];
}

/** The follow-up set folders: development, and the frozen holdout. */
export const FOLLOW_UP_DEV = 'followups';
export const FOLLOW_UP_HOLDOUT = 'followups-holdout';

const engines = new Map<string, AnswerEngine>();

const threadsIn = (dir: string): { article: string; turns: Turn[] }[] =>
  (JSON.parse(readFileSync(join(dir, 'threads.json'), 'utf8')) as { threads: { article: string; turns: Turn[] }[] }).threads;

/** Every turn's question of a set folder (to embed them before a run with a model). */
export function followUpQuestions(folder: string): string[] {
  return threadsIn(join(import.meta.dirname, folder)).flatMap((t) => t.turns.map((turn) => turn.ask));
}

/**
 * Scores one set folder (under test/eval/), `threaded` or each turn alone; with `meaning`, as the bot does with a
 * model (the asked question's vector at hand, not those of the questions a thread makes of it).
 */
export function scoreFollowUps(folder: string, threaded: boolean, meaning?: Meaning): FollowUpScore {
  const dir = join(import.meta.dirname, folder);
  const key = `${dir}${meaning ? ' with meaning' : ''}`;
  const engine = engines.get(key) ?? createAnswerEngine(loadKnowledge(dir), { lexicon: testLexicon(), ...(meaning ? { meaning } : {}) });
  engines.set(key, engine);
  const threads = threadsIn(dir);
  const score: FollowUpScore = { byKind: { first: zero(), refine: zero(), more: zero(), standalone: zero() }, repeats: 0, misses: [] };
  for (const thread of threads) {
    const turns: ThreadTurn[] = [];
    for (const turn of thread.turns) {
      const docId = (turn.article ?? thread.article).replace(/\.[^.]+$/u, '');
      const wanted = new Set(turn.expect.map((p) => `${docId}#${p}`));
      const { answer, question } = threaded ? answerInThread(engine, turn.ask, turns) : { answer: engine.answer(turn.ask), question: turn.ask };
      const quoted = answer.outcome === 'answer' ? answer.source?.passageId : undefined;
      const shown = [quoted, ...answer.suggestions.map((s) => s.passageId)].filter(Boolean) as string[];
      const kind = score.byKind[turn.kind];
      kind.n += 1;
      if (quoted && wanted.has(quoted)) kind.right += 1;
      else score.misses.push(`[${turn.kind}] ${thread.turns.map((t) => t.ask).join(' → ')} @ ${turn.ask} → ${describe(answer)} (want ${turn.expect.join('|')})`);
      if (shown.some((p) => wanted.has(p))) kind.inReply += 1;
      if (turn.kind === 'more' && quoted && turns.some((t) => t.quoted === quoted)) score.repeats += 1;
      turns.push({ question, ...(quoted ? { quoted } : {}), ...docOf(answer) });
    }
  }
  return score;
}

function docOf(answer: Answer): { docId?: string } {
  const passage = answer.source?.passageId ?? answer.suggestions[0]?.passageId;
  return passage ? { docId: passage.split('#')[0] ?? '' } : {};
}

function describe(answer: Answer): string {
  return answer.outcome === 'answer' ? (answer.source?.passageId ?? '?') : `${answer.outcome}${answer.suggestions[0] ? ` (${answer.suggestions.map((s) => s.passageId).join(', ')})` : ''}`;
}

function zero(): { n: number; right: number; inReply: number } {
  return { n: 0, right: 0, inReply: 0 };
}
