/** Replays a whole reference training run: fixed initial weights, batch order and optimizer. */
import type { ActivationName, HeadName } from '../config';
import type { Target } from '../losses';
import { Mlp, type LinearWeights } from '../model';
import { makeOptimizer } from '../optim';
import { trainStep } from '../step';
import { type DType, fromRows, gatherRows, type Matrix, toRows } from '../tensor';
import { mismatches, TOLERANCE } from './compare';
import { lossConfigFrom, optimizerConfigFrom } from './options';

/** A case of the reference format for whole training runs. */
export interface TrainingCase {
  id: string;
  dtype: DType;
  model: {
    sizes: number[];
    activation: ActivationName;
    head: HeadName;
    init: LinearWeights[];
  };
  loss: string;
  loss_options?: Record<string, unknown>;
  optimizer: Record<string, unknown>;
  data: { x: number[][]; y: number[] | number[][] };
  batches: number[][];
  epochs: number;
  expected: { losses: number[]; params: LinearWeights[]; outputs: number[][] };
}

/** The run's per-step losses and its model after the last step. */
export function replayTraining(c: TrainingCase): { model: Mlp; losses: number[] } {
  const hidden = c.model.sizes.length - 2;
  const acts = Array<ActivationName>(hidden).fill(c.model.activation);
  const model = new Mlp(c.model.sizes, acts, c.model.head, c.dtype);
  model.setWeights(c.model.init);
  const loss = lossConfigFrom(c.loss, c.loss_options);
  const optimizer = makeOptimizer(model.parameters(), optimizerConfigFrom(c.optimizer));
  const x = fromRows(c.data.x, c.dtype);
  const byIndex = loss.name === 'CrossEntropyLoss' || loss.name === 'NLLLoss';
  const losses: number[] = [];
  for (let e = 0; e < c.epochs; e++) {
    for (const batch of c.batches) {
      const target = batchTarget(c.data.y, batch, byIndex, c.dtype);
      losses.push(trainStep(model, loss, optimizer, gatherRows(x, batch), target));
    }
  }
  return { model, losses };
}

/** Failure lines of one training case; empty when it matches the reference. */
export function checkTraining(c: TrainingCase): string[] {
  const tol = c.dtype === 'float64' ? TOLERANCE.trainFloat64 : TOLERANCE.trainFloat32;
  const { model, losses } = replayTraining(c);
  const flat = (ws: LinearWeights[]) =>
    ws.flatMap((w) => [...w.weight.flat(), ...w.bias]);
  const outputs = toRows(model.forward(fromRows(c.data.x, c.dtype))).flat();
  return [
    ...mismatches('losses', losses, c.expected.losses, tol),
    ...mismatches('params', flat(model.weights()), flat(c.expected.params), tol),
    ...mismatches('outputs', outputs, c.expected.outputs.flat(), tol),
  ];
}

/** The targets of the rows in `batch`: class indices, or floats shaped (B, 1) or (B, K). */
function batchTarget(
  y: number[] | number[][],
  batch: number[],
  byIndex: boolean,
  dtype: DType,
): Target {
  if (byIndex)
    return { kind: 'index', index: Int32Array.from(batch, (i) => y[i] as number) };
  const rows = batch.map((i) => y[i]);
  const matrix: Matrix = fromRows(
    rows.map((r) => (Array.isArray(r) ? r : [r])),
    dtype,
  );
  return { kind: 'float', values: matrix };
}
