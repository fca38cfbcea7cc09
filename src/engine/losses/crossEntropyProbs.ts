/** CrossEntropyLoss with probability targets, as torch.nn.CrossEntropyLoss given (N, C) targets. */
import type { LossConfig } from '../config';
import { headForward } from '../heads';
import { rounder, type Matrix } from '../tensor';
import {
  checkColumns,
  checkUnitInterval,
  columnValue,
  floatTarget,
  valuesFor,
} from './common';
import { LossError } from './errors';
import type { LossResult, Target } from './types';

/**
 * loss_i = -Σ_c w[c] · q[i, c] · log p[i, c] with p = softmax(logits) and q the target
 * smoothed as q (1 - ε) + ε / C; 'mean' divides by N whatever the weights.
 */
export function crossEntropyProbsLoss(
  config: LossConfig,
  logits: Matrix,
  target: Target,
  grad: Matrix,
): LossResult {
  const q = checkedTarget(config, logits, target);
  const r = rounder(logits.dtype);
  const mean = config.reduction === 'mean';
  const scale = mean ? r(1 / logits.rows) : 1;
  const values = valuesFor(config.reduction, logits.rows);
  headForward('log_softmax', logits, grad);
  let sum = 0;
  for (let i = 0; i < logits.rows; i++) {
    const rowSum = rowGradient(config, grad, q, i, scale, r);
    sum += rowSum;
    if (values) values[i] = -rowSum;
  }
  if (values) return { value: -sum, values, grad };
  return { value: mean ? r(r(-sum) / logits.rows) : -r(sum), grad };
}

/**
 * Returns Σ_c w[c] q[c] log p[c] of row i and overwrites the row of `grad`, which holds
 * log-probabilities, with d loss / d logits.
 */
function rowGradient(
  config: LossConfig,
  grad: Matrix,
  q: Matrix,
  i: number,
  scale: number,
  r: (v: number) => number,
): number {
  const C = grad.cols;
  const epsilon = config.labelSmoothing ?? 0;
  const row = grad.data.subarray(i * C, (i + 1) * C);
  const smoothed = (c: number): number => {
    const t = q.data[i * C + c];
    return epsilon > 0 ? r(r(t * r(1 - epsilon)) + r(epsilon / C)) : t;
  };
  // g_c = d loss / d logProbs[c] = -w[c] q[c];  d loss / d logits[c] = g_c - p_c · Σ_k g_k
  const g = (c: number): number =>
    r(r(-scale * columnValue(config.weight, c, r)) * smoothed(c));
  let loss = 0;
  let sum = 0;
  for (let c = 0; c < C; c++) {
    loss += r(r(row[c] * smoothed(c)) * columnValue(config.weight, c, r));
    sum += g(c);
  }
  sum = r(sum);
  for (let c = 0; c < C; c++) row[c] = g(c) - r(r(Math.exp(row[c])) * sum);
  return r(loss);
}

function checkedTarget(config: LossConfig, logits: Matrix, target: Target): Matrix {
  const q = floatTarget('CrossEntropyLoss', logits, target);
  checkColumns('CrossEntropyLoss', 'weight', config.weight, logits.cols, false);
  checkUnitInterval(
    q,
    (v, at) =>
      new LossError(
        'target_out_of_range',
        `CrossEntropyLoss needs target probabilities in [0, 1], got ${v} at ${at}: ` +
          'pass class indices, or one probability per class',
      ),
  );
  return q;
}
