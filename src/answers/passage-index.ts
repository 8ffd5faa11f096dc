// Builds the MiniSearch index over every passage (FAQ questions as a field of their own) and its vocabulary.
import MiniSearch from 'minisearch';
import type { Knowledge, Passage } from '../knowledge/index.js';
import { splitDateline } from '../knowledge/dateline.js';
import { tokenize } from './tokenize.js';
import { Vocabulary, type VocabularyWord } from './vocabulary.js';

/** Field boosts. Equal: a close FAQ question is preferred by the engine's closeness rule, not by ranking. */
export const FIELD_BOOST = { question: 1, text: 1 } as const;

interface IndexedPassage {
  id: number;
  question: string;
  text: string;
}

/** The searchable form of the knowledge. */
export interface PassageIndex {
  passages: readonly Passage[];
  vocabulary: Vocabulary;
  /** Search terms of each passage's FAQ question, by passage position (empty for paragraphs). */
  questionTerms: readonly (readonly string[])[];
  /**
   * Ranks passages for a question given as concepts. An alternative scores the BM25 scores of its terms that the
   * passage holds, times its boost, times the square of the share of its terms held (a phrase half there counts
   * a quarter); a concept scores its best alternative times its weight, so synonyms of one word do not add up;
   * a passage scores the sum over concepts times how many concepts it matches. Best first.
   */
  search(concepts: readonly SearchConcept[]): RankedPassage[];
}

/** One thing asked about, as the index searches it. */
export interface SearchConcept {
  alternatives: readonly { terms: readonly string[]; boost: number }[];
  weight: number;
}

/** A passage's rank for one question. */
export interface RankedPassage {
  /** Position of the passage in `passages`. */
  position: number;
  score: number;
  /** Positions of the concepts it matches. */
  concepts: number[];
  /** The vocabulary terms of the question that it holds. */
  terms: string[];
}

const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);
const asIs = (term: string): string => term;

/** Indexes every passage once; call at start-up. */
export function buildPassageIndex(knowledge: Knowledge): PassageIndex {
  const vocabulary = new Vocabulary();
  const questionTerms: string[][] = [];
  const miniSearch = new MiniSearch<IndexedPassage>({
    fields: ['question', 'text'],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: asIs,
  });
  const documents = knowledge.passages.map((passage, id): IndexedPassage => {
    const question = termsOf(passage.question ?? '');
    const text = termsOf(splitDateline(passage.text).body);
    vocabulary.addPassage([...question, ...text]);
    questionTerms.push(question.map((w) => w.term));
    return { id, question: question.map((w) => w.term).join(' '), text: text.map((w) => w.term).join(' ') };
  });
  miniSearch.addAll(documents);

  return {
    passages: knowledge.passages,
    vocabulary,
    questionTerms,
    search(concepts) {
      const byTerm = new Map<string, Map<number, number>>();
      const scoresOf = (term: string): Map<number, number> => {
        let scores = byTerm.get(term);
        if (!scores) {
          const results = miniSearch.search(term, { tokenize: splitTerms, processTerm: asIs, boost: FIELD_BOOST });
          scores = new Map(results.map((r) => [r.id as number, r.score]));
          byTerm.set(term, scores);
        }
        return scores;
      };
      const ranked = new Map<number, RankedPassage>();
      concepts.forEach((concept, c) => {
        const best = new Map<number, number>();
        for (const { terms, boost } of concept.alternatives) {
          const sums = new Map<number, { score: number; held: number }>();
          for (const term of terms) {
            for (const [position, score] of scoresOf(term)) {
              const sum = sums.get(position) ?? { score: 0, held: 0 };
              sums.set(position, { score: sum.score + score, held: sum.held + 1 });
              const entry = ranked.get(position) ?? { position, score: 0, concepts: [], terms: [] };
              if (!entry.terms.includes(term)) entry.terms.push(term);
              ranked.set(position, entry);
            }
          }
          for (const [position, { score, held }] of sums) {
            const value = score * boost * (held / terms.length) ** 2;
            best.set(position, Math.max(best.get(position) ?? 0, value));
          }
        }
        for (const [position, score] of best) {
          const entry = ranked.get(position) as RankedPassage;
          entry.score += score * concept.weight;
          entry.concepts.push(c);
        }
      });
      return [...ranked.values()]
        .map((r) => ({ ...r, score: r.score * r.concepts.length }))
        .sort((a, b) => b.score - a.score || a.position - b.position);
    },
  };
}

function termsOf(text: string): VocabularyWord[] {
  return tokenize(text).flatMap(({ folded, term, capitalised, sentenceStart }) =>
    term ? [{ folded, term, capitalised, sentenceStart }] : [],
  );
}
