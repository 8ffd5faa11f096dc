// 👍 / 👎 on answers: recorded without storing who voted (a keyed hash of the user ID, and of the message, so that a
// person's later click on the same answer replaces the earlier one), and learned from carefully: when at least two
// different people gave 👎 to a passage for a question and no more 👍 outweigh them, that passage is no longer the
// answer to that question.
import { createHmac } from 'node:crypto';
import type { SharedStore, StoredRecord } from '../store/index.js';
import { normaliseGap } from './gap-log.js';

/** The stream of votes in the shared store. */
export const VOTES_STREAM = 'votes';
/** Different people whose 👎 it takes to stop giving a passage for a question. */
export const MIN_DOWN_VOTERS = 2;
/** How often votes made by other replicas are read again. */
const REFRESH_MS = 60_000;

/** One vote, as stored. */
export interface VoteRecord extends StoredRecord {
  question: string;
  passage: string | null;
  verdict: 'up' | 'down';
  /** Keyed hash of the user ID: counts distinct people, names no one. */
  voter: string;
  /** Keyed hash of the message voted on: one vote per person per message. */
  message: string;
}

/** A click, as the listener sees it. */
export interface Vote {
  question: string;
  passage: string | null;
  verdict: 'up' | 'down';
  user: string;
  /** Where the answer is (channel and ts): hashed. */
  message: string;
}

/** Votes in the shared store, and what they say not to answer. */
export class Votes {
  private avoided = new Map<string, Set<string>>();
  private counted = new Map<string, { up: number; down: number }>();
  private loadedAt = 0;
  private changes = 0;

  constructor(
    private readonly store: SharedStore,
    /** The key of the hashes (the bot's own secret: the same on every replica, never stored). */
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a click; the passages to avoid follow at once in this process. */
  async vote(vote: Vote): Promise<void> {
    const record: VoteRecord = {
      at: this.now(),
      question: normaliseGap(vote.question),
      passage: vote.passage,
      verdict: vote.verdict,
      voter: this.hash(`user:${vote.user}`),
      message: this.hash(`message:${vote.message}`),
    };
    await this.store.append(VOTES_STREAM, record);
    await this.refresh(true);
  }

  /** Reads the votes again (at most every minute unless `now`), so that other replicas' votes count too. */
  async refresh(now = false): Promise<void> {
    if (!now && this.now() - this.loadedAt < REFRESH_MS) return;
    this.loadedAt = this.now();
    const votes = (await this.store.read(VOTES_STREAM, 0)) as VoteRecord[];
    // A person's latest vote on a message counts.
    const latest = new Map<string, VoteRecord>();
    for (const v of votes) latest.set(`${v.voter}|${v.message}`, v);
    const people = new Map<string, { up: Set<string>; down: Set<string> }>();
    for (const v of latest.values()) {
      if (!v.passage) continue;
      const key = `${v.question}\0${v.passage}`;
      const tally = people.get(key) ?? people.set(key, { up: new Set(), down: new Set() }).get(key);
      tally?.[v.verdict].add(v.voter);
    }
    const avoided = new Map<string, Set<string>>();
    const counted = new Map<string, { up: number; down: number }>();
    for (const [key, tally] of people) {
      for (const voter of tally.down) tally.up.delete(voter);
      counted.set(key, { up: tally.up.size, down: tally.down.size });
      if (tally.down.size >= MIN_DOWN_VOTERS && tally.up.size < tally.down.size) {
        const [question = '', passage = ''] = key.split('\0');
        (avoided.get(question) ?? avoided.set(question, new Set()).get(question))?.add(passage);
      }
    }
    if (JSON.stringify([...avoided].map(([q, s]) => [q, [...s]])) !== JSON.stringify([...this.avoided].map(([q, s]) => [q, [...s]]))) this.changes += 1;
    this.avoided = avoided;
    this.counted = counted;
  }

  /** Counts that go up whenever the passages to avoid change (the engine forgets its cached answers then). */
  get version(): number {
    return this.changes;
  }

  /** The passages not to give as the answer to `question`. */
  avoid(question: string): ReadonlySet<string> {
    void this.refresh().catch(() => undefined);
    return this.avoided.get(normaliseGap(question)) ?? EMPTY;
  }

  /** The answers with the most 👎, for the report: question, passage, people down and up. */
  mostDisliked(max = 10): { question: string; passage: string; down: number; up: number }[] {
    return [...this.counted]
      .filter(([, c]) => c.down > 0)
      .map(([key, c]) => {
        const [question = '', passage = ''] = key.split('\0');
        return { question, passage, ...c };
      })
      .sort((a, b) => b.down - a.down || a.up - b.up)
      .slice(0, max);
  }

  /** 👍 and 👎 counted (latest per person and message). */
  totals(): { up: number; down: number } {
    let up = 0;
    let down = 0;
    for (const c of this.counted.values()) {
      up += c.up;
      down += c.down;
    }
    return { up, down };
  }

  async erase(): Promise<void> {
    await this.store.erase(VOTES_STREAM);
    await this.refresh(true);
  }

  private hash(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex').slice(0, 24);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
