/** Run configurations and saved runs as zod schemas, the source of the JSON Schema. */
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const probability = z.number().min(0).max(1);

/** A dataset and how it is generated and split. */
export const DatasetSchema = z
  .object({
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
    samples: positiveInt.max(100_000).describe('Number of points (synthetic data only).'),
    noise: z.number().min(0).max(10).describe('Noise level (synthetic data only).'),
    testFraction: z
      .number()
      .min(0)
      .lt(1)
      .describe('Fraction of points held out for testing.'),
    seed: z.number().int(),
    classes: z.number().int().min(2).max(10).optional().describe('Spiral arms or blobs.'),
    labels: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe('Labels per point (multi-label).'),
  })
  .strict();

/** One hidden layer. */
export const LayerSchema = z
  .object({
    units: positiveInt.max(1024),
    activation: z.enum(['relu', 'leaky_relu', 'tanh', 'sigmoid', 'identity']),
  })
  .strict();

/** The model: hidden layers, output units and the head. */
export const ModelSchema = z
  .object({
    hidden: z.array(LayerSchema).max(8),
    outputs: positiveInt.max(100),
    head: z.enum(['none', 'sigmoid', 'softmax', 'log_softmax']),
    negativeSlope: z.number().optional(),
  })
  .strict();

/** The loss and PyTorch's options for it. */
export const LossSchema = z
  .object({
    name: z.enum([
      'BCELoss',
      'BCEWithLogitsLoss',
      'CrossEntropyLoss',
      'NLLLoss',
      'MSELoss',
    ]),
    reduction: z.enum(['mean', 'sum', 'none']),
    weight: z.array(z.number().min(0)).optional(),
    posWeight: z.array(z.number().min(0)).optional(),
    ignoreIndex: z.number().int().optional(),
    labelSmoothing: probability.optional(),
  })
  .strict();

/** The optimizer and PyTorch's options for it. */
export const OptimizerSchema = z
  .object({
    name: z.enum(['SGD', 'Adam', 'AdamW', 'RMSprop']),
    lr: z.number().positive(),
    momentum: z.number().min(0).optional(),
    dampening: z.number().min(0).optional(),
    nesterov: z.boolean().optional(),
    weightDecay: z.number().min(0).optional(),
    betas: z.tuple([z.number().min(0).lt(1), z.number().min(0).lt(1)]).optional(),
    eps: z.number().positive().optional(),
    amsgrad: z.boolean().optional(),
    alpha: z.number().min(0).max(1).optional(),
    centered: z.boolean().optional(),
    l1: z.number().min(0).optional(),
  })
  .strict();

/** How training proceeds. */
export const TrainingSchema = z
  .object({
    epochs: positiveInt.max(100_000),
    batchSize: positiveInt,
    shuffle: z.boolean(),
    targetLoss: z.number().optional(),
  })
  .strict();

/** Everything that defines a run. */
export const RunConfigSchema = z
  .object({
    name: z.string(),
    seed: z.number().int(),
    dtype: z.enum(['float32', 'float64']),
    dataset: DatasetSchema,
    model: ModelSchema,
    loss: LossSchema,
    optimizer: OptimizerSchema,
    training: TrainingSchema,
  })
  .strict();

/** A metric that may be missing (null), e.g. the test loss without a test split. */
const metric = z.number().nullable();

/** One epoch's record. */
export const EpochSchema = z
  .object({
    epoch: positiveInt,
    trainLoss: metric,
    testLoss: metric,
    trainAccuracy: metric,
    testAccuracy: metric,
    steps: z.number().int().min(0),
    elapsedMs: z.number().min(0),
  })
  .strict();

/** One Linear layer's parameters: weight (out, in), bias (out). */
export const LinearSchema = z
  .object({ weight: z.array(z.array(z.number())), bias: z.array(z.number()) })
  .strict();

/** A saved run: its configuration, history and weights. */
export const RunFileSchema = RunConfigSchema.extend({
  $schema: z.string().optional(),
  format: z.literal('logit-lab-run'),
  formatVersion: z.literal(1),
  toolVersion: z.string(),
  createdAt: z.iso.datetime(),
  history: z.array(EpochSchema),
  weights: z
    .object({ initial: z.array(LinearSchema), final: z.array(LinearSchema) })
    .strict(),
  stopped: z
    .object({
      reason: z.enum(['completed', 'target_loss', 'diverged', 'cancelled']),
      message: z.string(),
    })
    .strict()
    .optional(),
}).strict();

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
