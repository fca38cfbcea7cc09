/** Comparing computed values with reference values, within a tolerance. */

/** Relative and absolute tolerance: |a - e| <= abs + rel·|e|. */
export interface Tolerance {
  rel: number;
  abs: number;
}

/** The golden README's tolerances for single results and for training traces. */
export const TOLERANCE = {
  float64: { rel: 1e-9, abs: 1e-12 },
  float32: { rel: 1e-5, abs: 1e-6 },
  trainFloat64: { rel: 1e-7, abs: 1e-10 },
  trainFloat32: { rel: 1e-3, abs: 1e-5 },
} satisfies Record<string, Tolerance>;

/** Whether `actual` matches `expected`; NaN matches NaN and infinities match exactly. */
export function matches(actual: number, expected: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol.abs + tol.rel * Math.abs(expected);
}

/**
 * One line per mismatching element of two flat lists, at most `limit` lines,
 * each naming `what`, the index, the expected and the actual value.
 */
export function mismatches(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance,
  limit = 3,
): string[] {
  if (actual.length !== expected.length) {
    return [`${what}: expected ${expected.length} values, got ${actual.length}`];
  }
  const out: string[] = [];
  for (let i = 0; i < expected.length && out.length < limit; i++) {
    if (!matches(actual[i], expected[i], tol)) {
      out.push(`${what}[${i}]: expected ${expected[i]}, got ${actual[i]}`);
    }
  }
  return out;
}
