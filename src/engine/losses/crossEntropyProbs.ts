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
  type Round,
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
  r: Round,
): number {
  const C = grad.cols;
  const off = i * C;
  let loss = 0;
  let sum = 0;
  for (let c = 0; c < C; c++) {
    const w = columnValue(config.weight, c, r);
    const qc = smoothed(config, q, off + c, r);
    loss += r(r(grad.data[off + c] * qc) * w);
    sum += r(r(-scale * w) * qc);
  }
  sum = r(sum);
  // g_c = d loss / d logProbs[c] = -w[c] q[c];  d loss / d logits[c] = g_c - p_c · Σ_k g_k
  for (let c = 0; c < C; c++) {
    const g = r(
      r(-scale * columnValue(config.weight, c, r)) * smoothed(config, q, off + c, r),
    );
    grad.data[off + c] = g - r(r(Math.exp(grad.data[off + c])) * sum);
  }
  return r(loss);
}

/** The target probability at `k`, smoothed as q (1 - ε) + ε / C when labelSmoothing ε > 0. */
function smoothed(config: LossConfig, q: Matrix, k: number, r: Round): number {
  const epsilon = config.labelSmoothing ?? 0;
  if (epsilon === 0) return q.data[k];
  return r(r(q.data[k] * r(1 - epsilon)) + r(epsilon / q.cols));
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
