// What the team asked that the briefing did not answer: every abstention is recorded (the question as normalised,
// the date, the article set it was asked against; never who asked or where), with a count of all questions, so the
// editors get a report of the most-asked gaps.
import type { Answer } from '../answers/index.js';
import { searchTerms } from '../text/index.js';
import type { SharedStore, StoredRecord } from '../store/index.js';

/** The streams in the shared store. */
export const GAPS_STREAM = 'gaps';
export const QUESTIONS_STREAM = 'questions';
/** Longest question kept. */
const MAX_QUESTION = 200;

/** One unanswered question. */
export interface GapRecord extends StoredRecord {
  question: string;
  /** The question's search terms, sorted: questions that differ only in wording share it. */
  key: string;
  /** The knowledge's content hash when it was asked. */
  articles: string;
}

/** One asked question: only whether it was answered. */
export interface AskedRecord extends StoredRecord {
  answered: boolean;
}

/** The gap report for a period. */
export interface GapReport {
  days: number;
  questions: number;
  answered: number;
  /** Unanswered questions grouped by their terms, most asked first: an example wording and how often. */
  gaps: { question: string; count: number }[];
  /** Readers' votes (when recorded): the answers with the most 👎, and the totals. */
  feedback?: { disliked: { question: string; passage: string; down: number; up: number }[]; up: number; down: number };
}

/** The question as kept: lower case, one space between words, no trailing punctuation, capped. */
export function normaliseGap(question: string): string {
  return question.toLowerCase().replace(/\s+/gu, ' ').replace(/[\s?!.]+$/u, '').trim().slice(0, MAX_QUESTION);
}

/** The grouping key: the question's search terms, each once, sorted (word order and stop words do not matter). */
export function gapKey(question: string): string {
  return [...new Set(searchTerms(question.toLowerCase()))].sort().join(' ');
}

/** Gap keys remembered. */
const KEY_MEMO = 500;

/** Records questions and gaps in `store`, and reports them. */
export class GapLog {
  /** Grouping keys of recent gaps (the same question unanswered again is not read again), oldest first. */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly store: SharedStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one answer: a count for every question, the question itself when the briefing did not answer it. */
  async asked(answer: Pick<Answer, 'answered' | 'question' | 'reason'>, articles: string): Promise<void> {
    if (answer.reason === 'warming-up') return;
    const at = this.now();
    await this.store.append(QUESTIONS_STREAM, { at, answered: answer.answered } satisfies AskedRecord);
    if (answer.answered || answer.reason === 'empty') return;
    const question = normaliseGap(answer.question);
    await this.store.append(GAPS_STREAM, { at, question, key: this.keyOf(question), articles } satisfies GapRecord);
  }

  private keyOf(question: string): string {
    let key = this.keys.get(question);
    if (key === undefined) {
      key = gapKey(question) || question;
      this.keys.set(question, key);
      if (this.keys.size > KEY_MEMO) this.keys.delete(this.keys.keys().next().value as string);
    }
    return key;
  }

  /** The report for the last `days` days. */
  async report(days = 7): Promise<GapReport> {
    const since = this.now() - days * 86_400_000;
    const asked = (await this.store.read(QUESTIONS_STREAM, since)) as AskedRecord[];
    const gaps = (await this.store.read(GAPS_STREAM, since)) as GapRecord[];
    const groups = new Map<string, Map<string, number>>();
    for (const gap of gaps) {
      const wordings = groups.get(gap.key) ?? groups.set(gap.key, new Map()).get(gap.key) as Map<string, number>;
      wordings.set(gap.question, (wordings.get(gap.question) ?? 0) + 1);
    }
    const grouped = [...groups.values()].map((wordings) => {
      const [question = ''] = [...wordings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
      return { question, count: [...wordings.values()].reduce((a, b) => a + b, 0) };
    });
    return {
      days,
      questions: asked.length,
      answered: asked.filter((a) => a.answered).length,
      gaps: grouped.sort((a, b) => b.count - a.count || (a.question < b.question ? -1 : 1)),
    };
  }

  /** Erases every record. */
  async erase(): Promise<void> {
    await this.store.erase(QUESTIONS_STREAM);
    await this.store.erase(GAPS_STREAM);
  }
}

/** The report as plain text (the terminal, and the message fallback). */
export function gapReportText(report: GapReport, max = 15): string {
  const share = report.questions > 0 ? Math.round((100 * report.answered) / report.questions) : 0;
  return [
    `Gaps in the briefing, last ${report.days} days: ${report.questions} question${report.questions === 1 ? '' : 's'}, ${share}% answered.`,
    ...(report.gaps.length > 0
      ? ['Most asked, not answered:', ...report.gaps.slice(0, max).map((g) => `• ${g.question} (${g.count}×)`)]
      : ['Every question was answered.']),
    ...(report.feedback
      ? [
          `Feedback: ${report.feedback.up} 👍, ${report.feedback.down} 👎.`,
          ...(report.feedback.disliked.length > 0
            ? ['Answers marked wrong:', ...report.feedback.disliked.slice(0, max).map((d) => `• ${d.passage} for “${d.question}” (${d.down} 👎, ${d.up} 👍)`)]
            : []),
        ]
      : []),
  ].join('\n');
}
