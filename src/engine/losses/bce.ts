/** BCELoss on probabilities, as torch.nn.BCELoss: log terms clamped at -100. */
import type { LossConfig } from '../config';
import { rounder, type Matrix } from '../tensor';
import {
  checkColumns,
  checkUnitInterval,
  columnValue,
  floatTarget,
  reduceElements,
  valuesFor,
} from './common';
import { LossError } from './errors';
import type { LossResult, Target } from './types';

/** PyTorch's floor of the gradient's denominator x(1 - x), a float32 constant. */
const epsilon = Math.fround(1e-12);

/**
 * loss = -w (y log x + (1 - y) log(1 - x)) for probabilities x in [0, 1], each log at
 * least -100; `grad` receives d sum(output) / d x.
 */
export function bceLoss(
  config: LossConfig,
  x: Matrix,
  target: Target,
  grad: Matrix,
): LossResult {
  const y = floatTarget('BCELoss', x, target);
  checkInputs(config, x, y);
  const r = rounder(x.dtype);
  const values = valuesFor(config.reduction, x.data.length);
  let sum = 0;
  for (let k = 0; k < x.data.length; k++) {
    const xk = x.data[k];
    const yk = y.data[k];
    const w = columnValue(config.weight, k % x.cols, r);
    const logX = Math.max(r(Math.log(xk)), -100);
    const log1mX = Math.max(r(Math.log1p(-xk)), -100);
    const loss = r(r(r(yk - 1) * log1mX) - r(yk * logX)) * w;
    // d loss / dx = w (x - y) / max(x (1 - x), ε)
    grad.data[k] = r(r(xk - yk) / Math.max(r(r(1 - xk) * xk), epsilon)) * w;
    sum += r(loss);
    if (values) values[k] = r(loss);
  }
  return reduceElements(config.reduction, sum, values, grad, r);
}

function checkInputs(config: LossConfig, x: Matrix, y: Matrix): void {
  checkColumns('BCELoss', 'weight', config.weight, x.cols, true);
  checkUnitInterval(
    x,
    (v, at) =>
      new LossError(
        'input_out_of_range',
        `BCELoss needs probabilities in [0, 1], got ${v} at ${at}: ` +
          'use BCEWithLogitsLoss on logits, or add a Sigmoid head',
      ),
  );
  checkUnitInterval(
    y,
    (v, at) =>
      new LossError(
        'target_out_of_range',
        `BCELoss needs targets in [0, 1], got ${v} at ${at}: ` +
          'use 0/1 labels or probabilities',
      ),
  );
}
