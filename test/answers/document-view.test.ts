// One article of several as the engine would see it alone: its own words, weights and links.
import { describe, expect, it } from 'vitest';
import { compileAliases } from '../../src/answers/aliases.js';
import { DocumentViews, MAX_VIEWS } from '../../src/answers/document-view.js';
import { buildPassageIndex } from '../../src/search/passage-index.js';
import { resolveQuery } from '../../src/answers/resolve-query.js';
import { fromDocuments, parseDocument } from '../../src/knowledge/index.js';
import { sharedLexicon } from '../../src/lexicon/index.js';

const BAKERY = `Title: Bakery chain sold\n\nLEEDS (Wire) — Crumb & Co, a chain of 40 bakeries, was sold on Monday. The bakeries sell bread.\n\nChief executive Dana Marlowe will leave after the sale.\n`;
const HARBOR = `Title: Ferry purchase approved\n\nPORTLAND (Wire) — The council will buy two ferries for the harbor at a cost of $18 million.\n\nThe Harbor Transit Authority, also known as HarborLink, runs eleven routes.\n`;

const knowledge = fromDocuments([parseDocument(BAKERY, 'bakery.txt'), parseDocument(HARBOR, 'harbor.txt')]);
const lexicon = sharedLexicon();
const index = buildPassageIndex(knowledge, undefined, lexicon);
const aliases = compileAliases(index.derivedAliases);
const views = new DocumentViews(index, new Map(knowledge.documents.map((d) => [d.id, d])), { lexicon, aliases });

describe('an article seen alone', () => {
  it('has its own words, and weighs them by its own passages', () => {
    const bakery = views.of('bakery');
    expect(bakery?.vocabulary.has('bakeri')).toBe(true);
    expect(bakery?.vocabulary.has('ferri')).toBe(false);
    expect(bakery?.vocabulary.passageCount).toBe(2);
    // One passage of its two, not one of the knowledge's four.
    expect(bakery?.vocabulary.idf('bakeri')).toBeCloseTo(Math.log(1 + 2 / 1), 5);
    expect(index.vocabulary.idf('bakeri')).toBeCloseTo(Math.log(1 + 4 / 1), 5);
    expect(views.of('nowhere')).toBeUndefined();
  });

  it('finds only its own words for a reader’s word, through general English too', () => {
    const [boats] = resolveQuery('boats', (views.of('harbor') as NonNullable<ReturnType<typeof views.of>>).context);
    expect(boats?.alternatives.map((a) => a.terms.join(' '))).toContain('ferri');
    const [inBakery] = resolveQuery('boats', (views.of('bakery') as NonNullable<ReturnType<typeof views.of>>).context);
    expect(inBakery?.alternatives.flatMap((a) => a.terms)).not.toContain('ferri');
  });

  it('keeps the views of the articles asked about most recently', () => {
    expect(views.of('bakery')).toBe(views.of('bakery'));
    expect(MAX_VIEWS).toBeGreaterThanOrEqual(2);
  });
});

describe('names in a question', () => {
  it('reads a name an article spells out (an alias) as a name', () => {
    const [name] = resolveQuery('harborlink', { vocabulary: index.vocabulary, lexical: index.lexical, lexicon, aliases, memo: new Map(), nearWords: () => undefined });
    expect(name?.namelike).toBe(true);
    const [word] = resolveQuery('boats', { vocabulary: index.vocabulary, lexical: index.lexical, lexicon, aliases, memo: new Map(), nearWords: () => undefined });
    expect(word?.namelike).toBe(false);
  });
});
