/** Checking one loss or head reference case: value and gradient, or the refusal PyTorch gives. */
import { headBackward, headForward } from '../heads';
import { activation } from '../activations';
import type { HeadName } from '../config';
import { computeLoss, LossError, type Target } from '../losses';
import { type DType, fromColumn, fromRows, type Matrix, zeros } from '../tensor';
import { mismatches, TOLERANCE } from './compare';
import { decode, lossConfigFrom } from './options';

/** Nested arrays of numbers as reference files hold them. */
export type Nested = number | string | Nested[];

/** A loss case: one loss module applied to one input and target. */
export interface LossCase {
  id: string;
  dtype: DType;
  loss: string;
  options?: Record<string, unknown>;
  input: Nested;
  target: Nested;
  target_kind: 'index' | 'float';
  expected: { value?: Nested; grad?: Nested; error?: string };
}

/** A head case: an element-wise or row-wise function and its gradient against `upstream`. */
export interface HeadCase {
  id: string;
  dtype: DType;
  op: string;
  input: Nested;
  upstream: Nested;
  expected: { value: Nested; grad: Nested };
}

/** All numbers of a nested array in row order, non-finite strings decoded. */
export function flat(v: Nested): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [decode(v)];
}

/** A vector (N) as an (N, 1) matrix, rows (N, C) as they are. */
function matrixOf(v: Nested, dtype: DType): Matrix {
  if (!Array.isArray(v)) throw new Error('expected an array input');
  if (!Array.isArray(v[0])) return fromColumn(flat(v), dtype);
  return fromRows((v as Nested[]).map(flat), dtype);
}

/** Failure lines of one loss case; empty when it matches the reference. */
export function checkLoss(c: LossCase): string[] {
  const config = lossConfigFrom(c.loss, c.options);
  const input = matrixOf(c.input, c.dtype);
  const target: Target =
    c.target_kind === 'index'
      ? { kind: 'index', index: Int32Array.from(flat(c.target)) }
      : { kind: 'float', values: matrixOf(c.target, c.dtype) };
  let result;
  try {
    result = computeLoss(config, input, target);
  } catch (e) {
    if (!(e instanceof LossError)) throw e;
    if (c.expected.error) return [];
    return [`expected a value, got the error ${e.code}: ${e.message}`];
  }
  if (c.expected.error)
    return [`expected the error ${c.expected.error}, got a value ${result.value}`];
  const tol = TOLERANCE[c.dtype];
  const value =
    config.reduction === 'none' ? Array.from(result.values ?? []) : [result.value];
  return [
    ...mismatches('value', value, flat(c.expected.value ?? []), tol),
    ...mismatches('grad', result.grad.data, flat(c.expected.grad ?? []), tol),
  ];
}

/** Failure lines of one head or activation case; empty when it matches the reference. */
export function checkHead(c: HeadCase): string[] {
  const x = matrixOf(c.input, c.dtype);
  const upstream = matrixOf(c.upstream, c.dtype);
  const y = zeros(x.rows, x.cols, c.dtype);
  const dx = zeros(x.rows, x.cols, c.dtype);
  const head = HEADS[c.op];
  if (head) {
    headForward(head, x, y);
    headBackward(head, x, y, upstream, dx);
  } else if (c.op === 'ReLU' || c.op === 'Tanh') {
    const act = activation(c.op === 'ReLU' ? 'relu' : 'tanh');
    act.forward(x, y);
    act.backward(x, y, upstream, dx);
  } else {
    return [`unknown op "${c.op}": use Sigmoid, Softmax, LogSoftmax, ReLU or Tanh`];
  }
  const tol = TOLERANCE[c.dtype];
  return [
    ...mismatches('value', y.data, flat(c.expected.value), tol),
    ...mismatches('grad', dx.data, flat(c.expected.grad), tol),
  ];
}

/** Reference op names of the row-wise heads. */
const HEADS: Record<string, HeadName> = {
  Sigmoid: 'sigmoid',
  Softmax: 'softmax',
  LogSoftmax: 'log_softmax',
};
