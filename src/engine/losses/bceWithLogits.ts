/** BCEWithLogitsLoss on logits, as torch.nn.BCEWithLogitsLoss, in its stable log-sum-exp form. */
import { sigmoid } from '../activations';
import type { LossConfig } from '../config';
import { rounder, type Matrix } from '../tensor';
import {
  checkColumns,
  checkUnitInterval,
  columnValue,
  floatTarget,
  reduceElements,
  valuesFor,
  type Round,
} from './common';
import { LossError } from './errors';
import type { LossResult, Target } from './types';

/**
 * loss = w ((1 - y) x + (1 + (p - 1) y) log(1 + exp(-x))) with p = posWeight, computed as
 * PyTorch does with m = max(-x, 0); `grad` receives d sum(output) / d x.
 */
export function bceWithLogitsLoss(
  config: LossConfig,
  x: Matrix,
  target: Target,
  grad: Matrix,
): LossResult {
  const y = floatTarget('BCEWithLogitsLoss', x, target);
  checkInputs(config, x, y);
  const r = rounder(x.dtype);
  const { posWeight } = config;
  const values = valuesFor(config.reduction, x.data.length);
  let sum = 0;
  for (let k = 0; k < x.data.length; k++) {
    const xk = x.data[k];
    const yk = y.data[k];
    const w = columnValue(config.weight, k % x.cols, r);
    const p = posWeight === undefined ? undefined : columnValue(posWeight, k % x.cols, r);
    const loss = r(elementLoss(xk, yk, p, r) * w);
    grad.data[k] = r(elementGrad(xk, yk, p, r) * w);
    sum += loss;
    if (values) values[k] = loss;
  }
  return reduceElements(config.reduction, sum, values, grad, r);
}

/** (1 - y) x + m + l · log(exp(-m) + exp(-x - m)), l = 1 + (p - 1) y, m = max(-x, 0). */
function elementLoss(x: number, y: number, p: number | undefined, r: Round): number {
  const m = Math.max(-x, 0);
  const logTerm = r(Math.log(r(r(Math.exp(-m)) + r(Math.exp(r(-x - m))))));
  const linear = r(r(1 - y) * x);
  if (p === undefined) return r(r(linear + m) + logTerm);
  const logWeight = r(r(r(p - 1) * y) + 1);
  return r(linear + r(logWeight * r(logTerm + m)));
}

// d loss / dx = σ(x) - y, or with posWeight p: (p y + 1 - y) σ(x) - p y
function elementGrad(x: number, y: number, p: number | undefined, r: Round): number {
  const s = sigmoid(x, r);
  if (p === undefined) return r(s - y);
  const py = r(p * y);
  return r(r(r(r(py + 1) - y) * s) - py);
}

function checkInputs(config: LossConfig, x: Matrix, y: Matrix): void {
  checkColumns('BCEWithLogitsLoss', 'weight', config.weight, x.cols, true);
  checkColumns('BCEWithLogitsLoss', 'posWeight', config.posWeight, x.cols, true);
  checkUnitInterval(
    y,
    (v, at) =>
      new LossError(
        'target_out_of_range',
        `BCEWithLogitsLoss needs targets in [0, 1], got ${v} at ${at}: ` +
          'use 0/1 labels or probabilities',
      ),
  );
}
