// What a term scores in each passage that holds it (MiniSearch's BM25+), the recent terms' scores remembered until the
// index changes; and what a common word, which is not searched, adds to a passage that holds it.
import type MiniSearch from 'minisearch';
import { asIs, splitTerms, type IndexedPassage } from './indexed-passage.js';
import { BM25, FIELD_BOOST } from './passage-index.js';
import type { Vocabulary } from './vocabulary.js';

/** Passage scores of recent terms remembered, in entries (a term's scores are fixed until the index changes). */
const SCORE_MEMO_ENTRIES = 200_000;

/** The passage scores of terms over one index; {@link forget} when the index changes. */
export class TermScores {
  // A term's scores never change until the index does: the recent ones are kept (up to a number of entries in all).
  private recentScores = new Map<string, Map<number, number>>();
  private remembered = 0;

  constructor(
    private readonly miniSearch: MiniSearch<IndexedPassage>,
    private readonly vocabulary: Vocabulary,
  ) {}

  /** The BM25+ score of `term` in each passage (by position) that holds it. */
  readonly scoresOf = (term: string): Map<number, number> => {
    const known = this.recentScores.get(term);
    if (known) return known;
    const results = this.miniSearch.search(term, { tokenize: splitTerms, processTerm: asIs, boost: FIELD_BOOST, bm25: BM25 });
    const scores = new Map(results.map((r) => [r.id as number, r.score]));
    if (this.remembered + scores.size > SCORE_MEMO_ENTRIES) {
      this.recentScores.clear();
      this.remembered = 0;
    }
    this.recentScores.set(term, scores);
    this.remembered += scores.size;
    return scores;
  };

  /** BM25+ of one occurrence in a passage of average length: what a common word adds to a passage that holds it. */
  readonly commonScore = (term: string): number => {
    const n = this.vocabulary.passageCount;
    const df = this.vocabulary.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (BM25.d + 1) * FIELD_BOOST.text;
  };

  /** Forgets every remembered score (the index changed). */
  forget(): void {
    this.recentScores = new Map();
    this.remembered = 0;
  }
}
