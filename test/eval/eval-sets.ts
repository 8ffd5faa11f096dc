// The answer-quality runs: each article alone with its questions, the seed with and without aliases, all together,
// each with a file of workplace chatter that every knowledge must decline.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { createAnswerEngine, type Answer, type AnswerEngine, type DecisionDefaults } from '../../src/answers/index.js';
import { fromDocuments, parseAliases, parseDocument, type AliasTable, type KnowledgeDocument } from '../../src/knowledge/index.js';
import { testLexicon } from '../helpers/lexicon.js';

/** A question set as written: passages named locally (`p3`, `faq1`). */
interface QuestionFile {
  answerable: { q: string; expect: string[] }[];
  outOfScope: string[];
}

/** One article and the question sets written for it. */
interface EvalArticle {
  document: KnowledgeDocument;
  sets: { name: string; questions: QuestionFile }[];
}

/** A question with the passage ids (`doc#p3`) that answer it. */
export interface EvalQuestion {
  q: string;
  expect: string[];
  set: string;
}

/** One measured configuration: a knowledge, and the questions asked of it. */
export interface EvalRun {
  name: string;
  documents: KnowledgeDocument[];
  aliases: AliasTable;
  answerable: EvalQuestion[];
  outOfScope: { q: string; set: string }[];
  /** Workplace chatter posted where the bot listens: to be declined with no passage quoted or offered. */
  chatter: string[];
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const SEED_FILE = 'putin-visits-xi-in-beijing.txt';

/**
 * The development sets (tuned on): the seed's blind questions, `articles/`, `dev2/` (news), `crowd/` (encyclopedia),
 * and the three earlier holdouts, which steered a choice once they had been measured and so became development sets.
 */
export const DEV_FOLDERS = ['articles', 'dev2', 'crowd', 'holdout', 'holdout2', 'holdout3'] as const;
/** The frozen holdouts: measured at the start and the end of an issue only, never to choose between two changes. */
export const HOLDOUT_FOLDERS = ['holdout4'] as const;
/** Chatter for the development runs, and the frozen chatter every holdout run is asked. */
export const DEV_CHATTER = here('dev2/chatter.json');
export const HOLDOUT_CHATTER = here('chatter.json');

/** The lines of a chatter file (`{ "lines": [...] }`). */
export function chatterIn(file: string): string[] {
  return existsSync(file) ? readJson<{ lines: string[] }>(file).lines : [];
}

/** Each article of `dir` (`<slug>.txt`) with its questions (`<slug>.questions.json`). */
function articlesIn(dir: string): EvalArticle[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file): EvalArticle => {
    const slug = file.replace(/\.txt$/u, '');
    return {
      document: parseDocument(readFileSync(join(dir, file), 'utf8'), file),
      sets: [{ name: slug, questions: readJson<QuestionFile>(join(dir, `${slug}.questions.json`)) }],
    };
  });
}

/** Runs over a folder of articles and questions: each alone, and all together (named after the folder). */
export function evalRunsIn(dir: string, chatter: readonly string[] = chatterIn(HOLDOUT_CHATTER), label = dir.replace(/\/$/u, '').split('/').pop() ?? dir): EvalRun[] {
  const articles = articlesIn(dir);
  return [...articles.map((a) => alone(a, chatter)), together(`${label} together`, articles, chatter)];
}

const alone = (article: EvalArticle, chatter: readonly string[]): EvalRun => ({
  name: article.document.id,
  documents: [article.document],
  aliases: {},
  ...questionsOf(article),
  chatter: [...chatter],
});

// Every article in one knowledge, every question asked of it (without aliases.json).
function together(name: string, articles: readonly EvalArticle[], chatter: readonly string[]): EvalRun {
  const all = articles.map(questionsOf);
  return {
    name,
    documents: articles.map((a) => a.document),
    aliases: {},
    answerable: all.flatMap((q) => q.answerable),
    outOfScope: all.flatMap((q) => q.outOfScope),
    chatter: [...chatter],
  };
}

// The seed article with one of its question sets (`blind`, written by someone who never saw the engine, or `tuned`).
function seedArticle(set: 'blind' | 'tuned'): EvalArticle {
  return {
    document: parseDocument(readFileSync(here(`../../knowledge/${SEED_FILE}`), 'utf8'), SEED_FILE),
    sets: [{ name: `seed/${set}`, questions: readJson<QuestionFile>(here(`seed/${set}.json`)) }],
  };
}

function questionsOf(article: EvalArticle): Pick<EvalRun, 'answerable' | 'outOfScope'> {
  const id = article.document.id;
  return {
    answerable: article.sets.flatMap(({ name, questions }) =>
      questions.answerable.map(({ q, expect }) => ({ q, expect: expect.map((p) => `${id}#${p}`), set: name })),
    ),
    outOfScope: article.sets.flatMap(({ name, questions }) => questions.outOfScope.map((q) => ({ q, set: name }))),
  };
}

/** The seed's runs: its blind questions with and without `aliases.json`, and the questions it was first tuned on. */
export function seedRuns(chatter: readonly string[] = chatterIn(DEV_CHATTER)): EvalRun[] {
  const blind = seedArticle('blind');
  const aliases = parseAliases(readFileSync(here('../../knowledge/aliases.json'), 'utf8'));
  return [
    { name: 'seed with aliases.json', documents: [blind.document], aliases, ...questionsOf(blind), chatter: [...chatter] },
    { name: 'seed without aliases.json', documents: [blind.document], aliases: {}, ...questionsOf(blind), chatter: [...chatter] },
    { ...alone(seedArticle('tuned'), chatter), name: 'seed, tuned questions (not a floor)' },
  ];
}

/**
 * Every development run: the seed's, each article of `articles/` alone and all together with the seed's blind
 * questions, then `dev2/` and `crowd/` alone and together. Dev chatter is asked of every one.
 */
export function evalRuns(): EvalRun[] {
  const chatter = chatterIn(DEV_CHATTER);
  const articles = articlesIn(here('articles/'));
  return [
    ...seedRuns(chatter),
    ...articles.map((a) => alone(a, chatter)),
    together('all articles together', [seedArticle('blind'), ...articles], chatter),
    ...DEV_FOLDERS.slice(1).filter((f) => existsSync(here(`${f}/`))).flatMap((f) => evalRunsIn(here(`${f}/`), chatter, f)),
  ];
}

/** What a run scored. */
export interface EvalScore {
  name: string;
  answerable: number;
  /** Answerable questions answered, and of those, answered from a passage that answers them. */
  answered: number;
  right: number;
  /** Answerable questions whose passage the reply quotes or offers among its suggestions. */
  inReply: number;
  outOfScope: number;
  /** Out-of-scope questions not answered. */
  abstained: number;
  chatter: number;
  /** Chatter not answered, and offered no passage either. */
  chatterDeclined: number;
  /** Chatter answered with a quoted passage. */
  chatterAnswered: number;
  misses: { q: string; set: string; expect: string[]; got: string }[];
  leaks: { q: string; set: string; got: string }[];
  chatterLeaks: { q: string; got: string }[];
}

/** Share of answers given (to answerable and out-of-scope questions) that quote a passage that answers the question. */
export const precisionOf = (s: EvalScore): number => s.right / Math.max(1, s.answered + s.outOfScope - s.abstained);

/** The engine a run is measured on (the cache off, so every question is searched), with the decision shipped or `decision`. */
export function engineFor(run: EvalRun, decision?: DecisionDefaults): AnswerEngine {
  return createAnswerEngine(fromDocuments(run.documents), { lexicon: testLexicon(), aliases: run.aliases, cacheSize: 0, ...(decision ? { decision } : {}) });
}

/** The passages a reply quotes or offers. */
export const passagesIn = (answer: Answer): string[] =>
  [answer.source?.passageId, ...answer.suggestions.map((s) => s.passageId)].filter((id): id is string => id !== undefined);

/** One reply as the eval records it. */
export interface EvalReply {
  q: string;
  kind: 'answerable' | 'out-of-scope' | 'chatter';
  answer: Answer;
  /** Whether the decision's most confident candidate answers the question (for the reliability table). */
  bestIsRight: boolean;
  /** Quoted a passage that answers it (answerable), or declined (out of scope; chatter: with nothing offered). */
  right: boolean;
}

/** Asks every question of `run` and scores the replies (`onReply` sees each one). */
export function scoreRun(run: EvalRun, engine: AnswerEngine = engineFor(run), onReply?: (reply: EvalReply) => void): EvalScore {
  let inReply = 0;
  let answered = 0;
  const got = (answer: Answer): string => (answer.answered ? (answer.source?.passageId ?? '?') : `(declined: ${answer.reason ?? '?'})`);
  const ask = (q: string, expect: readonly string[] = []): { answer: Answer; bestIsRight: boolean } => {
    const { answer, decision } = engine.explain(q);
    return { answer, bestIsRight: expect.includes(decision.ranked[0]?.candidate.passage.id ?? '') };
  };
  const misses = run.answerable.flatMap(({ q, expect, set }) => {
    const { answer, bestIsRight } = ask(q, expect);
    if (passagesIn(answer).some((id) => expect.includes(id))) inReply += 1;
    if (answer.answered) answered += 1;
    const right = answer.answered && expect.includes(answer.source?.passageId ?? '');
    onReply?.({ q, kind: 'answerable', answer, bestIsRight, right });
    return right ? [] : [{ q, set, expect, got: got(answer) }];
  });
  const leaks = run.outOfScope.flatMap(({ q, set }) => {
    const { answer } = ask(q);
    onReply?.({ q, kind: 'out-of-scope', answer, bestIsRight: false, right: !answer.answered });
    return answer.answered ? [{ q, set, got: got(answer) }] : [];
  });
  let chatterAnswered = 0;
  const chatterLeaks = run.chatter.flatMap((q) => {
    const { answer } = ask(q);
    if (answer.answered) chatterAnswered += 1;
    const offered = passagesIn(answer);
    onReply?.({ q, kind: 'chatter', answer, bestIsRight: false, right: offered.length === 0 });
    return offered.length === 0 ? [] : [{ q, got: answer.answered ? got(answer) : `offered ${offered.join(', ')}` }];
  });
  return {
    name: run.name,
    answerable: run.answerable.length,
    answered,
    right: run.answerable.length - misses.length,
    inReply,
    outOfScope: run.outOfScope.length,
    abstained: run.outOfScope.length - leaks.length,
    chatter: run.chatter.length,
    chatterDeclined: run.chatter.length - chatterLeaks.length,
    chatterAnswered,
    misses,
    leaks,
    chatterLeaks,
  };
}

/**
 * What a plain MiniSearch search (`fuzzy: 0.2, prefix: true`, the first hit quoted) scores on `run`'s answerable
 * questions: the yardstick the engine's own figures are read against. It never abstains.
 */
export function baselineRight(run: EvalRun): number {
  const passages = run.documents.flatMap((d) => d.passages);
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  search.addAll(passages.map((p, id) => ({ id, text: p.question ? `${p.question} ${p.text}` : p.text })));
  return run.answerable.filter(({ q, expect }) => {
    const [hit] = search.search(q, { fuzzy: 0.2, prefix: true });
    return hit !== undefined && expect.includes(passages[hit.id as number]?.id ?? '');
  }).length;
}

/** `12/30 (40.0%)`. */
export const ratio = (n: number, of: number): string => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
/** The slips a hurried reader makes in a word: two letters swapped, one dropped, one doubled (in the middle). */
export const SLIPS = ['swapped', 'dropped', 'doubled'] as const;
/** How else a question arrives in chat: shouted, or after a greeting. */
export const CHAT_FORMS = ['shouted', 'greeted'] as const;
/** Two slips: two letters swapped in the longest word, one dropped in the next longest. */
export const TWO_SLIPS = ['twice'] as const;
export type Variant = (typeof SLIPS)[number] | (typeof CHAT_FORMS)[number] | (typeof TWO_SLIPS)[number];

/** `q` asked another way: a slip in its longest word (of at least five letters; undefined without one), or a chat form. */
export function variantOf(q: string, variant: Variant): string | undefined {
  if (variant === 'shouted') return q.toUpperCase();
  if (variant === 'greeted') return `hey, quick q: ${q}`;
  if (variant === 'twice') {
    const once = variantOf(q, 'swapped');
    if (once === undefined) return undefined;
    const slipped = once.split(' ').findIndex((w, i) => w !== q.split(' ')[i]);
    return slipInWord(once, 'dropped', slipped);
  }
  return slipInWord(q, variant, -1);
}

// `q` with a slip in its longest word (of at least five letters) other than the one at `skip`.
function slipInWord(q: string, variant: (typeof SLIPS)[number], skip: number): string | undefined {
  const words = q.split(' ');
  const letters = (w: string, i: number): number => (i === skip ? -1 : w.replace(/[^\p{L}]/gu, '').length);
  const at = words.reduce((best, w, i) => (letters(w, i) > letters(words[best] ?? '', best) ? i : best), skip === 0 ? 1 : 0);
  const word = words[at] ?? '';
  if (letters(word, at) < 5 || !/^\p{L}+$/u.test(word)) return undefined;
  const m = Math.floor(word.length / 2);
  const slipped =
    variant === 'swapped' ? word.slice(0, m) + (word[m + 1] ?? '') + (word[m] ?? '') + word.slice(m + 2)
    : variant === 'dropped' ? word.slice(0, m) + word.slice(m + 1)
    : word.slice(0, m + 1) + word.slice(m);
  return [...words.slice(0, at), slipped, ...words.slice(at + 1)].join(' ');
}

/** Of the answerable questions `run` answers right, how many are still answered right asked each of the other ways. */
export function variantRobustness(
  run: EvalRun,
  variants: readonly Variant[],
  engine: AnswerEngine = engineFor(run),
): { asked: number; kept: number; lost: string[] } {
  const rightFor = (q: string, expect: readonly string[]): boolean => {
    const answer = engine.answer(q);
    return answer.answered && expect.includes(answer.source?.passageId ?? '');
  };
  let asked = 0;
  let kept = 0;
  const lost: string[] = [];
  for (const { q, expect } of run.answerable) {
    if (!rightFor(q, expect)) continue;
    for (const variant of variants) {
      const other = variantOf(q, variant);
      if (other === undefined) continue;
      asked += 1;
      if (rightFor(other, expect)) kept += 1;
      else lost.push(other);
    }
  }
  return { asked, kept, lost };
}
