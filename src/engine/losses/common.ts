/**
 * What the losses share: checks of shapes, targets and options, per-column parameters,
 * and reductions of per-element losses.
 */
import type { LossConfig, LossName, Reduction } from '../config';
import type { Matrix } from '../tensor';
import { LossError } from './errors';
import type { LossResult, Target } from './types';

/** Rounds a number to the run's dtype (Math.fround in float32). */
export type Round = (v: number) => number;

/** "row 2" for a vector, "row 2, column 1" for rows of several columns. */
export function where(m: Matrix, k: number): string {
  const row = Math.floor(k / m.cols);
  return m.cols === 1 ? `row ${row}` : `row ${row}, column ${k % m.cols}`;
}

/** The (rows, cols) of `m` as text. */
export function shapeText(m: Matrix): string {
  return `(${m.rows}, ${m.cols})`;
}

/** The target as a float matrix of the input's shape, or a refusal saying what to pass. */
export function floatTarget(name: LossName, input: Matrix, target: Target): Matrix {
  if (target.kind !== 'float') {
    throw new LossError(
      'invalid',
      `${name} needs float targets of shape ${shapeText(input)}, ` +
        'got class indices: one-hot encode them, or use CrossEntropyLoss',
    );
  }
  const t = target.values;
  if (t.rows !== input.rows || t.cols !== input.cols) {
    throw new LossError(
      'shape_mismatch',
      `${name} needs input and target of the same shape, ` +
        `got input ${shapeText(input)} and target ${shapeText(t)}: give one target per output`,
    );
  }
  return t;
}

/** Refuses any value of `m` outside [0, 1] (NaN included), naming the first one. */
export function checkUnitInterval(
  m: Matrix,
  refuse: (v: number, at: string) => LossError,
): void {
  for (let k = 0; k < m.data.length; k++) {
    const v = m.data[k];
    if (!(v >= 0 && v <= 1)) throw refuse(v, where(m, k));
  }
}

/** Refuses a per-column option (weight, posWeight) that is neither one value nor one per column. */
export function checkColumns(
  name: LossName,
  option: string,
  values: number[] | undefined,
  cols: number,
  allowOne: boolean,
): void {
  if (values === undefined) return;
  if (values.length === cols || (allowOne && values.length === 1)) return;
  const one = allowOne ? 'one value or ' : '';
  throw new LossError(
    'shape_mismatch',
    `${name} ${option} needs ${one}one value per class ` +
      `(${cols}), got ${values.length}`,
  );
}

/** The option value for column `c`: `values` broadcast over columns, 1 when absent. */
export function columnValue(values: number[] | undefined, c: number, r: Round): number {
  if (values === undefined) return 1;
  return r(values[values.length === 1 ? 0 : c]);
}

/** Refuses options that `name` does not take when they are set to a non-default value. */
export function checkOptions(config: LossConfig): void {
  const { name } = config;
  if (config.posWeight !== undefined && name !== 'BCEWithLogitsLoss') {
    throw refuseOption(name, 'posWeight', 'BCEWithLogitsLoss');
  }
  if ((config.labelSmoothing ?? 0) !== 0 && name !== 'CrossEntropyLoss') {
    throw refuseOption(name, 'labelSmoothing', 'CrossEntropyLoss');
  }
  const ignoring = (config.ignoreIndex ?? -100) !== -100;
  if (ignoring && name !== 'CrossEntropyLoss' && name !== 'NLLLoss') {
    throw refuseOption(name, 'ignoreIndex', 'CrossEntropyLoss and NLLLoss');
  }
  if (config.weight !== undefined && name === 'MSELoss') {
    throw refuseOption(
      name,
      'weight',
      'BCELoss, BCEWithLogitsLoss, CrossEntropyLoss and NLLLoss',
    );
  }
  const r = config.reduction;
  if (r !== 'mean' && r !== 'sum' && r !== 'none') {
    throw new LossError(
      'invalid',
      `${name} reduction must be mean, sum or none, ` +
        `got "${String(config.reduction)}"`,
    );
  }
}

/** The refusal of an option `name` does not take, naming the losses that take it. */
function refuseOption(name: LossName, option: string, takers: string): LossError {
  return new LossError(
    'invalid',
    `${name} has no ${option}: it is an option of ${takers}`,
  );
}

/** An array for the per-element or per-row losses when the reduction is 'none'. */
export function valuesFor(reduction: Reduction, n: number): Float64Array | undefined {
  return reduction === 'none' ? new Float64Array(n) : undefined;
}

/**
 * Finishes an element-wise loss whose `grad` holds d loss_k / d input_k: 'mean' divides the
 * sum and every gradient by the number of elements; 'none' reports `values` and their sum.
 */
export function reduceElements(
  reduction: Reduction,
  sum: number,
  values: Float64Array | undefined,
  grad: Matrix,
  r: Round,
): LossResult {
  if (reduction === 'none') return { value: sum, values, grad };
  if (reduction === 'sum') return { value: r(sum), grad };
  const n = grad.data.length;
  for (let k = 0; k < n; k++) grad.data[k] = grad.data[k] / n;
  return { value: r(r(sum) / n), grad };
}
