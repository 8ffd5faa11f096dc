// The one decision: confidence from named features, three outcomes, and how it treats a near miss, chatter and two
// close candidates on small made-up articles.
import { describe, expect, it } from 'vitest';
import { createAnswerEngine, DECISION_DEFAULTS, FEATURE_NAMES, type DecisionDefaults, type Features } from '../../src/answers/index.js';
import { decide } from '../../src/answers/decide.js';
import type { Candidate } from '../../src/answers/candidates.js';
import { fromDocuments, parseDocument, type Passage } from '../../src/knowledge/index.js';
import { testLexicon } from '../helpers/lexicon.js';

const lexicon = testLexicon();

const zero = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Features;
const passage = (i: number): Passage => ({ id: `d#p${i}`, docId: 'd', kind: 'paragraph', index: i, text: `Paragraph ${i}.`, line: i });
const candidate = (i: number, features: Partial<Features>): Candidate => ({ position: i, passage: passage(i), searchRank: i, features: { ...zero, ...features } });
// Confidence is the logistic of the bias plus passageCoverage alone.
const simple: DecisionDefaults = {
  ...DECISION_DEFAULTS,
  weights: { ...zero, passageCoverage: 4 },
  bias: -2,
  answerAt: 0.7,
  notSureAt: 0.4,
  offerAt: 0.2,
};

describe('decide', () => {
  it('ranks candidates by confidence and traces the best one: bias plus each feature times its weight', () => {
    const decision = decide([candidate(1, { passageCoverage: 0.5 }), candidate(2, { passageCoverage: 1 })], simple);
    expect(decision.ranked.map((s) => s.candidate.passage.id)).toEqual(['d#p2', 'd#p1']);
    expect(decision.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 10);
    const logit = decision.trace.reduce((sum, t) => sum + t.value * t.weight, 0);
    expect(logit).toBeCloseTo(2, 10);
    expect(decision.trace[0]).toEqual({ feature: 'bias', value: 1, weight: -2 });
    expect(decision.trace).toHaveLength(FEATURE_NAMES.length + 1);
  });

  it('caps a passage that does not state the kind of answer asked for', () => {
    const decision = decide([candidate(1, { passageCoverage: 1, typeMiss: 1 })], { ...simple, typeMissCap: 0.15 });
    expect(decision.confidence).toBe(0.15);
    expect(decision.outcome).toBe('not-covered');
  });

  it('answers at the answer threshold, is not sure between the thresholds, and does not cover below', () => {
    const at = (coverage: number): string => decide([candidate(1, { passageCoverage: coverage })], simple).outcome;
    expect(at(1)).toBe('answer'); // 0.88
    expect(at(0.6)).toBe('not-sure'); // 0.60
    expect(at(0.3)).toBe('not-covered'); // 0.31
    expect(decide([], simple)).toMatchObject({ outcome: 'not-covered', confidence: 0, ranked: [], trace: [] });
  });
});

const PORT = `Title: Port strike ends after pay deal
Date: 2026-11-02

ROTTERDAM (Wire) — Dock workers at the port of Rotterdam ended a nine-day strike on Monday after accepting a pay rise of 6 percent over two years, the FNV union said.

The strike had left more than 40 container ships waiting at anchor, and shipping lines diverted cargo to Antwerp and Hamburg.

Port director Anna Visser said it would take about two weeks to clear the backlog of containers.

The union's negotiator, Kees de Groot, said members voted 78 percent in favour of the deal.

Sources:

– example.com
`;

describe('the decision on a made-up article', () => {
  const engine = createAnswerEngine(fromDocuments([parseDocument(PORT, 'port.txt')]), { lexicon, cacheSize: 0 });

  it('is surer of a question the article answers than of a near miss about the same story', () => {
    const answered = engine.answer('how long will it take to clear the backlog');
    expect(answered.outcome).toBe('answer');
    expect(answered.source?.passageId).toBe('port#p3');
    for (const nearMiss of ["what is the port director's salary", 'how old is anna visser']) {
      const reply = engine.answer(nearMiss);
      expect(reply.answered, nearMiss).toBe(false);
      expect(reply.confidence, nearMiss).toBeLessThan(answered.confidence - 0.3);
    }
  });

  it('declines workplace chatter with no passage quoted or offered', () => {
    for (const line of ['who is bringing cake on friday?', 'is the wifi down for anyone else', 'lunch?', 'can someone review my PR']) {
      const reply = engine.answer(line);
      expect(reply, line).toMatchObject({ answered: false, outcome: 'not-covered', suggestions: [] });
    }
  });

  it('is less sure when two passages hold the question about equally, and shows both', () => {
    const twins = `Title: Two bridges\n\nThe council will repair the north bridge next year.\n\nThe council will repair the south bridge next year.\n\nThe library opens on Sundays.\n`;
    const both = createAnswerEngine(fromDocuments([parseDocument(twins, 'bridges.txt')]), { lexicon, cacheSize: 0 });
    const close = both.explain('will the council repair the bridge').decision;
    const clear = both.explain('will the council repair the north bridge').decision;
    expect(close.confidence).toBeLessThan(clear.confidence);
    expect(close.ranked.slice(0, 2).map((s) => s.candidate.passage.id).sort()).toEqual(['bridges#p1', 'bridges#p2']);
    const reply = both.answer('will the council repair the bridge');
    if (!reply.answered) expect(reply.suggestions.map((s) => s.passageId)).toEqual(expect.arrayContaining(['bridges#p1', 'bridges#p2']));
    else expect(reply.suggestions.map((s) => s.passageId)).toContain(reply.source?.passageId === 'bridges#p1' ? 'bridges#p2' : 'bridges#p1');
  });

  it('declines a question that names someone the article never mentions', () => {
    expect(engine.answer('what did Mark Rutte say about the strike')).toMatchObject({ answered: false, reason: 'unknown-name' });
  });
});
