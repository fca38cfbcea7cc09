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
    if (index[i] === (config.ignoreIndex ?? defaultIgnoreIndex)) {
      grad.data.fill(0, i * grad.cols, (i + 1) * grad.cols);
      continue;
    }
    const nll = rowNll(config, grad, i, index[i], r);
    const smooth = epsilon > 0 ? rowSmooth(config, grad, i, r) : 0;
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

/** -w[t] log p[t] of row i, from `logProbs`. */
function rowNll(
  config: LossConfig,
  logProbs: Matrix,
  i: number,
  t: number,
  r: Round,
): number {
  return r(-logProbs.data[i * logProbs.cols + t] * columnValue(config.weight, t, r));
}

/** -Σ_c w[c] log p[c] of row i, from `logProbs`: the loss against the uniform distribution. */
function rowSmooth(config: LossConfig, logProbs: Matrix, i: number, r: Round): number {
  const C = logProbs.cols;
  let sum = 0;
  for (let c = 0; c < C; c++) {
    sum += r(logProbs.data[i * C + c] * columnValue(config.weight, c, r));
  }
  return -r(sum);
}

// g_c = d loss / d logProbs[c] = -w[t] · nll [c = t] - w[c] · smooth
function logProbGrad(
  config: LossConfig,
  c: number,
  t: number,
  k: Coefficients,
  r: Round,
) {
  const smooth = k.smooth === 0 ? 0 : r(columnValue(config.weight, c, r) * -k.smooth);
  const nll = c === t ? r(columnValue(config.weight, t, r) * -k.nll) : 0;
  return r(nll + smooth);
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
  const off = i * C;
  let sum = 0;
  for (let c = 0; c < C; c++) sum += logProbGrad(config, c, t, k, r);
  sum = r(sum);
  // d loss / d logits[c] = g_c - p_c · Σ_k g_k
  for (let c = 0; c < C; c++) {
    const p = r(Math.exp(grad.data[off + c]));
    grad.data[off + c] = logProbGrad(config, c, t, k, r) - r(p * sum);
  }
}
