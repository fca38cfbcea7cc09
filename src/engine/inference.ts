/** Reading a model's outputs: probabilities, predictions and how they are decided. */
import type { HeadName, LossName } from './config';
import type { Task } from './datasets';
import { headForward } from './heads';
import { type Matrix, zeros } from './tensor';

/** How outputs become probabilities and predictions for one run. */
export interface Reading {
  task: Task;
  head: HeadName;
  loss: LossName;
  /** Probability above which a binary or multi-label output counts as positive. */
  threshold: number;
}

/**
 * Probabilities from the model's output (after its head), same shape: the head's own output
 * for Sigmoid and Softmax, exp of LogSoftmax, and for raw logits sigmoid (one unit or
 * multi-label) or softmax (several classes). MSELoss outputs are read as clipped probabilities.
 */
export function probabilities(out: Matrix, r: Reading): Matrix {
  const probs = zeros(out.rows, out.cols, out.dtype);
  if (r.head === 'sigmoid' || r.head === 'softmax') probs.data.set(out.data);
  else if (r.head === 'log_softmax')
    out.data.forEach((v, i) => (probs.data[i] = Math.exp(v)));
  else if (r.loss === 'MSELoss') out.data.forEach((v, i) => (probs.data[i] = clip01(v)));
  else headForward(usesSigmoid(r, out.cols) ? 'sigmoid' : 'softmax', out, probs);
  return probs;
}

/** Whether raw logits of this run are read one by one through a sigmoid. */
function usesSigmoid(r: Reading, cols: number): boolean {
  return cols === 1 || r.task === 'multilabel' || r.loss === 'BCEWithLogitsLoss';
}

/** The rule that turns probabilities into a prediction, in words. */
export function predictionRule(r: Reading, cols: number): string {
  if (r.task === 'multilabel' || cols === 1) {
    const logit = r.threshold === 0.5 && r.head === 'none' ? ' (logit > 0)' : '';
    return `positive when probability > ${r.threshold}${logit}`;
  }
  return 'argmax: the class with the largest probability';
}

/** Predicted class per row (binary, multiclass), or the 0/1 label matrix (multi-label). */
export function predictions(probs: Matrix, r: Reading): Int32Array {
  const n = probs.rows;
  const c = probs.cols;
  if (r.task === 'multilabel')
    return Int32Array.from(probs.data, (p) => (p > r.threshold ? 1 : 0));
  const pred = new Int32Array(n);
  for (let i = 0; i < n; i++)
    pred[i] = c === 1 ? +(probs.data[i] > r.threshold) : argmax(probs, i);
  return pred;
}

/** Index of the largest value in row `i`. */
export function argmax(m: Matrix, i: number): number {
  let best = 0;
  for (let j = 1; j < m.cols; j++)
    if (m.data[i * m.cols + j] > m.data[i * m.cols + best]) best = j;
  return best;
}

/** Fraction of correct predictions; multi-label counts every label of every row. */
export function accuracy(pred: Int32Array, y: Int32Array | Matrix): number {
  const truth = y instanceof Int32Array ? y : y.data;
  let right = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === truth[i]) right++;
  return pred.length === 0 ? NaN : right / pred.length;
}

/**
 * counts[t][p]: rows of true class t predicted as p. For multi-label, one 2 x 2 matrix per
 * label would be needed; this returns the matrix summed over labels.
 */
export function confusionMatrix(
  pred: Int32Array,
  y: Int32Array | Matrix,
  classes: number,
): number[][] {
  const k = y instanceof Int32Array ? classes : 2;
  const counts = Array.from({ length: k }, () => Array<number>(k).fill(0));
  const truth = y instanceof Int32Array ? y : y.data;
  for (let i = 0; i < pred.length; i++) counts[truth[i]][pred[i]] += 1;
  return counts;
}

/** p clipped into [0, 1]. */
function clip01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
