/** Loading the PyTorch reference cases of test/golden and comparing numbers to them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { matches, TOLERANCE, type Tolerance } from '../../src/engine/conformance/compare';
import { fromColumn, fromRows, type DType, type Matrix } from '../../src/engine/tensor';

/** A number, or nested arrays of numbers, as decoded from a golden file. */
export type Nested = number | Nested[];

/** The tolerances of test/golden/README.md for single cases (losses, heads). */
const caseTolerance: Record<DType, Tolerance> = {
  float64: TOLERANCE.float64,
  float32: TOLERANCE.float32,
};

/** One golden file: its generator, a note, and its cases with non-finite numbers decoded. */
export interface GoldenFile<Case> {
  generator: string;
  note?: string;
  cases: Case[];
}

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

/** Reads test/golden/`file` and turns "nan", "inf" and "-inf" into numbers. */
export function loadGolden<Case = Record<string, unknown>>(
  file: string,
): GoldenFile<Case> {
  const text = readFileSync(goldenDir + file, 'utf8');
  return decodeNonFinite(JSON.parse(text)) as GoldenFile<Case>;
}

/** Replaces the strings "nan", "inf" and "-inf" anywhere in `value` by NaN and ±Infinity. */
export function decodeNonFinite(value: unknown): unknown {
  if (value === 'nan') return NaN;
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  if (Array.isArray(value)) return value.map(decodeNonFinite);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = decodeNonFinite(v);
    return out;
  }
  return value;
}

/** The shape of a nested array: [] for a number, [N] for a vector, [N, C] for rows. */
export function shapeOf(value: Nested): number[] {
  if (!Array.isArray(value)) return [];
  return value.length === 0 ? [0] : [value.length, ...shapeOf(value[0])];
}

/** All numbers of a nested array, row by row. */
export function flatten(value: Nested | ArrayLike<number>): number[] {
  if (typeof value === 'number') return [value];
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const v = (value as ArrayLike<Nested>)[i];
    if (typeof v === 'number') out.push(v);
    else out.push(...flatten(v));
  }
  return out;
}

/** A golden input as a Matrix: a vector (N) becomes (N, 1), rows (N, C) stay as they are. */
export function toMatrix(value: Nested, dtype: DType): Matrix {
  const shape = shapeOf(value);
  if (shape.length === 1) return fromColumn(value as number[], dtype);
  if (shape.length === 2) return fromRows(value as number[][], dtype);
  throw new Error(`toMatrix: expected a vector or rows, got shape (${shape.join(', ')})`);
}

/**
 * Asserts that `actual` matches `expected` number by number, within the tolerance of
 * `dtype` (or `tol`); both may be numbers, nested arrays, typed arrays or a Matrix.
 */
export function expectClose(
  actual: Nested | ArrayLike<number> | Matrix,
  expected: Nested | ArrayLike<number> | Matrix,
  dtype: DType,
  tol: Partial<Tolerance> = {},
  label = '',
): void {
  const t = { ...caseTolerance[dtype], ...tol };
  const a = flatten(asNumbers(actual));
  const e = flatten(asNumbers(expected));
  expect(a.length, `${label} number of values`).toBe(e.length);
  const bad: string[] = [];
  for (let i = 0; i < e.length; i++) {
    if (!matches(a[i], e[i], t)) bad.push(`[${i}] got ${a[i]}, expected ${e[i]}`);
  }
  expect(bad, `${label} values outside rel ${t.rel}, abs ${t.abs}`).toEqual([]);
}

function asNumbers(
  value: Nested | ArrayLike<number> | Matrix,
): Nested | ArrayLike<number> {
  if (typeof value === 'object' && 'data' in value && 'rows' in value) return value.data;
  return value;
}
