// At scale, common words only re-rank what rarer words found; this must not change which passage answers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answers/index.js';
import { buildPassageIndex } from '../../src/search/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { createGenerator, writeCorpus } from '../../bench/corpus.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const dir = join(tempDir(), 'corpus');
mkdirSync(dir);
writeCorpus(dir, 60, 7);
const knowledge = loadKnowledge(dir);
const everything = createAnswerEngine(knowledge, { lexicon, index: buildPassageIndex(knowledge, lexicon, { commonMin: Infinity, commonShare: 1 }) });
const pruned = createAnswerEngine(knowledge, { lexicon, index: buildPassageIndex(knowledge, lexicon, { commonMin: 30, commonShare: 0.05 }) });
const generator = createGenerator(11);
const questions = Array.from({ length: 120 }, () => generator.question());

describe('common-word pruning', () => {
  it('has common words to prune in this corpus', () => {
    expect(knowledge.passages.length).toBeGreaterThan(600);
  });

  it('mostly decides the same, from one of the passages the full ranking puts first', () => {
    let close = 0;
    let differ = 0;
    for (const q of questions) {
      const a = everything.explain(q).decision;
      const b = pruned.explain(q).decision;
      if (b.outcome !== a.outcome) differ += 1;
      const top = a.ranked.slice(0, 4).map((s) => s.candidate.passage.id);
      if (a.ranked.length === 0 || top.includes(b.ranked[0]?.candidate.passage.id ?? '')) close += 1;
    }
    // Pruning is an approximation: a document's share of the question is measured on the candidates only, and common
    // words score alike there, so among the many synthetic documents that cover a question fully it may pick another;
    // fewer candidates also lead each other by more, which moves confidences near a threshold.
    expect(differ / questions.length).toBeLessThanOrEqual(0.15);
    expect(close / questions.length).toBeGreaterThanOrEqual(0.8);
  });

  it('still finds a passage for a question made only of common words', () => {
    const best = pruned.explain('northern exports market').decision.ranked[0]?.candidate.passage.text ?? '';
    expect(best.toLowerCase()).toMatch(/northern|exports|market/);
  });
});
