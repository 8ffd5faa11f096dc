// docs/design.md's tuning table is the code's defaults as they are: a changed default fails here until the doc is
// regenerated with `npm run docs`.
import { describe, expect, it } from 'vitest';
import { commentAbove, DOCUMENTED, flatten, showValue, tableInDoc, tuningTable, withTable } from './tuning-table.js';

describe('the tuning table in docs/design.md', () => {
  it('is the one generated from the defaults objects', () => {
    const inDoc = tableInDoc();
    expect(inDoc, 'docs/design.md has no <!-- tuning:start --> … <!-- tuning:end --> markers').toBeDefined();
    expect(inDoc, 'the tuning table in docs/design.md is out of date: run npm run docs').toBe(tuningTable());
  });

  it('has a row for every key of every object', () => {
    const rows = tuningTable().split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(DOCUMENTED.reduce((sum, item) => sum + flatten(item.value).length, 0));
  });
});

describe('the generator', () => {
  it('flattens nested keys with dots and keeps arrays whole', () => {
    expect(flatten({ a: 1, b: { c: 2, d: { e: 'x' } }, f: [1, 2] })).toEqual([
      ['a', 1],
      ['b.c', 2],
      ['b.d.e', 'x'],
      ['f', [1, 2]],
    ]);
  });

  it('shows values plainly', () => {
    expect(showValue(2_592_000_000)).toBe('`2,592,000,000`');
    expect(showValue(3000)).toBe('`3000`');
    expect(showValue(-4.62)).toBe('`-4.62`');
    expect(showValue('UTC')).toBe("`'UTC'`");
    expect(showValue(false)).toBe('`false`');
    expect(showValue(function isPrivate() {})).toBe('function `isPrivate`');
  });

  it('reads the JSDoc right above a key, on one line', () => {
    const source = '/** Not this. */\nother: 1,\n/**\n * Longest wait, see {@link X}.\n */\nwaitMs?: number;';
    expect(commentAbove(source, 'waitMs')).toBe('Longest wait, see `X`.');
    expect(commentAbove(source, 'missing')).toBeUndefined();
  });

  it('puts the table between the markers and leaves the rest of the document alone', () => {
    const doc = 'before\n<!-- tuning:start -->\nold\n<!-- tuning:end -->\nafter\n';
    expect(withTable(doc, 'new')).toBe('before\n<!-- tuning:start -->\nnew\n<!-- tuning:end -->\nafter\n');
    expect(() => withTable('no markers')).toThrow(/tuning:start/);
  });
});
