/** The state of a run as the host keeps it and replays it to the page: plain JSON only. */
import type { RunConfig } from '../engine/config';
import { RunConfigSchema } from '../engine/runfile';
import * as z from './zod';

/** A RunConfig, checked field by field by the engine's schema. */
export const runConfigSchema = RunConfigSchema as unknown as z.ZodMiniType<RunConfig>;

/** Any number, NaN and Infinity included (z.number() refuses them). */
const anyNumber = z.custom<number>(
  (value) => typeof value === 'number',
  'expected a number',
);

/**
 * A number that may be NaN or infinite, or arrive as null: VS Code sends messages as JSON,
 * where NaN and Infinity become null. Null reads back as NaN (e.g. a test loss without a test
 * split, a diverged run).
 */
export const num = z.union([
  anyNumber,
  z.pipe(
    z.null(),
    z.transform(() => NaN),
  ),
]);

/** The metrics of one finished epoch, as the engine's EpochMetrics. */
export const epochMetricsSchema = z.object({
  epoch: z.int(),
  trainLoss: num,
  testLoss: num,
  trainAccuracy: num,
  testAccuracy: num,
  steps: z.int(),
  elapsedMs: num,
});
export type EpochMetrics = z.infer<typeof epochMetricsSchema>;

/** Weight `(out, in)` and bias `(out)` of one Linear layer, as PyTorch stores them. */
export const linearWeightsSchema = z.object({
  weight: z.array(z.array(num)),
  bias: z.array(num),
});
export type LinearWeightsView = z.infer<typeof linearWeightsSchema>;

/**
 * Class probabilities on a `resolution` x `resolution` grid over two features, row-major from
 * the top row (y = yMax) down, `classes` values per cell; other features at their mean.
 */
export const gridSchema = z.object({
  resolution: z.int().check(z.positive()),
  features: z.tuple([z.int(), z.int()]),
  xMin: num,
  xMax: num,
  yMin: num,
  yMax: num,
  classes: z.int().check(z.positive()),
  probs: z.array(num),
});
export type GridView = z.infer<typeof gridSchema>;

/** The model and its pictures at one moment of training: sent at most every 1/updatesPerSecond. */
export const snapshotSchema = z.object({
  epoch: z.int(),
  steps: z.int(),
  /** Loss of the latest mini-batch; NaN before the first step. */
  batchLoss: num,
  weights: z.array(linearWeightsSchema),
  grid: z.optional(gridSchema),
  /** Confusion matrices `[target][predicted]`; for multi-label tasks one 2x2 per label, summed. */
  confusion: z.object({
    train: z.array(z.array(z.number())),
    test: z.array(z.array(z.number())),
  }),
  /** Every point's probabilities `(N, classes)` as the engine reads the model's outputs. */
  probs: z.object({
    train: z.array(z.array(num)),
    test: z.array(z.array(num)),
  }),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** One split of the data: inputs `(N, features)` and targets (class index, or 0/1 per label). */
export const splitSchema = z.object({
  x: z.array(z.array(num)),
  y: z.union([z.array(z.number()), z.array(z.array(z.number()))]),
});

/** The dataset as the page draws it; `x` is in the standardised space the model sees. */
export const datasetViewSchema = z.object({
  name: z.string(),
  task: z.enum(['binary', 'multiclass', 'multilabel']),
  features: z.array(z.string()),
  classNames: z.array(z.string()),
  train: splitSchema,
  test: splitSchema,
  /** Per-feature mean and standard deviation used to standardise the raw values. */
  mean: z.array(num),
  std: z.array(num),
  extent: z.object({ min: z.array(num), max: z.array(num) }),
});
export type DatasetView = z.infer<typeof datasetViewSchema>;

/** The model's architecture as text and numbers. */
export const modelViewSchema = z.object({
  /** As PyTorch prints the nn.Sequential. */
  description: z.string(),
  parameterCount: z.int(),
});
export type ModelView = z.infer<typeof modelViewSchema>;

/**
 * Where a run is: `idle` (built, not trained), `running`, `paused`, or `stopped` (see `stop`
 * for why: completed, target_loss, diverged, cancelled), or `error` (see `error`).
 */
export const runStatusSchema = z.enum(['idle', 'running', 'paused', 'stopped', 'error']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Why a run stopped, as the engine's StopInfo. */
export const stopInfoSchema = z.object({
  reason: z.enum(['completed', 'target_loss', 'diverged', 'cancelled']),
  message: z.string(),
});
export type StopInfo = z.infer<typeof stopInfoSchema>;

/** Which picture the page wants: the two features on the axes and the grid resolution. */
export const viewSchema = z.object({
  features: z.tuple([z.int().check(z.gte(0)), z.int().check(z.gte(0))]),
  gridResolution: z.int().check(z.gte(2), z.lte(200)),
});
export type ViewOptions = z.infer<typeof viewSchema>;

/** The settings the page should honour (from VS Code settings, or defaults on the web). */
export const settingsSchema = z.object({
  defaultDtype: z.enum(['float32', 'float64']),
  updatesPerSecond: z.number().check(z.positive()),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The file a run was opened from or saved to; `dirty` when it changed since. */
export const fileInfoSchema = z.object({
  name: z.nullable(z.string()),
  dirty: z.boolean(),
});
export type FileInfo = z.infer<typeof fileInfoSchema>;

/** Everything the page needs to draw a run from scratch: replayed on every `ready`. */
export const runStateSchema = z.object({
  config: runConfigSchema,
  status: runStatusSchema,
  stop: z.optional(stopInfoSchema),
  error: z.optional(z.string()),
  history: z.array(epochMetricsSchema),
  dataset: z.optional(datasetViewSchema),
  model: z.optional(modelViewSchema),
  snapshot: z.optional(snapshotSchema),
  view: viewSchema,
  settings: settingsSchema,
  file: fileInfoSchema,
});
export type RunState = z.infer<typeof runStateSchema>;
