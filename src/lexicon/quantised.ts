// The form word vectors are held in: unit length, each component a signed byte, so a dot product of two is their cosine.

/** Dimensions of the vectors. */
export const DIMENSIONS = 100;
/** Vectors are unit length, each component a signed byte: a dot product over `SCALE²` is the cosine. */
export const SCALE = 127;

/** The dot product of the vector at `i` of `a` and the vector at `j` of `b` (divide by `SCALE²` for the cosine). */
export function dot(a: Int8Array, i: number, b: Int8Array, j: number): number {
  let sum = 0;
  for (let d = 0; d < DIMENSIONS; d += 1) sum += (a[i + d] as number) * (b[j + d] as number);
  return sum;
}
