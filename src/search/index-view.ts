// The passage index as its users see it, over its state: search (with the terms' scores remembered), live updates,
// and its data form for the cache.
import type { LexicalTable } from '../lexicon/index.js';
import type { CommonTerms } from './common-terms.js';
import { toIndexData } from './index-data.js';
import type { IndexState } from './index-state.js';
import type { PassageIndex } from './passage-index.js';
import { searchPassages } from './search-passages.js';
import { TermScores } from './term-scores.js';

/** The {@link PassageIndex} over a finished (built or restored) `state`. */
export function indexView(state: IndexState): PassageIndex {
  const { vocabulary, questionTerms } = state;
  const scores = new TermScores(state.miniSearch, vocabulary);
  const order = (position: number): number => state.ranks[position] ?? position;
  return {
    passages: state.passages,
    vocabulary,
    get lexical() {
      return state.lexical as LexicalTable;
    },
    get derivedAliases() {
      return state.derivedAliases;
    },
    questionTerms,
    order,
    nearWords: () => state.nearWords(),
    search: (concepts) =>
      searchPassages(concepts, { passages: state.passages, vocabulary, common: state.common as CommonTerms, scoresOf: scores.scoresOf, commonScore: scores.commonScore, order }),
    update: (change) => {
      state.update(change);
      scores.forget();
    },
    toData: () => toIndexData(state),
  };
}
