/**
 * What the training loop needs from a run: a trainer plus the views the page draws. The engine
 * provides the real one (`engine-run.ts`); tests can provide a scripted one.
 */
import type { RunConfig } from '../engine/config';
import type { Inspection } from '../protocol/host';
import type {
  DatasetView,
  EpochMetrics,
  ModelView,
  Snapshot,
  StopInfo,
  ViewOptions,
} from '../protocol/state';

/** One run: its trainer's state and the pictures of it, all as plain JSON. */
export interface RunModel {
  readonly config: RunConfig;
  readonly history: EpochMetrics[];
  /** Epochs completed so far. */
  readonly epoch: number;
  /** Set once the run has stopped (completed, target loss, diverged, cancelled). */
  readonly stopped?: StopInfo;
  /** One mini-batch; `epoch` is set when this step ended an epoch. */
  step(): { loss: number; epoch?: EpochMetrics };
  reset(): void;
  reseed(seed: number): void;
  cancel(): void;
  dataset(): DatasetView;
  model(): ModelView;
  /** The current pictures; `batchLoss` is the latest mini-batch's loss (NaN before any). */
  snapshot(view: ViewOptions, batchLoss: number): Snapshot;
  inspect(split: 'train' | 'test', index: number): Inspection;
  /** The run in the run file format. */
  toRunFile(): unknown;
}

/** Builds runs from a config or from a run file already checked by parseRunFile. */
export interface RunFactory {
  fromConfig(config: RunConfig): RunModel;
  fromRunFile(run: unknown): RunModel;
}
