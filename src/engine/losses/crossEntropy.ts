/**
 * CrossEntropyLoss with class-index targets, as torch.nn.CrossEntropyLoss: log-softmax, then
 * NLL, blended with the uniform distribution by labelSmoothing.
 */
import type { LossConfig } from '../config';
import { headForward } from '../heads';
import { rounder, type Matrix } from '../tensor';
import { columnValue, valuesFor, type Round } from './common';
import { defaultIgnoreIndex, indexTarget, totalWeight } from './classes';
import type { LossResult, Target } from './types';

/** The per-row coefficients of the gradient with respect to the log-probabilities. */
interface Coefficients {
  /** d loss / d logProbs[i, t_i] is -w[t_i] · nll (plus the smoothing term). */
  nll: number;
  /** d loss / d logProbs[i, c] is -w[c] · smooth for every c. */
  smooth: number;
}

/**
 * loss_i = (1 - ε) · w[t] · (-log p[i, t]) + ε / C · Σ_c w[c] · (-log p[i, c]), ε the label
 * smoothing, p = softmax(logits); ignored rows count zero. 'mean' divides both terms by the
 * summed weights of the rows not ignored (their number when unweighted).
 */
export function crossEntropyIndexLoss(
  config: LossConfig,
  logits: Matrix,
  target: Target,
  grad: Matrix,
): LossResult {
  const index = indexTarget(config, logits, target);
  const r = rounder(logits.dtype);
  const epsilon = config.labelSmoothing ?? 0;
  const total = totalWeight(config, index, r);
  const mean = config.reduction === 'mean';
  const coefficients = {
    nll: r(r(1 - epsilon) / (mean ? total : 1)),
    smooth: r(r(epsilon / logits.cols) / (mean ? total : 1)),
  };
  headForward('log_softmax', logits, grad);
  const values = valuesFor(config.reduction, index.length);
  let nllSum = 0;
  let smoothSum = 0;
  for (let i = 0; i < index.length; i++) {
    const [nll, smooth] = rowLosses(config, grad, i, index[i], r);
    nllSum += nll;
    smoothSum += smooth;
    if (values) values[i] = blend(nll, smooth, epsilon, logits.cols, r);
    rowGradient(config, grad, i, index[i], coefficients, r);
  }
  if (values) return { value: values.reduce((a, b) => a + b, 0), values, grad };
  const nll = mean ? r(r(nllSum) / total) : r(nllSum);
  const smooth = mean ? r(r(smoothSum) / total) : r(smoothSum);
  return { value: blend(nll, smooth, epsilon, logits.cols, r), grad };
}

/** (1 - ε) · nll + smooth · ε / C, or nll alone without smoothing, as PyTorch computes it. */
function blend(
  nll: number,
  smooth: number,
  epsilon: number,
  C: number,
  r: Round,
): number {
  if (epsilon === 0) return nll;
  return r(r(r(1 - epsilon) * nll) + r(smooth * r(epsilon / C)));
}

/** Row i's -w[t] log p[t] and -Σ_c w[c] log p[c] (0 and 0 when ignored) from its logProbs. */
function rowLosses(
  config: LossConfig,
  logProbs: Matrix,
  i: number,
  t: number,
  r: Round,
): [number, number] {
  if (t === (config.ignoreIndex ?? defaultIgnoreIndex)) return [0, 0];
  const C = logProbs.cols;
  const nll = r(-logProbs.data[i * C + t] * columnValue(config.weight, t, r));
  if (!config.labelSmoothing) return [nll, 0];
  let sum = 0;
  for (let c = 0; c < C; c++)
    sum += r(logProbs.data[i * C + c] * columnValue(config.weight, c, r));
  return [nll, -r(sum)];
}

/** Overwrites row i of `grad`, which holds log-probabilities, with d loss / d logits. */
function rowGradient(
  config: LossConfig,
  grad: Matrix,
  i: number,
  t: number,
  k: Coefficients,
  r: Round,
): void {
  const C = grad.cols;
  const row = grad.data.subarray(i * C, (i + 1) * C);
  if (t === (config.ignoreIndex ?? defaultIgnoreIndex)) {
    row.fill(0);
    return;
  }
  // g_c = d loss / d logProbs[c];  d loss / d logits[c] = g_c - p_c · Σ_k g_k
  const g = (c: number): number => {
    const smooth = k.smooth === 0 ? 0 : r(columnValue(config.weight, c, r) * -k.smooth);
    const nll = c === t ? r(columnValue(config.weight, t, r) * -k.nll) : 0;
    return r(nll + smooth);
  };
  let sum = 0;
  for (let c = 0; c < C; c++) sum += g(c);
  sum = r(sum);
  for (let c = 0; c < C; c++) row[c] = g(c) - r(r(Math.exp(row[c])) * sum);
}
