/** Turning a dataset's labels into what a loss expects: class indices or 0/1 floats. */
import type { LossName, RunConfig } from './config';
import type { Dataset, Split, Task } from './datasets';
import type { Target } from './losses';
import { type DType, gatherRows, gatherRowsInto, type Matrix, zeros } from './tensor';

/** Whether a loss takes class indices (CrossEntropyLoss, NLLLoss) rather than floats. */
export function takesIndices(loss: LossName): boolean {
  return loss === 'CrossEntropyLoss' || loss === 'NLLLoss';
}

/** The whole split's target for `loss` over `outputs` units. */
export function splitTarget(
  split: Split,
  loss: LossName,
  outputs: number,
  dtype: DType,
): Target {
  const y = split.y;
  if (!(y instanceof Int32Array)) return { kind: 'float', values: y };
  if (takesIndices(loss)) return { kind: 'index', index: y };
  const values = zeros(y.length, outputs, dtype);
  for (let i = 0; i < y.length; i++) {
    // One unit: the label itself; K units: the one-hot row of the label.
    if (outputs === 1) values.data[i] = y[i];
    else values.data[i * outputs + y[i]] = 1;
  }
  return { kind: 'float', values };
}

/** The rows of a target listed in `batch`. */
export function gatherTarget(target: Target, batch: ArrayLike<number>): Target {
  if (target.kind === 'float')
    return { kind: 'float', values: gatherRows(target.values, batch) };
  const index = new Int32Array(batch.length);
  for (let r = 0; r < batch.length; r++) index[r] = target.index[batch[r]];
  return { kind: 'index', index };
}

/** One mini-batch: its feature rows and their target. */
export interface Batch {
  x: Matrix;
  target: Target;
}

/**
 * Gathers mini-batches of one split into storage made once per batch size (a run has two:
 * the batch size and the last, partial batch), so that a training step allocates nothing.
 */
export class BatchGatherer {
  private readonly _x: Matrix;
  private readonly _target: Target;
  private readonly _batches = new Map<number, Batch>();
  private _last: Batch | undefined;

  /** A gatherer over the features `x` (N, F) and their target (N rows). */
  constructor(x: Matrix, target: Target) {
    this._x = x;
    this._target = target;
  }

  /** The rows `index` of the features and target, in storage the next batch of this size reuses. */
  gather(index: ArrayLike<number>): Batch {
    const batch = this._storage(index.length);
    gatherRowsInto(this._x, index, batch.x);
    const target = this._target;
    if (target.kind === 'float' && batch.target.kind === 'float') {
      gatherRowsInto(target.values, index, batch.target.values);
    } else if (target.kind === 'index' && batch.target.kind === 'index') {
      const out = batch.target.index;
      for (let r = 0; r < index.length; r++) out[r] = target.index[index[r]];
    }
    return batch;
  }

  /** The batch storage of `rows` rows, made on first use. */
  private _storage(rows: number): Batch {
    if (this._last?.x.rows === rows) return this._last;
    let batch = this._batches.get(rows);
    if (batch) return (this._last = batch);
    const t = this._target;
    const x = zeros(rows, this._x.cols, this._x.dtype);
    const target: Target =
      t.kind === 'float'
        ? { kind: 'float', values: zeros(rows, t.values.cols, t.values.dtype) }
        : { kind: 'index', index: new Int32Array(rows) };
    batch = { x, target };
    this._batches.set(rows, batch);
    return (this._last = batch);
  }
}

/** The number of output units a task needs with a loss, or the choices when two fit. */
export function outputChoices(task: Task, classes: number, loss: LossName): number[] {
  if (task === 'binary') return takesIndices(loss) ? [2] : [1, 2];
  return [classes];
}

/**
 * Refuses a model whose output size does not fit the data and the loss, saying what to set.
 * `classes` is 2 for binary data, K for multiclass, L labels for multi-label.
 */
export function checkOutputs(config: RunConfig, task: Task, classes: number): void {
  const outputs = config.model.outputs;
  const ok = outputChoices(task, classes, config.loss.name);
  if (ok.includes(outputs)) return;
  const what = task === 'multilabel' ? `${classes} labels` : `${classes} classes`;
  throw new Error(
    `${config.loss.name} on ${task} data with ${what} needs ${ok.join(' or ')} output ` +
      `unit(s), the model has ${outputs}: set the last layer's width to ${ok[0]}`,
  );
}

/** A dataset's split with features as they are and targets for the run's loss. */
export function targetsFor(
  config: RunConfig,
  ds: Dataset,
  split: 'train' | 'test',
): Target {
  return splitTarget(ds[split], config.loss.name, config.model.outputs, config.dtype);
}
