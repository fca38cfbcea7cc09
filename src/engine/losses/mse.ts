/** MSELoss, as torch.nn.MSELoss. */
import type { LossConfig } from '../config';
import { rounder, type Matrix } from '../tensor';
import { floatTarget, reduceElements, valuesFor } from './common';
import type { LossResult, Target } from './types';

/** loss = (x - y)²; `grad` receives d sum(output) / d x. */
export function mseLoss(
  config: LossConfig,
  x: Matrix,
  target: Target,
  grad: Matrix,
): LossResult {
  const y = floatTarget('MSELoss', x, target);
  const r = rounder(x.dtype);
  const values = valuesFor(config.reduction, x.data.length);
  let sum = 0;
  for (let k = 0; k < x.data.length; k++) {
    const d = r(x.data[k] - y.data[k]);
    const loss = r(d * d);
    // d loss / dx = 2 (x - y)
    grad.data[k] = 2 * d;
    sum += loss;
    if (values) values[k] = loss;
  }
  return reduceElements(config.reduction, sum, values, grad, r);
}
