/**
 * Messages between a host and its training worker (a worker_threads worker in VS Code, a Web
 * Worker in the browser). Both ends are our code, so these are types only; `runId` ties every
 * event to the `init` or `load` that began its run, so the host can drop stale events.
 */
import type { RunConfig } from '../engine/config';
import type { Inspection } from './host';
import type {
  DatasetView,
  EpochMetrics,
  ModelView,
  Snapshot,
  StopInfo,
  ViewOptions,
} from './state';

/** What the host asks of the worker. */
export type WorkerRequest =
  /** Build the data and a freshly initialised model from `config`; answered by `prepared`. */
  | {
      type: 'init';
      runId: number;
      config: RunConfig;
      view: ViewOptions;
      updatesPerSecond: number;
    }
  /** Restore a saved run (already checked by parseRunFile); answered by `prepared`. */
  | {
      type: 'load';
      runId: number;
      run: unknown;
      view: ViewOptions;
      updatesPerSecond: number;
    }
  /** Train until done or paused; `epochs` limits this call (1 for a single step). */
  | { type: 'train'; epochs?: number }
  | { type: 'pause' }
  | { type: 'cancel' }
  | { type: 'reset' }
  | { type: 'reseed'; seed: number }
  | { type: 'setView'; view: ViewOptions }
  | { type: 'setRate'; updatesPerSecond: number }
  | { type: 'inspect'; requestId: number; split: 'train' | 'test'; index: number }
  /** Serialise the run in the run file format; answered by `runFile`. */
  | { type: 'export'; requestId: number };

/** What the worker tells the host. */
export type WorkerEvent =
  | {
      type: 'prepared';
      runId: number;
      config: RunConfig;
      dataset: DatasetView;
      model: ModelView;
      history: EpochMetrics[];
      snapshot: Snapshot;
      /** Set when the run is already over, as a reopened finished run is. */
      stop?: StopInfo;
    }
  | { type: 'progress'; runId: number; epochs: EpochMetrics[]; snapshot?: Snapshot }
  | {
      type: 'status';
      runId: number;
      status: 'running' | 'paused' | 'stopped';
      stop?: StopInfo;
    }
  | { type: 'inspection'; runId: number; requestId: number; result: Inspection }
  | { type: 'runFile'; runId: number; requestId: number; run: unknown }
  /** A request failed; `requestId` is set when it answers an `inspect` or `export`. */
  | { type: 'error'; runId: number; message: string; requestId?: number };
