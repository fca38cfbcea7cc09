/** The target and the result of a loss. */
import type { Matrix } from '../tensor';

/** Class indices, one per row (shape N), or float values of the input's shape (N, C). */
export type Target =
  { kind: 'index'; index: Int32Array } | { kind: 'float'; values: Matrix };

/** A loss value and its gradient with respect to the input. */
export interface LossResult {
  /** The reduced loss (for reduction 'none': the sum, for convenience). */
  value: number;
  /** Per-element (BCE, MSE: N*C) or per-row (CE, NLL: N) losses when reduction is 'none'. */
  values?: Float64Array;
  /** d sum(output) / d input, same shape as input. */
  grad: Matrix;
}
