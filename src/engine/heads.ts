/**
 * The head after the last Linear layer, applied row-wise over the class axis (cols):
 * identity, sigmoid, softmax or log-softmax. Stable for any finite logits; in float32
 * every step is rounded as PyTorch's float32 CPU kernels round it.
 */
import { sigmoid } from './activations';
import type { HeadName } from './config';
import { rounder, type Matrix } from './tensor';

type Round = (v: number) => number;

/** out = head(logits), row by row; `out` has the shape of `logits` and may not alias it. */
export function headForward(head: HeadName, logits: Matrix, out: Matrix): void {
  const r = rounder(logits.dtype);
  switch (head) {
    case 'none':
      out.data.set(logits.data);
      return;
    case 'sigmoid':
      for (let i = 0; i < logits.data.length; i++) {
        out.data[i] = sigmoid(logits.data[i], r);
      }
      return;
    case 'softmax':
      for (let off = 0; off < size(logits); off += logits.cols) {
        softmaxRow(logits, out, off, r);
      }
      return;
    case 'log_softmax':
      for (let off = 0; off < size(logits); off += logits.cols) {
        logSoftmaxRow(logits, out, off, r);
      }
      return;
  }
  throw unknownHead(head);
}

/**
 * dLogits = dOut · ∂out/∂logits, row by row, from the forward pass's `logits` and `out`;
 * `dLogits` may alias `dOut`.
 */
export function headBackward(
  head: HeadName,
  logits: Matrix,
  out: Matrix,
  dOut: Matrix,
  dLogits: Matrix,
): void {
  const r = rounder(logits.dtype);
  switch (head) {
    case 'none':
      if (dLogits !== dOut) dLogits.data.set(dOut.data);
      return;
    case 'sigmoid':
      sigmoidBackward(out, dOut, dLogits, r);
      return;
    case 'softmax':
      for (let off = 0; off < size(out); off += out.cols) {
        softmaxRowBackward(out, dOut, dLogits, off, r);
      }
      return;
    case 'log_softmax':
      for (let off = 0; off < size(out); off += out.cols) {
        logSoftmaxRowBackward(out, dOut, dLogits, off, r);
      }
      return;
  }
  throw unknownHead(head);
}

function unknownHead(head: never): Error {
  return new Error(
    `head: unknown name "${String(head)}"; use none, sigmoid, softmax or ` +
      'log_softmax',
  );
}

/** The number of values of `m`; a row loop ends here even when cols is 0. */
function size(m: Matrix): number {
  return m.cols === 0 ? 0 : m.rows * m.cols;
}

/** The largest value of the row starting at `off`. */
function rowMax(m: Matrix, off: number): number {
  let max = -Infinity;
  for (let j = off; j < off + m.cols; j++) max = Math.max(max, m.data[j]);
  return max;
}

// dx = dy · (1 - y) · y
function sigmoidBackward(y: Matrix, dy: Matrix, dx: Matrix, r: Round): void {
  for (let i = 0; i < y.data.length; i++) {
    const v = y.data[i];
    dx.data[i] = r(dy.data[i] * r(1 - v)) * v;
  }
}

/** y_j = exp(x_j - max) / Σ_k exp(x_k - max) over one row. */
function softmaxRow(x: Matrix, y: Matrix, off: number, r: Round): void {
  const max = rowMax(x, off);
  let sum = 0;
  for (let j = off; j < off + x.cols; j++) {
    const e = r(Math.exp(r(x.data[j] - max)));
    y.data[j] = e;
    sum += e;
  }
  const inverse = r(1 / r(sum));
  for (let j = off; j < off + x.cols; j++) y.data[j] = y.data[j] * inverse;
}

// dx_j = y_j · (dy_j - Σ_k dy_k y_k)
function softmaxRowBackward(
  y: Matrix,
  dy: Matrix,
  dx: Matrix,
  off: number,
  r: Round,
): void {
  let dot = 0;
  for (let j = off; j < off + y.cols; j++) dot += r(dy.data[j] * y.data[j]);
  dot = r(dot);
  for (let j = off; j < off + y.cols; j++) dx.data[j] = y.data[j] * r(dy.data[j] - dot);
}

/** y_j = (x_j - max) - log Σ_k exp(x_k - max) over one row. */
function logSoftmaxRow(x: Matrix, y: Matrix, off: number, r: Round): void {
  const max = rowMax(x, off);
  let sum = 0;
  for (let j = off; j < off + x.cols; j++) sum += r(Math.exp(r(x.data[j] - max)));
  const logSum = r(Math.log(r(sum)));
  for (let j = off; j < off + x.cols; j++) y.data[j] = r(x.data[j] - max) - logSum;
}

// dx_j = dy_j - exp(y_j) · Σ_k dy_k
function logSoftmaxRowBackward(
  y: Matrix,
  dy: Matrix,
  dx: Matrix,
  off: number,
  r: Round,
): void {
  let sum = 0;
  for (let j = off; j < off + y.cols; j++) sum += dy.data[j];
  sum = r(sum);
  for (let j = off; j < off + y.cols; j++) {
    dx.data[j] = dy.data[j] - r(r(Math.exp(y.data[j])) * sum);
  }
}
