// The answer-quality runs: each article alone with its questions, the seed with and without aliases, all together.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { createAnswerEngine, type AnswerEngine } from '../../src/answers/index.js';
import { fromDocuments, parseAliases, parseDocument, type AliasTable, type KnowledgeDocument } from '../../src/knowledge/index.js';

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
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const SEED_FILE = 'putin-visits-xi-in-beijing.txt';

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

/** Runs over another folder of articles and questions: each alone, and all together (a held-out check). */
export function evalRunsIn(dir: string): EvalRun[] {
  const articles = articlesIn(dir);
  return [...articles.map(alone), together('all together', articles)];
}

const alone = (article: EvalArticle): EvalRun => ({ name: article.document.id, documents: [article.document], aliases: {}, ...questionsOf(article) });

// Every article in one knowledge, every question asked of it (without aliases.json).
function together(name: string, articles: readonly EvalArticle[]): EvalRun {
  const all = articles.map(questionsOf);
  return {
    name,
    documents: articles.map((a) => a.document),
    aliases: {},
    answerable: all.flatMap((q) => q.answerable),
    outOfScope: all.flatMap((q) => q.outOfScope),
  };
}

function loadArticles(): EvalArticle[] {
  const seedText = readFileSync(here(`../../knowledge/${SEED_FILE}`), 'utf8');
  const seed: EvalArticle = {
    document: parseDocument(seedText, SEED_FILE),
    sets: readdirSync(here('seed/')).filter((f) => f.endsWith('.json')).sort()
      .map((f) => ({ name: `seed/${f.replace(/\.json$/u, '')}`, questions: readJson<QuestionFile>(here(`seed/${f}`)) })),
  };
  return [seed, ...articlesIn(here('articles/'))];
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

/** Every run the eval measures: the seed with and without `aliases.json`, each other article alone, all together. */
export function evalRuns(): EvalRun[] {
  const articles = loadArticles();
  const [seed, ...others] = articles as [EvalArticle, ...EvalArticle[]];
  const aliases = parseAliases(readFileSync(here('../../knowledge/aliases.json'), 'utf8'));
  return [
    { name: 'seed with aliases.json', documents: [seed.document], aliases, ...questionsOf(seed) },
    { name: 'seed without aliases.json', documents: [seed.document], aliases: {}, ...questionsOf(seed) },
    ...others.map(alone),
    together('all articles together', articles),
  ];
}

/** What a run scored: right answers, abstentions, and what went wrong. */
export interface EvalScore {
  name: string;
  right: number;
  /** Answerable questions whose passage the reply quotes or offers among its suggestions. */
  inReply: number;
  answerable: number;
  abstained: number;
  outOfScope: number;
  misses: { q: string; set: string; expect: string[]; got: string }[];
  leaks: { q: string; set: string; got: string }[];
}

/** The engine a run is measured on (the cache off, so every question is searched). */
export function engineFor(run: EvalRun): AnswerEngine {
  return createAnswerEngine(fromDocuments(run.documents), { aliases: run.aliases, cacheSize: 0 });
}

/** Asks every question of `run` and scores the replies (`onReply` sees each one). */
export function scoreRun(
  run: EvalRun,
  engine: AnswerEngine = engineFor(run),
  onReply?: (q: string, got: string, right: boolean) => void,
): EvalScore {
  let inReply = 0;
  const got = (q: string, expect: readonly string[] = []): string => {
    const answer = engine.answer(q);
    if ([answer.source?.passageId, ...answer.suggestions.map((s) => s.passageId)].some((id) => id !== undefined && expect.includes(id))) inReply += 1;
    return answer.answered ? (answer.source?.passageId ?? '?') : `(abstained: ${answer.reason ?? '?'})`;
  };
  const misses = run.answerable.flatMap(({ q, expect, set }) => {
    const passage = got(q, expect);
    onReply?.(q, passage, expect.includes(passage));
    return expect.includes(passage) ? [] : [{ q, set, expect, got: passage }];
  });
  const leaks = run.outOfScope.flatMap(({ q, set }) => {
    const passage = got(q);
    onReply?.(q, passage, passage.startsWith('(abstained'));
    return passage.startsWith('(abstained') ? [] : [{ q, set, got: passage }];
  });
  return {
    name: run.name,
    right: run.answerable.length - misses.length,
    inReply,
    answerable: run.answerable.length,
    abstained: run.outOfScope.length - leaks.length,
    outOfScope: run.outOfScope.length,
    misses,
    leaks,
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
