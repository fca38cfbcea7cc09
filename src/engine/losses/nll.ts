/** NLLLoss on log-probabilities, as torch.nn.NLLLoss. */
import type { LossConfig } from '../config';
import { rounder, type Matrix } from '../tensor';
import { columnValue, valuesFor } from './common';
import { defaultIgnoreIndex, indexTarget, totalWeight } from './classes';
import type { LossResult, Target } from './types';

/**
 * loss_i = -w[t_i] · logProbs[i, t_i], zero for ignored rows; 'mean' divides by the summed
 * weights of the rows not ignored. `grad` receives d sum(output) / d logProbs.
 */
export function nllLoss(
  config: LossConfig,
  logProbs: Matrix,
  target: Target,
  grad: Matrix,
): LossResult {
  const index = indexTarget(config, logProbs, target);
  const r = rounder(logProbs.dtype);
  const ignoreIndex = config.ignoreIndex ?? defaultIgnoreIndex;
  const mean = config.reduction === 'mean';
  const total = totalWeight(config, index, r);
  const scale = mean ? r(1 / total) : 1;
  const values = valuesFor(config.reduction, index.length);
  const C = logProbs.cols;
  grad.data.fill(0);
  let sum = 0;
  for (let i = 0; i < index.length; i++) {
    const t = index[i];
    if (t === ignoreIndex) continue;
    const w = columnValue(config.weight, t, r);
    const loss = r(-logProbs.data[i * C + t] * w);
    // d loss_i / d logProbs[i, t] = -w[t]
    grad.data[i * C + t] = w * -scale;
    sum += loss;
    if (values) values[i] = loss;
  }
  if (values) return { value: sum, values, grad };
  return { value: mean ? r(r(sum) / total) : r(sum), grad };
}
