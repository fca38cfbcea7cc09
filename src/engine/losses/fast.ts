/**
 * Direct paths for the two losses a training step usually takes: CrossEntropyLoss on class
 * indices and BCEWithLogitsLoss, without weights, smoothing or 'none'. They exist because the
 * general functions spend most of their time on options these cases do not have; they give
 * the very same numbers (every operation and rounding in the same order), only with less work.
 */
import type { LossConfig } from '../config';
import { type Matrix, unrounded } from '../tensor';
import { defaultIgnoreIndex } from './classes';
import type { Round } from './common';
import type { Target } from './types';

/**
 * The reduced loss, with d loss / d input written into `grad`, when a direct path takes this
 * case; undefined otherwise (and for any input or option it would refuse), for the general
 * path to take. `grad` must have the input's shape and dtype.
 */
export function fastLoss(
  config: LossConfig,
  input: Matrix,
  target: Target,
  grad: Matrix,
): number | undefined {
  if (!plainOptions(config)) return undefined;
  const mean = config.reduction === 'mean';
  if (config.name === 'CrossEntropyLoss' && target.kind === 'index') {
    if (!plainIndices(target.index, input, config.ignoreIndex)) return undefined;
    const { index } = target;
    return input.dtype === 'float32'
      ? crossEntropyFast(input, index, grad, mean, Math.fround)
      : crossEntropyFast(input, index, grad, mean, unrounded);
  }
  if (config.name === 'BCEWithLogitsLoss' && target.kind === 'float') {
    if ((config.ignoreIndex ?? defaultIgnoreIndex) !== defaultIgnoreIndex)
      return undefined;
    if (!plainBinary(input, target.values)) return undefined;
    const y = target.values;
    return input.dtype === 'float32'
      ? bceWithLogitsFast(input, y, grad, mean, Math.fround)
      : bceWithLogitsFast(input, y, grad, mean, unrounded);
  }
  return undefined;
}

// The rounding is a constant at each call above so that the compiler inlines it: one chosen
// at run time stays a function call per operation, which boxes every number it returns.

/**
 * Whether the options are those of the direct paths: reduction 'mean' or 'sum', no weight,
 * posWeight or labelSmoothing. Any such options pass the general checks, which the direct
 * paths therefore skip.
 */
function plainOptions(config: LossConfig): boolean {
  const { reduction } = config;
  if (reduction !== 'mean' && reduction !== 'sum') return false;
  if (config.weight !== undefined || config.posWeight !== undefined) return false;
  return (config.labelSmoothing ?? 0) === 0;
}

/** Whether there is one index per row, each a class in [0, C) and none ignored. */
function plainIndices(index: Int32Array, input: Matrix, ignoreIndex?: number): boolean {
  if (index.length !== input.rows) return false;
  const ignored = ignoreIndex ?? defaultIgnoreIndex;
  for (let i = 0; i < index.length; i++) {
    const t = index[i];
    if (!(t >= 0 && t < input.cols) || t === ignored) return false;
  }
  return true;
}

/** Whether logits are finite and targets in [0, 1], in the same shape. */
function plainBinary(x: Matrix, y: Matrix): boolean {
  if (x.rows !== y.rows || x.cols !== y.cols) return false;
  const X = x.data;
  const Y = y.data;
  for (let k = 0; k < X.length; k++) {
    if (!Number.isFinite(X[k]) || !(Y[k] >= 0 && Y[k] <= 1)) return false;
  }
  return true;
}

/**
 * loss_i = -log softmax(logits_i)[t_i], summed or averaged over rows; grad holds
 * d loss / d logits = p - onehot(t), scaled by 1/N for 'mean', computed as log-softmax's
 * backward: g - exp(logProbs) · Σ g with g = -1/N at the target.
 */
function crossEntropyFast(
  logits: Matrix,
  index: Int32Array,
  grad: Matrix,
  mean: boolean,
  r: Round,
): number {
  const N = index.length;
  const coefficient = mean ? r(1 / N) : 1;
  let nllSum = 0;
  for (let i = 0; i < N; i++) {
    logSoftmaxRow(logits, grad, i, r);
    const at = i * grad.cols + index[i];
    nllSum += r(-grad.data[at]);
    logSoftmaxGradRow(grad, i, at, -coefficient, r);
  }
  return mean ? r(r(nllSum) / r(N)) : r(nllSum);
}

/** Row i of `out` = log softmax of row i of `x`: (x_j - max) - log Σ_k exp(x_k - max). */
function logSoftmaxRow(x: Matrix, out: Matrix, i: number, r: Round): void {
  const X = x.data;
  const C = x.cols;
  const off = i * C;
  let max = -Infinity;
  for (let j = off; j < off + C; j++) max = Math.max(max, X[j]);
  let sum = 0;
  for (let j = off; j < off + C; j++) sum += r(Math.exp(r(X[j] - max)));
  const logSum = r(Math.log(r(sum)));
  for (let j = off; j < off + C; j++) out.data[j] = r(X[j] - max) - logSum;
}

// dx_j = g_j - exp(logProbs_j) · Σ_k g_k, with g = `g` at `at` and 0 elsewhere
function logSoftmaxGradRow(
  grad: Matrix,
  i: number,
  at: number,
  g: number,
  r: Round,
): void {
  const G = grad.data;
  const off = i * grad.cols;
  for (let j = off; j < off + grad.cols; j++) {
    const p = r(Math.exp(G[j]));
    G[j] = (j === at ? g : 0) - r(p * g);
  }
}

/**
 * loss = (1 - y) x + max(-x, 0) + log(1 + exp(-|x|)) and grad = σ(x) - y per element, summed or
 * averaged; exp(-|x|) is what the general form's two exponentials reduce to for finite x. No
 * branch on the sign of x: one first taken late in a run would undo the compiled code.
 */
function bceWithLogitsFast(
  x: Matrix,
  y: Matrix,
  grad: Matrix,
  mean: boolean,
  r: Round,
): number {
  const X = x.data;
  const Y = y.data;
  const G = grad.data;
  const n = X.length;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const xk = X[k];
    const yk = Y[k];
    const onePlusExp = r(1 + r(Math.exp(-Math.abs(xk))));
    const m = Math.max(-xk, 0);
    const linear = r(r(1 - yk) * xk);
    sum += r(r(linear + m) + r(Math.log(onePlusExp)));
    // σ(x) = 1 / (1 + exp(-x))
    const s = r(1 / r(1 + r(Math.exp(-xk))));
    G[k] = mean ? r(s - yk) / n : r(s - yk);
  }
  return mean ? r(r(sum) / n) : r(sum);
}
