// Logistic regression by iteratively reweighted least squares (Newton's method), with an L2 penalty on the weights
// (not the bias): small, exact, and the same on every machine.

/** A fitted model: the bias, then one weight per feature column. */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

/** The logistic of the bias plus the weighted features. */
export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j += 1) z += (model.weights[j] as number) * (x[j] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Fits `y` (0 or 1) from rows `x`; `l2` is the penalty on each weight's square (half of it, as usual). */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], l2 = 1, iterations = 50): LogisticModel {
  const d = (x[0]?.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it += 1) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((row, i) => {
      const xi = [1, ...row];
      const p = predict({ bias: w[0] as number, weights: w.slice(1) }, row);
      const r = p - (y[i] as number);
      const s = p * (1 - p);
      for (let a = 0; a < d; a += 1) {
        gradient[a] = (gradient[a] as number) + r * (xi[a] as number);
        const ha = hessian[a] as number[];
        for (let b = a; b < d; b += 1) ha[b] = (ha[b] as number) + s * (xi[a] as number) * (xi[b] as number);
      }
    });
    for (let a = 0; a < d; a += 1) {
      const ha = hessian[a] as number[];
      for (let b = 0; b < a; b += 1) ha[b] = (hessian[b] as number[])[a] as number;
      if (a > 0) {
        gradient[a] = (gradient[a] as number) + l2 * (w[a] as number);
        ha[a] = (ha[a] as number) + l2;
      }
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let a = 0; a < d; a += 1) {
      w[a] = (w[a] as number) - (step[a] as number);
      largest = Math.max(largest, Math.abs(step[a] as number));
    }
    if (largest < 1e-9) break;
  }
  return { bias: w[0] as number, weights: w.slice(1) };
}

// Solves a · s = b by Gaussian elimination with partial pivoting (a is small and positive definite here).
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const top = m[col] as number[];
    const lead = (top[col] as number) || 1e-12;
    for (let r = col + 1; r < n; r += 1) {
      const row = m[r] as number[];
      const f = (row[col] as number) / lead;
      if (f === 0) continue;
      for (let c = col; c <= n; c += 1) row[c] = (row[c] as number) - f * (top[c] as number);
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    const row = m[r] as number[];
    let sum = row[n] as number;
    for (let c = r + 1; c < n; c += 1) sum -= (row[c] as number) * (s[c] as number);
    s[r] = sum / ((row[r] as number) || 1e-12);
  }
  return s;
}
