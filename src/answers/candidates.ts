// The passages a question may be answered from, across every article in one ranking, each with the named features
// the decision weighs (see features.ts).
import type { KnowledgeDocument, Passage } from '../knowledge/index.js';
import type { Vocabulary, PassageIndex } from '../search/index.js';
import { PERSONAL_WORDS } from '../text/index.js';
import { answerTypeOf } from './answer-type.js';
import { figureFocus } from './question-asks.js';
import type { StatedFacts } from './stated-facts.js';
import { conceptWeight, coverageFactor, coverageWeight, isStoryName } from './concept-weight.js';
import type { Features } from './features.js';
import { closeness, type PassageTerms } from './proximity.js';
import type { RankedDocument, RankedPassage } from './rank-documents.js';
import type { Alternative, Concept } from './resolve-query.js';
import { cosine, type DocumentVectors, type PassageVectors } from './similarity.js';
import type { PassageWords, UnheldWords } from './soft-match.js';

/** How many candidates are weighed, from how many of the best-covering articles, and how the search orders them. */
export interface CandidateLimits {
  /** Candidates weighed per question (the best by search score). */
  candidates: number;
  /** Articles they may come from (the best-covering first). */
  documents: number;
  /** In the search's own order (`margin`, `firstRanked`): how much more a passage holding the question's words side by side counts. */
  closenessRank: number;
  /** In the search's own order: how much more a passage whose words are used like the question's (cosine 1) counts. */
  similarityRank: number;
}

/** A passage the question may be answered from, and what the decision weighs about it. */
export interface Candidate {
  /** The passage's position in the index. */
  position: number;
  passage: Passage;
  /** Its place in the search's own order (0: first), before the decision weighs it. */
  searchRank: number;
  features: Features;
}

/** What candidates are read from and measured with (the engine's index and its per-passage memos). */
export interface CandidateScope {
  index: Pick<PassageIndex, 'passages' | 'questionTerms'>;
  vocabulary: Vocabulary;
  terms: PassageTerms;
  /** What each passage states (amounts, times, ages, money), read once. */
  facts(passage: Passage): StatedFacts;
  vectors: PassageVectors;
  /** Mean vectors of articles' topics, and the articles by id. */
  documentVectors: DocumentVectors;
  documentOf(docId: string): KnowledgeDocument | undefined;
  words: PassageWords;
  /** How rare a word is in English (0: common … 1: rare or a name). */
  rarity(word: string): number;
  /** The question's mean word vector, and its words to credit when a passage says them otherwise (no vectors: none). */
  asked?: Float64Array;
  unheld?: UnheldWords;
}

/** Least strength of a word's match for an FAQ question to count as saying it (a synonym does, a typo does). */
const FAQ_MIN_STRENGTH = 0.6;

/**
 * The best passages of the best-covering articles (`found`, from one search of the whole knowledge), each with its
 * features; `avoid` are passages readers said do not answer this question. Unranked: the decision orders them.
 */
export function gatherCandidates(
  question: string,
  concepts: readonly Concept[],
  found: readonly RankedDocument[],
  scope: CandidateScope,
  limits: CandidateLimits,
  avoid: ReadonlySet<string> = new Set(),
): Candidate[] {
  const { index, vocabulary } = scope;
  const documents = found.slice(0, limits.documents);
  const pool = documents
    .flatMap((d) => d.passages.slice(0, limits.candidates).map((r) => ({ r, d })))
    .filter(({ r }) => !avoid.has(index.passages[r.match.position]?.id ?? ''))
    .sort((a, b) => b.r.score - a.r.score)
    .slice(0, limits.candidates);
  if (pool.length === 0) return [];

  const weights = concepts.map((c) => (c.frame ? 0 : coverageWeight(c, vocabulary)));
  const total = weights.reduce((sum, w) => sum + w, 0) || 1;
  const content = concepts.filter((c) => !c.frame);
  const typeOf = answerTypeOf(question, figureFocus(question, concepts, (c) => isStoryName(c, vocabulary)));
  const bestCoverage = documents[0]?.coverage ?? 0;
  const personal = question.toLowerCase().split(/[^\p{L}']+/u).some((w) => PERSONAL_WORDS.has(w)) ? 1 : 0;
  const rarities = concepts.map((c) => (c.frame ? 0 : Math.min(...c.text.toLowerCase().split(' ').map((w) => scope.rarity(w)))));

  const documentSimilarity = (docId: string): number => {
    const document = scope.documentOf(docId);
    return document ? cosine(scope.asked, scope.documentVectors.of(document)) : 0;
  };

  // The search's own order among them: score, credited for words said otherwise, closeness and word similarity.
  const measured = pool.map(({ r, d }) => {
    const passage = index.passages[r.match.position] as Passage;
    const near = closeness(scope.terms.of(passage), concepts);
    const alike = cosine(scope.asked, scope.vectors.of(passage));
    const said = scope.unheld?.credit(r.match, scope.words.of(passage)) ?? 0;
    const rank = (r.score + said) * (1 + limits.closenessRank * near) * (1 + limits.similarityRank * Math.max(0, alike));
    return { r, d, passage, near, alike, said, rank };
  });
  const order = [...measured].sort((a, b) => b.rank - a.rank);
  const first = order[0];

  return measured.map(({ r, d, passage, near, alike, said, rank }): Candidate => {
    // The best of the others: the runner-up for the first, the first for everyone else.
    const other = (first?.r === r ? order[1]?.rank : first?.rank) ?? 0;
    const held = heldShares(r, concepts, weights, total);
    const ordinary = ordinaryHeld(r, concepts, weights, (c) => c.namelike || isStoryName(c, vocabulary));
    const type = typeOf?.(scope.facts(passage));
    const unknownName = concepts.some((c, i) => c.namelike && !c.frame && (c.alternatives.length === 0 || (d.held[i] ?? 0) === 0));
    return {
      position: r.match.position,
      passage,
      searchRank: order.findIndex((m) => m.r === r),
      features: {
        passageCoverage: r.coverage,
        ordinaryCoverage: ordinary.share ?? r.coverage,
        missedWords: Math.min(3, ordinary.missed),
        literalCoverage: held.literal,
        looseShare: held.loose,
        rarestHeld: Math.max(0, ...concepts.map((_, c) => ((r.match.held[r.match.offset + c] as number) >= 0 ? (rarities[c] ?? 0) : 0))),
        documentBehind: Math.max(0, bestCoverage - d.coverage),
        margin: Math.max(rank, other) > 0 ? (rank - other) / Math.max(rank, other) : 0,
        closeness: near,
        similarity: alike,
        documentSimilarity: documentSimilarity(d.docId),
        unvectored: scope.asked ? 0 : 1,
        softCredit: said / total,
        typeFit: type?.fit ? 1 : 0,
        typeExact: type?.exact ? 1 : 0,
        typeMiss: type && !type.fit ? 1 : 0,
        faqMatch: faqMatch(index.questionTerms.get(r.match.position), content, vocabulary),
        unknownName: unknownName ? 1 : 0,
        oneWord: content.length === 1 ? 1 : 0,
        personal,
        firstRanked: first?.r === r ? 1 : 0,
        meaning: 0,
        meaningLead: 0,
      },
    };
  });
}

// Of the question's weight: what the passage holds through the words themselves or their family, and what share of
// what it holds comes only through loose relatives.
function heldShares(r: RankedPassage, concepts: readonly Concept[], weights: readonly number[], total: number): { literal: number; loose: number } {
  let literal = 0;
  let loose = 0;
  let all = 0;
  concepts.forEach((concept, c) => {
    const at = r.match.held[r.match.offset + c] as number;
    const weight = weights[c] ?? 0;
    if (at < 0 || weight === 0) return;
    const alternative = concept.alternatives[at] as Alternative;
    const cover = weight * (r.match.strength[r.match.offset + c] as number) * coverageFactor(alternative);
    all += cover;
    if (coverageFactor(alternative) < 1) loose += cover;
    if (alternative.kind === 'exact' || alternative.kind === 'family') literal += weight;
  });
  return { literal: literal / total, loose: all > 0 ? loose / all : 0 };
}

// Of the question's ordinary words (not its names): the share of their weight the passage holds (undefined when the
// question has none), and how many it holds in no form.
function ordinaryHeld(r: RankedPassage, concepts: readonly Concept[], weights: readonly number[], isName: (c: Concept) => boolean): { share?: number; missed: number } {
  let asked = 0;
  let held = 0;
  let missed = 0;
  concepts.forEach((concept, c) => {
    const weight = weights[c] ?? 0;
    if (weight === 0 || isName(concept)) return;
    asked += weight;
    const at = r.match.held[r.match.offset + c] as number;
    if (at < 0) missed += 1;
    else held += weight * (r.match.strength[r.match.offset + c] as number) * coverageFactor(concept.alternatives[at] as Alternative);
  });
  return asked > 0 ? { share: held / asked, missed } : { missed };
}

/**
 * How closely an FAQ entry's question (`terms`) and the asker's cover each other, through the words themselves or
 * close relatives (not loose ones): the smaller of the two shares, by weight. 0 for a paragraph.
 */
export function faqMatch(terms: readonly string[] | undefined, content: readonly Concept[], vocabulary: Vocabulary): number {
  if (!terms || terms.length === 0 || content.length === 0) return 0;
  const own = new Set(terms);
  const close = (c: Concept): Alternative[] => c.alternatives.filter((a) => coverageFactor(a) === 1 && a.strength >= FAQ_MIN_STRENGTH);
  const saying = content.filter((c) => close(c).some((a) => a.terms.every((t) => own.has(t))));
  const covered = new Set(saying.flatMap((c) => close(c).flatMap((a) => a.terms)));
  const faqWeight = [...own].reduce((sum, t) => sum + vocabulary.idf(t), 0);
  const faqCovered = [...own].filter((t) => covered.has(t)).reduce((sum, t) => sum + vocabulary.idf(t), 0);
  const asked = content.reduce((sum, c) => sum + conceptWeight(c, vocabulary), 0);
  const askedCovered = saying.reduce((sum, c) => sum + conceptWeight(c, vocabulary), 0);
  return faqWeight > 0 && asked > 0 ? Math.min(faqCovered / faqWeight, askedCovered / asked) : 0;
}
