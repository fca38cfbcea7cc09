/**
 * The model's probabilities for every point of a split, from a snapshot's weights, for the
 * histogram only. Computed in float64 for display; the engine's numbers (losses, accuracy,
 * confusion, inspector) come from the host.
 */
import type { ActivationName, RunConfig } from '../engine/config';
import type { LinearWeightsView } from '../protocol/state';

// TODO: the host could send per-point probabilities in the snapshot; this page-side pass
// repeats the engine's forward and its reading rules, and must follow them if they change.

/** Hidden activations, elementwise. */
const ACTIVATE: Record<ActivationName, (v: number, slope: number) => number> = {
  relu: (v) => Math.max(0, v),
  leaky_relu: (v, slope) => (v >= 0 ? v : slope * v),
  tanh: (v) => Math.tanh(v),
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  identity: (v) => v,
};

/** Probabilities `(N, outputs)` for the rows of `x`, read as the engine reads outputs. */
export function predictProbs(
  config: RunConfig,
  multilabel: boolean,
  weights: LinearWeightsView[],
  x: number[][],
): number[][] {
  return x.map((row) => toProbs(config, multilabel, forwardRow(config, weights, row)));
}

/** The last layer's output (before the head) for one input row. */
function forwardRow(
  config: RunConfig,
  weights: LinearWeightsView[],
  row: number[],
): number[] {
  let h = row;
  weights.forEach((layer, l) => {
    // h' = W h + b, then the layer's activation (none after the last layer)
    const next = layer.bias.map((b, o) => b + dot(layer.weight[o], h));
    const activation = config.model.hidden[l]?.activation;
    const slope = config.model.negativeSlope ?? 0.01;
    h = activation ? next.map((v) => ACTIVATE[activation](v, slope)) : next;
  });
  return h;
}

/** Probabilities from the raw last-layer output, through the head or the loss's reading. */
function toProbs(config: RunConfig, multilabel: boolean, z: number[]): number[] {
  const head = config.model.head;
  const loss = config.loss.name;
  if (head === 'sigmoid') return z.map(sigmoid);
  if (head === 'softmax' || head === 'log_softmax') return softmax(z);
  if (loss === 'MSELoss') return z.map((v) => Math.min(1, Math.max(0, v)));
  const independent = z.length === 1 || multilabel || loss === 'BCEWithLogitsLoss';
  return independent ? z.map(sigmoid) : softmax(z);
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

/** softmax(z)_k = exp(z_k - max z) / sum_j exp(z_j - max z) */
function softmax(z: number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}
