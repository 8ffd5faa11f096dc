// An abbreviation a reader makes of the knowledge's words (ocr for "official cash rate", CR for "Civic Renewal"),
// found by its initials when a question uses it and nothing else explains it.
import type { Passage } from '../knowledge/index.js';
import { termOf } from '../text/index.js';

/** Knowledge larger than this is not scanned (the scan reads every passage once per abbreviation). */
export const MAX_SCANNED_PASSAGES = 20_000;
/** Most phrases one abbreviation may stand for; more and it stands for none. */
const MAX_MEANINGS = 3;
/** Small words a name's initials may leave out (Bank of England: BE or BOE). */
const SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'and', 'for', 'the', 'on', 'de']);
const CONNECTIVE = `(?:(?:${[...SMALL_WORDS].join('|')}|&)[ -]+)?`;
const MEMO_LIMIT = 1_000;
/** Times a phrase must occur in the knowledge to be what an abbreviation stands for. */
const MIN_USES = 2;

/** Finds what abbreviations stand for in a set of passages. */
export class SpelledOut {
  private readonly memo = new Map<string, string[][]>();

  constructor(private readonly passages: readonly (Passage | undefined)[]) {}

  /**
   * The phrases of the knowledge whose words start with the letters of `abbreviation`, most used first (each as its
   * words that carry meaning, lower case); with `namesOnly`, only phrases written as names (every such word capitalised).
   */
  phrases(abbreviation: string, namesOnly: boolean): string[][] {
    const letters = abbreviation.toLowerCase();
    if (!/^[a-z]{2,5}$/u.test(letters) || this.passages.length > MAX_SCANNED_PASSAGES) return [];
    const key = `${letters}|${namesOnly}`;
    const known = this.memo.get(key);
    if (known) return known;
    const pattern = [...letters].map((l) => `(${l}[\\p{L}'’]*)`).join(`[ -]+${CONNECTIVE}`);
    const find = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu');
    const counts = new Map<string, number>();
    for (const passage of this.passages) {
      if (!passage) continue;
      for (const text of [passage.question ?? '', passage.text]) {
        for (const match of text.matchAll(find)) {
          const words = match.slice(1) as string[];
          // A small word may have an initial inside a name (BoE), never at its ends; every other word carries meaning.
          const content = words.filter((w, i) => !(i > 0 && i < words.length - 1 && SMALL_WORDS.has(w.toLowerCase())));
          if (content.some((w) => termOf(w.toLowerCase()) === undefined)) continue;
          if (namesOnly && !content.every((w) => /^\p{Lu}/u.test(w))) continue;
          const phrase = content.map((w) => w.toLowerCase()).join(' ');
          counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        }
      }
    }
    // A story abbreviates what it repeats: a phrase said once is as likely a coincidence (PR, Priya Ramanathan).
    const ranked = [...counts].filter(([, count]) => count >= MIN_USES).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const found = ranked.length > MAX_MEANINGS ? [] : ranked.map(([phrase]) => phrase.split(' '));
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }
}
