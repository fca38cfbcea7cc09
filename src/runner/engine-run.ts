/** The engine behind a RunModel: a Trainer and the plain-JSON views the page draws. */
import type { RunConfig } from '../engine/config';
import type { Dataset, Split } from '../engine/datasets';
import { classCount } from '../engine/datasets';
import { probabilityGrid } from '../engine/grid';
import { confusionMatrix, predictions, probabilities } from '../engine/inference';
import { inspectPoint } from '../engine/inspect';
import { toRunFile, type RunFile } from '../engine/runfile';
import { trainerFromRunFile } from '../engine/runfile/restore';
import { type Matrix, toRows } from '../engine/tensor';
import { Trainer } from '../engine/trainer';
import type { Inspection } from '../protocol/host';
import type { DatasetView, ModelView, Snapshot, ViewOptions } from '../protocol/state';
import type { RunFactory, RunModel } from './run-model';

/** A RunModel backed by the engine's Trainer. */
export class EngineRun implements RunModel {
  constructor(private readonly _trainer: Trainer) {}

  get config(): RunConfig {
    return this._trainer.config;
  }
  get history() {
    return this._trainer.history;
  }
  get epoch(): number {
    return this._trainer.epoch;
  }
  get stopped() {
    return this._trainer.stopped;
  }

  step() {
    return this._trainer.step();
  }
  reset(): void {
    this._trainer.reset();
  }
  reseed(seed: number): void {
    this._trainer.reseed(seed);
  }
  cancel(): void {
    this._trainer.cancel();
  }

  dataset(): DatasetView {
    return datasetView(this._trainer.dataset);
  }

  model(): ModelView {
    const { model, config } = this._trainer;
    return {
      description: model.describe(config.model.negativeSlope),
      parameterCount: model.parameterCount(),
    };
  }

  snapshot(view: ViewOptions, batchLoss: number): Snapshot {
    const t = this._trainer;
    const train = this._read('train');
    const test = this._read('test');
    return {
      epoch: t.epoch,
      steps: t.steps,
      batchLoss,
      weights: t.model.weights(),
      grid: this._grid(view),
      confusion: { train: train.confusion, test: test.confusion },
      probs: { train: toRows(train.probs), test: toRows(test.probs) },
    };
  }

  inspect(split: 'train' | 'test', index: number): Inspection {
    return inspectPoint(this._trainer, split, index);
  }

  toRunFile(): RunFile {
    return toRunFile(this._trainer);
  }

  /** The probability picture, or none when the chosen features do not exist. */
  private _grid(view: ViewOptions): Snapshot['grid'] {
    const count = this._trainer.dataset.features.length;
    const [fx, fy] = view.features;
    if (count < 2 || fx >= count || fy >= count || fx === fy) return undefined;
    const grid = probabilityGrid(this._trainer, view.gridResolution, [fx, fy]);
    return { ...grid, probs: Array.from(grid.probs) };
  }

  /** Every point's probabilities on one split, and the confusion matrix they give. */
  private _read(split: 'train' | 'test'): { probs: Matrix; confusion: number[][] } {
    const t = this._trainer;
    const part: Split = t.dataset[split];
    const probs = probabilities(t.model.forward(part.x), t.reading);
    if (part.x.rows === 0) return { probs, confusion: [] };
    const pred = predictions(probs, t.reading);
    return { probs, confusion: confusionMatrix(pred, part.y, classCount(t.dataset)) };
  }
}

/** The dataset as nested arrays, for the page. */
export function datasetView(ds: Dataset): DatasetView {
  const split = (part: Split) => ({
    x: toRows(part.x),
    y: part.y instanceof Int32Array ? Array.from(part.y) : toRows(part.y),
  });
  return {
    name: ds.name,
    task: ds.task,
    features: ds.features,
    classNames: ds.classNames,
    train: split(ds.train),
    test: split(ds.test),
    mean: ds.mean,
    std: ds.std,
    extent: ds.extent,
  };
}

/** Builds engine runs: a new Trainer from a config, or one restored from a run file. */
export const engineRuns: RunFactory = {
  fromConfig: (config) => new EngineRun(new Trainer(config)),
  fromRunFile: (run) => new EngineRun(trainerFromRunFile(run as RunFile)),
};
