import { describe, expect, it } from 'vitest';
import { closeness } from '../../src/answers/proximity.js';
import type { Concept } from '../../src/answers/resolve-query.js';

const concept = (...terms: string[]): Concept => ({
  text: terms[0] ?? '',
  alternatives: terms.map((t) => ({ terms: [t], kind: 'exact' as const, strength: 1 })),
  namelike: false,
  frame: false,
  position: 0,
  precision: 1,
});

describe('closeness', () => {
  const question = [concept('analyst'), concept('price', 'cost')];

  it('is highest when the question’s words are side by side', () => {
    expect(closeness(['analyst', 'divid', 'price'], question)).toBeCloseTo(2 / 3);
    expect(closeness(['analyst', 'a', 'b', 'c', 'd', 'e', 'cost'], question)).toBeCloseTo(2 / 7);
  });

  it('is nothing with fewer than two of them, and one word cannot stand for two', () => {
    expect(closeness(['analyst', 'analyst'], question)).toBe(0);
    expect(closeness(['trade'], [concept('trade'), concept('export', 'trade')])).toBe(1);
  });
});
