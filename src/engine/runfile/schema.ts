/** Run configurations and saved runs as zod schemas, the source of the JSON Schema. */
import * as z from './zod';

const positiveInt = z.int().check(z.positive());
const probability = z.number().check(z.gte(0), z.lte(1));
const nonNegative = z.number().check(z.gte(0));
/** A number in [0, 1), as Adam's betas. */
const belowOne = z.number().check(z.gte(0), z.lt(1));

/** A dataset and how it is generated and split. */
export const DatasetSchema = z.strictObject({
  name: z.enum([
    'circle',
    'xor',
    'gaussians',
    'moons',
    'spiral',
    'blobs',
    'multilabel',
    'iris',
    'wine',
    'breast_cancer',
  ]),
  samples: positiveInt.check(
    z.lte(100_000),
    z.describe('Number of points (synthetic data only).'),
  ),
  noise: z
    .number()
    .check(z.gte(0), z.lte(10), z.describe('Noise level (synthetic data only).')),
  testFraction: belowOne.check(z.describe('Fraction of points held out for testing.')),
  seed: z.int(),
  classes: z
    .optional(z.int().check(z.gte(2), z.lte(10)))
    .check(z.describe('Spiral arms or blobs.')),
  labels: z
    .optional(z.int().check(z.gte(1), z.lte(10)))
    .check(z.describe('Labels per point (multi-label).')),
});

/** One hidden layer. */
export const LayerSchema = z.strictObject({
  units: positiveInt.check(z.lte(1024)),
  activation: z.enum(['relu', 'leaky_relu', 'tanh', 'sigmoid', 'identity']),
});

/** The model: hidden layers, output units and the head. */
export const ModelSchema = z.strictObject({
  hidden: z.array(LayerSchema).check(z.maxLength(8)),
  outputs: positiveInt.check(z.lte(100)),
  head: z.enum(['none', 'sigmoid', 'softmax', 'log_softmax']),
  negativeSlope: z.optional(z.number()),
  threshold: z.optional(
    z
      .number()
      .check(
        z.gt(0),
        z.lt(1),
        z.describe('Probability above which a binary or multi-label output is positive.'),
      ),
  ),
});

/** The loss and PyTorch's options for it. */
export const LossSchema = z.strictObject({
  name: z.enum([
    'BCELoss',
    'BCEWithLogitsLoss',
    'CrossEntropyLoss',
    'NLLLoss',
    'MSELoss',
  ]),
  reduction: z.enum(['mean', 'sum', 'none']),
  weight: z.optional(z.array(nonNegative)),
  posWeight: z.optional(z.array(nonNegative)),
  ignoreIndex: z.optional(z.int()),
  labelSmoothing: z.optional(probability),
});

/** The optimizer and PyTorch's options for it. */
export const OptimizerSchema = z.strictObject({
  name: z.enum(['SGD', 'Adam', 'AdamW', 'RMSprop']),
  lr: z.number().check(z.positive()),
  momentum: z.optional(nonNegative),
  dampening: z.optional(nonNegative),
  nesterov: z.optional(z.boolean()),
  weightDecay: z.optional(nonNegative),
  betas: z.optional(z.tuple([belowOne, belowOne])),
  eps: z.optional(z.number().check(z.positive())),
  amsgrad: z.optional(z.boolean()),
  alpha: z.optional(probability),
  centered: z.optional(z.boolean()),
  l1: z.optional(nonNegative),
});

/** How training proceeds. */
export const TrainingSchema = z.strictObject({
  epochs: positiveInt.check(z.lte(100_000)),
  batchSize: positiveInt,
  shuffle: z.boolean(),
  targetLoss: z.optional(z.number()),
});

/** Everything that defines a run. */
export const RunConfigSchema = z.strictObject({
  name: z.string(),
  seed: z.int(),
  dtype: z.enum(['float32', 'float64']),
  dataset: DatasetSchema,
  model: ModelSchema,
  loss: LossSchema,
  optimizer: OptimizerSchema,
  training: TrainingSchema,
});

/** A metric that may be missing (null), e.g. the test loss without a test split. */
const metric = z.nullable(z.number());

/** One epoch's record. */
export const EpochSchema = z.strictObject({
  epoch: positiveInt,
  trainLoss: metric,
  testLoss: metric,
  trainAccuracy: metric,
  testAccuracy: metric,
  steps: z.int().check(z.gte(0)),
  elapsedMs: nonNegative,
});

/** One Linear layer's parameters: weight (out, in), bias (out). */
export const LinearSchema = z.strictObject({
  weight: z.array(z.array(z.number())),
  bias: z.array(z.number()),
});

/** A saved run: its configuration, history and weights (strict, as RunConfigSchema is). */
export const RunFileSchema = z.extend(RunConfigSchema, {
  $schema: z.optional(z.string()),
  format: z.literal('logit-lab-run'),
  formatVersion: z.literal(1),
  toolVersion: z.string(),
  createdAt: z.iso.datetime(),
  history: z.array(EpochSchema),
  weights: z.strictObject({
    initial: z.array(LinearSchema),
    final: z.array(LinearSchema),
  }),
  stopped: z.optional(
    z.strictObject({
      reason: z.enum(['completed', 'target_loss', 'diverged', 'cancelled']),
      message: z.string(),
    }),
  ),
});

/** A run file as stored (metrics that were not finite are null). */
export type RunFileData = z.infer<typeof RunFileSchema>;

/** The JSON Schema of run files (draft-07, which editors understand). */
export function runFileJsonSchema(): object {
  const schema = z.toJSONSchema(RunFileSchema, { target: 'draft-7' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'Logit Lab run file',
    $id: 'https://logit-lab.dev/run.schema.json',
  };
}
