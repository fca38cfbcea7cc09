/**
 * The training loop behind a worker: trains in short time slices and yields between them, so
 * that `pause` and `cancel` take effect within one slice, and reports progress at most
 * `updatesPerSecond` times a second with only what is new.
 */
import type { EpochMetrics, StopInfo, ViewOptions } from '../protocol/state';
import type { WorkerEvent, WorkerRequest } from '../protocol/worker';
import { systemClock, type Clock } from './clock';
import type { RunFactory, RunModel } from './run-model';

/** Longest stretch of training between two looks at the message queue, in milliseconds. */
export const SLICE_MS = 15;

/** Options of a Runner; `clock` is replaceable in tests. */
export interface RunnerOptions {
  factory: RunFactory;
  emit: (event: WorkerEvent) => void;
  clock?: Clock;
  sliceMs?: number;
}

/** Handles WorkerRequests for one worker and emits WorkerEvents. */
export class Runner {
  private readonly _factory: RunFactory;
  private readonly _emit: (event: WorkerEvent) => void;
  private readonly _clock: Clock;
  private readonly _sliceMs: number;
  private _run?: RunModel;
  private _runId = 0;
  private _view: ViewOptions = { features: [0, 1], gridResolution: 40 };
  private _updatesPerSecond = 30;
  private _training = false;
  private _epochsLeft = Infinity;
  private _pending: EpochMetrics[] = [];
  private _stepsSinceFlush = 0;
  private _lastFlush = -Infinity;
  private _batchLoss = NaN;
  private _next?: { cancel(): void };

  constructor(options: RunnerOptions) {
    this._factory = options.factory;
    this._emit = options.emit;
    this._clock = options.clock ?? systemClock;
    this._sliceMs = options.sliceMs ?? SLICE_MS;
  }

  /** Handles one request; failures are reported as `error` events, never thrown. */
  handle(request: WorkerRequest): void {
    try {
      this._dispatch(request);
    } catch (error) {
      this._halt();
      const requestId = 'requestId' in request ? request.requestId : undefined;
      this._emit({
        type: 'error',
        runId: this._runId,
        message: messageOf(error),
        requestId,
      });
    }
  }

  private _dispatch(request: WorkerRequest): void {
    switch (request.type) {
      case 'init':
      case 'load':
        return this._prepare(request);
      case 'train':
        return this._train(request.epochs);
      case 'pause':
        return this._pause();
      case 'cancel':
        return this._cancel();
      case 'reset':
      case 'reseed':
        return this._restart(request.type === 'reseed' ? request.seed : undefined);
      case 'setView':
        this._view = request.view;
        return this._sendSnapshot();
      case 'setRate':
        this._updatesPerSecond = request.updatesPerSecond;
        return;
      case 'inspect':
        return this._inspect(request.requestId, request.split, request.index);
      case 'export':
        return this._export(request.requestId);
    }
  }

  private _prepare(request: Extract<WorkerRequest, { type: 'init' | 'load' }>): void {
    this._halt();
    this._run = undefined;
    this._runId = request.runId;
    this._view = request.view;
    this._updatesPerSecond = request.updatesPerSecond;
    this._run =
      request.type === 'init'
        ? this._factory.fromConfig(request.config)
        : this._factory.fromRunFile(request.run);
    this._sendPrepared();
  }

  private _sendPrepared(): void {
    const run = this._current();
    this._pending = [];
    this._batchLoss = NaN;
    this._emit({
      type: 'prepared',
      runId: this._runId,
      config: run.config,
      dataset: run.dataset(),
      model: run.model(),
      history: run.history.slice(),
      snapshot: run.snapshot(this._view, NaN),
      stop: run.stopped,
    });
  }

  private _restart(seed?: number): void {
    this._halt();
    const run = this._current();
    if (seed === undefined) run.reset();
    else run.reseed(seed);
    this._sendPrepared();
  }

  private _train(epochs?: number): void {
    const run = this._current();
    if (this._training) return;
    if (run.stopped || run.epoch >= run.config.training.epochs) {
      run.reset();
      this._sendPrepared();
    }
    this._epochsLeft = epochs ?? Infinity;
    this._training = true;
    this._stepsSinceFlush = 0;
    this._lastFlush = this._clock.now();
    this._emit({ type: 'status', runId: this._runId, status: 'running' });
    this._schedule();
  }

  private _schedule(): void {
    this._next = this._clock.defer(() => this._slice(), 0);
  }

  /** Trains for one time slice, then reports if due and yields to pending messages. */
  private _slice(): void {
    this._next = undefined;
    if (!this._training) return;
    try {
      const end = this._clock.now() + this._sliceMs;
      while (this._training && this._clock.now() < end) this._trainOneStep();
    } catch (error) {
      this._fail(error);
      return;
    }
    if (!this._training) return;
    if (this._clock.now() - this._lastFlush >= 1000 / this._updatesPerSecond)
      this._flush();
    this._schedule();
  }

  private _trainOneStep(): void {
    const run = this._current();
    const { loss, epoch } = run.step();
    this._batchLoss = loss;
    this._stepsSinceFlush += 1;
    if (epoch) {
      this._pending.push(epoch);
      this._epochsLeft -= 1;
    }
    const stop = run.stopped ?? stopOnLoss(loss) ?? this._completed(run);
    if (stop) return this._finish(stop);
    if (this._epochsLeft <= 0) this._pause();
  }

  private _completed(run: RunModel): StopInfo | undefined {
    if (run.epoch < run.config.training.epochs) return undefined;
    const epochs = run.config.training.epochs;
    const message = epochs === 1 ? 'Trained 1 epoch.' : `Trained all ${epochs} epochs.`;
    return { reason: 'completed', message };
  }

  private _finish(stop: StopInfo): void {
    this._halt();
    this._flush();
    this._emit({ type: 'status', runId: this._runId, status: 'stopped', stop });
  }

  private _fail(error: unknown): void {
    this._halt();
    this._flush();
    this._emit({ type: 'error', runId: this._runId, message: messageOf(error) });
  }

  private _pause(): void {
    const wasTraining = this._training;
    this._halt();
    if (wasTraining) this._flush();
    this._emit({ type: 'status', runId: this._runId, status: 'paused' });
  }

  private _cancel(): void {
    const run = this._current();
    this._halt();
    run.cancel();
    this._flush();
    const stop = run.stopped ?? {
      reason: 'cancelled',
      message: 'Training was cancelled.',
    };
    this._emit({ type: 'status', runId: this._runId, status: 'stopped', stop });
  }

  /** Stops the loop without reporting. */
  private _halt(): void {
    this._training = false;
    this._next?.cancel();
    this._next = undefined;
  }

  /** Sends the epochs finished since the last report and, if anything trained, a snapshot. */
  private _flush(): void {
    if (this._pending.length === 0 && this._stepsSinceFlush === 0) return;
    const run = this._current();
    const epochs = this._pending;
    this._pending = [];
    this._stepsSinceFlush = 0;
    this._lastFlush = this._clock.now();
    const snapshot = run.snapshot(this._view, this._batchLoss);
    this._emit({ type: 'progress', runId: this._runId, epochs, snapshot });
  }

  private _sendSnapshot(): void {
    if (!this._run) return;
    const snapshot = this._run.snapshot(this._view, this._batchLoss);
    this._emit({ type: 'progress', runId: this._runId, epochs: [], snapshot });
  }

  private _inspect(requestId: number, split: 'train' | 'test', index: number): void {
    const result = this._current().inspect(split, index);
    this._emit({ type: 'inspection', runId: this._runId, requestId, result });
  }

  private _export(requestId: number): void {
    const run = this._current().toRunFile();
    this._emit({ type: 'runFile', runId: this._runId, requestId, run });
  }

  /** The current run; throws if none was built yet. */
  private _current(): RunModel {
    if (!this._run) throw new Error('Runner: no run yet; send "init" or "load" first.');
    return this._run;
  }
}

/** A stop for a loss that is NaN or infinite, which the engine may not have flagged. */
function stopOnLoss(loss: number): StopInfo | undefined {
  if (Number.isFinite(loss)) return undefined;
  const message =
    `The loss became ${loss}: training diverged. ` +
    'Lower the learning rate, or use a loss on logits (BCEWithLogitsLoss, CrossEntropyLoss).';
  return { reason: 'diverged', message };
}

/** The text of an error of any kind. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
