/** Training a run: epochs of shuffled mini-batches, metrics, stopping, reset and reseed. */
import { now } from './clock';
import type { RunConfig } from './config';
import { classCount, type Dataset, makeDataset, type Split } from './datasets';
import { accuracy, predictions, probabilities, type Reading } from './inference';
import { lossValue, type Target } from './losses';
import { Mlp, type LinearWeights } from './model';
import { makeOptimizer, type Optimizer } from './optim';
import { Rng } from './rng';
import { trainStep } from './step';
import { BatchGatherer, checkOutputs, targetsFor } from './targets';

/** What one epoch ended with: losses on both splits, accuracies, and time spent. */
export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Optimizer steps taken so far in the run. */
  steps: number;
  /** Milliseconds spent training so far in the run. */
  elapsedMs: number;
}

/** Why a run stopped, in a sentence a user can act on. */
export interface StopInfo {
  reason: 'completed' | 'target_loss' | 'diverged' | 'cancelled';
  message: string;
}

/** A run in progress: its model, optimizer, batch order and history. */
export class Trainer {
  config: RunConfig;
  readonly dataset: Dataset;
  readonly model: Mlp;
  readonly reading: Reading;
  history: EpochMetrics[] = [];
  epoch = 0;
  steps = 0;
  stopped?: StopInfo;
  private _initial: LinearWeights[];
  private _rng: Rng;
  private _rngAfterInit: number[];
  private _optimizer: Optimizer;
  private _order: Int32Array = new Int32Array(0);
  private _cursor = 0;
  private _elapsedMs = 0;
  private _targets: { train: Target; test: Target };
  private _batches: BatchGatherer;

  /** A fresh run; the dataset is built from the config unless given. */
  constructor(config: RunConfig, dataset?: Dataset) {
    this.config = config;
    this.dataset = dataset ?? makeDataset(config.dataset, config.dtype);
    checkOutputs(config, this.dataset.task, classCount(this.dataset));
    const inputs = this.dataset.features.length;
    this.model = Mlp.fromConfig(config.model, inputs, config.dtype);
    this._rng = new Rng(config.seed);
    this.model.init(this._rng);
    this._initial = this.model.weights();
    this._rngAfterInit = this._rng.state();
    this._optimizer = makeOptimizer(this.model.parameters(), config.optimizer);
    this._targets = {
      train: targetsFor(config, this.dataset, 'train'),
      test: targetsFor(config, this.dataset, 'test'),
    };
    this._batches = new BatchGatherer(this.dataset.train.x, this._targets.train);
    const { head, name: loss } = { head: config.model.head, name: config.loss.name };
    this.reading = {
      task: this.dataset.task,
      head,
      loss,
      threshold: config.model.threshold ?? 0.5,
    };
  }

  /** The initial weights of this run, PyTorch's layout. */
  initialWeights(): LinearWeights[] {
    return this._initial;
  }

  /** Whether the run has nothing left to do. */
  get done(): boolean {
    return this.stopped !== undefined;
  }

  /** One mini-batch step; `epoch` is set when the step ended an epoch. */
  step(): { loss: number; epoch?: EpochMetrics } {
    if (this.stopped) return { loss: NaN };
    const started = now();
    if (this._cursor >= this._order.length) this._startEpoch();
    const batch = this._order.subarray(
      this._cursor,
      this._cursor + this.config.training.batchSize,
    );
    this._cursor += batch.length;
    const { x, target } = this._batches.gather(batch);
    const loss = trainStep(this.model, this.config.loss, this._optimizer, x, target);
    this.steps += 1;
    this._elapsedMs += now() - started;
    if (!Number.isFinite(loss)) return { loss, epoch: this._diverge(loss) };
    if (this._cursor < this._order.length) return { loss };
    return { loss, epoch: this._endEpoch() };
  }

  /** Steps until the current epoch ends (or the run stops). */
  runEpoch(): EpochMetrics | undefined {
    while (!this.stopped) {
      const { epoch } = this.step();
      if (epoch) return epoch;
    }
    return undefined;
  }

  /** Trains until the configured epochs, the target loss or divergence stop the run. */
  run(): StopInfo {
    while (!this.stopped) this.step();
    return this.stopped!;
  }

  /** Stops the run; nothing more is trained until reset. */
  cancel(): void {
    this.stopped ??= {
      reason: 'cancelled',
      message: `Cancelled after ${this.epoch} epochs.`,
    };
  }

  /** Back to the same initial weights, batch order and an empty history. */
  reset(): void {
    this.model.setWeights(this._initial);
    this._rng.restore(this._rngAfterInit);
    this._optimizer = makeOptimizer(this.model.parameters(), this.config.optimizer);
    this.history = [];
    this.epoch = 0;
    this.steps = 0;
    this._order = new Int32Array(0);
    this._cursor = 0;
    this._elapsedMs = 0;
    this.stopped = undefined;
  }

  /** New initial weights and batch order from `seed`; the data stays as it is. */
  reseed(seed: number): void {
    this.config = { ...this.config, seed };
    this._rng = new Rng(seed);
    this.model.init(this._rng);
    this._initial = this.model.weights();
    this._rngAfterInit = this._rng.state();
    this.reset();
  }

  /** Loads saved weights and history, as a reopened run file gives them; nothing is trained. */
  restore(
    weights: LinearWeights[],
    history: EpochMetrics[],
    initial?: LinearWeights[],
  ): void {
    if (initial) this._initial = initial;
    this.model.setWeights(weights);
    this.history = history.slice();
    this.epoch = history.length;
    this.steps = history.at(-1)?.steps ?? 0;
    this._elapsedMs = history.at(-1)?.elapsedMs ?? 0;
    if (this.epoch >= this.config.training.epochs) this._finish();
  }

  /** Loss and accuracy of the current model on one split. */
  evaluate(split: 'train' | 'test'): { loss: number; accuracy: number } {
    const part: Split = this.dataset[split];
    if (part.x.rows === 0) return { loss: NaN, accuracy: NaN };
    const lossConfig = { ...this.config.loss, reduction: 'mean' as const };
    // One forward pass serves the loss and the predictions.
    const out = this.model.forward(part.x);
    const loss = lossValue(
      lossConfig,
      out,
      this._targets[split],
      this.model.outputGrad(),
    );
    const probs = probabilities(out, this.reading);
    return { loss, accuracy: accuracy(predictions(probs, this.reading), part.y) };
  }

  /** The training targets of a split, as the loss takes them. */
  targets(split: 'train' | 'test'): Target {
    return this._targets[split];
  }

  /** A new shuffled (or ordered) pass over the training rows. */
  private _startEpoch(): void {
    const n = this.dataset.train.x.rows;
    this._order = this.config.training.shuffle
      ? this._rng.permutation(n)
      : Int32Array.from({ length: n }, (_, i) => i);
    this._cursor = 0;
  }

  /** Records the epoch's metrics and stops at the epoch limit or the target loss. */
  private _endEpoch(): EpochMetrics {
    this.epoch += 1;
    const train = this.evaluate('train');
    const test = this.evaluate('test');
    const metrics: EpochMetrics = {
      epoch: this.epoch,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      steps: this.steps,
      elapsedMs: this._elapsedMs,
    };
    this.history.push(metrics);
    const target = this.config.training.targetLoss;
    if (target !== undefined && train.loss <= target) {
      const message = `Reached the target loss ${target} at epoch ${this.epoch} (train loss ${fmt(train.loss)}).`;
      this.stopped = { reason: 'target_loss', message };
    } else if (this.epoch >= this.config.training.epochs) this._finish();
    return metrics;
  }

  /** Marks the run completed. */
  private _finish(): void {
    const epochs = `${this.epoch} epoch${this.epoch === 1 ? '' : 's'}`;
    this.stopped = { reason: 'completed', message: `Trained ${epochs}.` };
  }

  /** Stops a run whose loss became NaN or infinite, saying what to try. */
  private _diverge(loss: number): undefined {
    const { name, lr } = this.config.optimizer;
    this.stopped = {
      reason: 'diverged',
      message:
        `The loss became ${loss} at epoch ${this.epoch + 1}, step ${this.steps}: the run diverged. ` +
        `Lower the learning rate (${name} lr=${lr}), or train on logits with ` +
        'BCEWithLogitsLoss or CrossEntropyLoss, which stay finite where a Sigmoid or Softmax head saturates.',
    };
    return undefined;
  }
}

/** A loss for a message: four significant digits. */
function fmt(x: number): string {
  return x.toPrecision(4);
}
