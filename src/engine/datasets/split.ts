/** Seeded train/test split, standardisation with training statistics, and plotting bounds. */
import type { Rng } from '../rng';
import { zeros, type DType, type Matrix } from '../tensor';
import type { Split, Table } from './types';

/** The split parts of a table, with the statistics used to standardise them. */
export interface SplitResult {
  train: Split;
  test: Split;
  mean: number[];
  std: number[];
  extent: { min: number[]; max: number[] };
}

/**
 * Shuffles the rows with `rng`, holds out round(n * testFraction) of them as the test split,
 * and, if `standardise`, maps every feature to (x - mean) / std with the training mean and
 * population std (a constant feature keeps std 1).
 */
export function splitTable(
  table: Table,
  testFraction: number,
  rng: Rng,
  dtype: DType,
  standardise: boolean,
): SplitResult {
  const order = rng.permutation(table.n);
  const nTest = Math.round(table.n * testFraction);
  const trainRows = order.subarray(0, table.n - nTest);
  const testRows = order.subarray(table.n - nTest);

  const { mean, std } = standardise ? moments(table, trainRows) : identity(table.f);
  const train = gather(table, trainRows, mean, std, dtype);
  const test = gather(table, testRows, mean, std, dtype);
  return { train, test, mean, std, extent: extentOf(train.x) };
}

/** Mean 0 and std 1 for every feature: standardisation that changes nothing. */
function identity(f: number): { mean: number[]; std: number[] } {
  return { mean: new Array<number>(f).fill(0), std: new Array<number>(f).fill(1) };
}

/** Per-feature mean and population std over the listed rows (std 1 where it would be 0). */
function moments(table: Table, rows: Int32Array): { mean: number[]; std: number[] } {
  const { f, x } = table;
  const mean = new Array<number>(f).fill(0);
  const std = new Array<number>(f).fill(0);
  for (const r of rows) for (let j = 0; j < f; j++) mean[j] += x[r * f + j];
  for (let j = 0; j < f; j++) mean[j] /= rows.length;
  for (const r of rows)
    for (let j = 0; j < f; j++) std[j] += (x[r * f + j] - mean[j]) ** 2;
  for (let j = 0; j < f; j++) {
    const s = Math.sqrt(std[j] / rows.length);
    std[j] = s > 0 ? s : 1;
  }
  return { mean, std };
}

/** The listed rows as a Split in `dtype`, features mapped to (x - mean) / std. */
function gather(
  table: Table,
  rows: Int32Array,
  mean: number[],
  std: number[],
  dtype: DType,
): Split {
  const { f, l } = table;
  const x = zeros(rows.length, f, dtype);
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < f; j++)
      x.data[i * f + j] = (table.x[rows[i] * f + j] - mean[j]) / std[j];
  }
  if (table.task !== 'multilabel') {
    return { x, y: Int32Array.from(rows, (r) => table.y[r]) };
  }
  const y = zeros(rows.length, l, dtype);
  for (let i = 0; i < rows.length; i++) {
    for (let k = 0; k < l; k++) y.data[i * l + k] = table.y[rows[i] * l + k];
  }
  return { x, y };
}

/** Per-column minimum and maximum of `m` (0 and 0 for an empty matrix). */
function extentOf(m: Matrix): { min: number[]; max: number[] } {
  const min = new Array<number>(m.cols).fill(Infinity);
  const max = new Array<number>(m.cols).fill(-Infinity);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const v = m.data[i * m.cols + j];
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
    }
  }
  if (m.rows === 0) return { min: min.fill(0), max: max.fill(0) };
  return { min, max };
}
