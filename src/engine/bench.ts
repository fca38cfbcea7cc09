/**
 * The benchmark workloads, trained in this engine as the PyTorch and TensorFlow.js anchors
 * train them: random 2-D points, shuffled mini-batches, then forward passes over a grid.
 */
import { now } from './clock';
import type { ActivationName, LossConfig, LossName, OptimizerName } from './config';
import { simdAvailable } from './kernels';
import type { Target } from './losses';
import { Mlp } from './model';
import { makeOptimizer } from './optim';
import { Rng } from './rng';
import { trainStep } from './step';
import { BatchGatherer } from './targets';
import { type DType, type Matrix, zeros } from './tensor';
import { TOOL_VERSION } from './version';
import workloads from './workloads.json';

/** One workload: an MLP of `sizes`, its loss and optimizer, `epochs` over `n` points. */
export interface Workload {
  sizes: number[];
  activation: ActivationName;
  loss: LossName;
  optimizer: OptimizerName;
  lr: number;
  n: number;
  batch: number;
  epochs: number;
}

/** What one workload measured, with the anchor scripts' field names. */
export interface BenchResult {
  impl: string;
  workload: string;
  steps: number;
  train_s: number;
  steps_per_s: number;
  samples_per_s: number;
  /** Milliseconds of one forward pass over the 100 x 100 grid. */
  grid_ms: number;
  final_loss: number;
}

/** The workloads by name: `tfp`, `multiclass` and `wide`. */
export const WORKLOADS = workloads as Record<string, Workload>;

/** Forward passes timed over the grid, as the anchors do. */
const GRID_PASSES = 50;

/** Trains workload `w` in `dtype` through the engine's training step and times it. */
export function runWorkload(name: string, w: Workload, dtype: DType): BenchResult {
  const rng = new Rng(0);
  const acts = w.sizes.slice(2).map(() => w.activation);
  const model = new Mlp(w.sizes, acts, 'none', dtype).init(rng);
  const x = normalPoints(w.n, dtype, rng);
  const target = makeTarget(w, x, rng);
  const optimizer = makeOptimizer(model.parameters(), { name: w.optimizer, lr: w.lr });
  const loss: LossConfig = { name: w.loss, reduction: 'mean' };
  const batches = new BatchGatherer(x, target);

  // Compiles the WebAssembly kernels now, as loading a library would, not in the first step.
  const impl = `logit-lab-${TOOL_VERSION}-${simdAvailable(dtype) ? 'wasm-simd' : 'js'}-${dtype}`;
  let steps = 0;
  let last = NaN;
  const t0 = now();
  for (let epoch = 0; epoch < w.epochs; epoch++) {
    const order = rng.permutation(w.n);
    for (let i = 0; i < w.n; i += w.batch) {
      const batch = batches.gather(order.subarray(i, i + w.batch));
      last = trainStep(model, loss, optimizer, batch.x, batch.target);
      steps += 1;
    }
  }
  const trainS = (now() - t0) / 1000;
  return {
    impl,
    workload: name,
    steps,
    train_s: round(trainS, 4),
    steps_per_s: Math.round(steps / trainS),
    samples_per_s: Math.round((steps * w.batch) / trainS),
    grid_ms: round(gridMs(model, dtype, rng), 3),
    final_loss: round(last, 4),
  };
}

/** Milliseconds per forward pass over 10,000 points uniform in [0, 1)². */
function gridMs(model: Mlp, dtype: DType, rng: Rng): number {
  const g = zeros(10000, 2, dtype);
  for (let i = 0; i < g.data.length; i++) g.data[i] = rng.uniform();
  const t = now();
  for (let pass = 0; pass < GRID_PASSES; pass++) model.forward(g);
  return (now() - t) / GRID_PASSES;
}

/** `n` points of two standard normal features. */
function normalPoints(n: number, dtype: DType, rng: Rng): Matrix {
  const x = zeros(n, 2, dtype);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
  return x;
}

/** Random class indices for CrossEntropyLoss; otherwise 1 outside the unit circle, else 0. */
function makeTarget(w: Workload, x: Matrix, rng: Rng): Target {
  if (w.loss === 'CrossEntropyLoss') {
    const classes = w.sizes[w.sizes.length - 1];
    return {
      kind: 'index',
      index: Int32Array.from({ length: w.n }, () => rng.int(classes)),
    };
  }
  const values = zeros(w.n, 1, x.dtype);
  for (let i = 0; i < w.n; i++)
    values.data[i] = Math.hypot(x.data[2 * i], x.data[2 * i + 1]) > 1 ? 1 : 0;
  return { kind: 'float', values };
}

/** `x` to `digits` decimals. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
