// The fitter behind `npm run fit`: it recovers the weights that made the data, and the penalty pulls them in.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../helpers/seeded-random.js';
import { fitLogistic, predict } from './logistic.js';

describe('fitLogistic', () => {
  const next = seededRandom(7);
  const truth = { bias: -1, weights: [2, -3, 0] };
  const x = Array.from({ length: 4_000 }, () => [next(), next(), next()]);
  const y: number[] = x.map((row) => (next() < predict(truth, row) ? 1 : 0));

  it('recovers the weights the data came from', () => {
    const model = fitLogistic(x, y, 0);
    expect(model.bias).toBeCloseTo(truth.bias, 0);
    model.weights.forEach((w, i) => expect(Math.abs(w - (truth.weights[i] as number))).toBeLessThan(0.4));
  });

  it('pulls the weights towards zero as the penalty grows, never the bias', () => {
    const loose = fitLogistic(x, y, 0);
    const tight = fitLogistic(x, y, 2_000);
    expect(Math.abs(tight.weights[1] as number)).toBeLessThan(Math.abs(loose.weights[1] as number) / 2);
    // With the weights held near zero, the bias alone matches the share of ones.
    const share = y.reduce((a, b) => a + b, 0) / y.length;
    expect(predict({ bias: tight.bias, weights: [0, 0, 0] }, [0, 0, 0])).toBeCloseTo(share, 1);
  });
});
