/** Ready-made runs: the default playground and one template per head and loss pairing. */
import type { DatasetConfig, LossConfig, RunConfig } from './config';

/** A named starting point for a run. */
export interface Template {
  id: string;
  label: string;
  description: string;
  config: RunConfig;
}

/** A dataset config with the playground's usual sample count, noise and split. */
function data(
  name: DatasetConfig['name'],
  extra: Partial<DatasetConfig> = {},
): DatasetConfig {
  return { name, samples: 400, noise: 0.1, testFraction: 0.2, seed: 1, ...extra };
}

/** A run of two hidden ReLU layers trained with Adam. */
function run(
  name: string,
  dataset: DatasetConfig,
  outputs: number,
  head: RunConfig['model']['head'],
  loss: LossConfig['name'],
  epochs = 100,
): RunConfig {
  return {
    name,
    seed: 0,
    dtype: 'float32',
    dataset,
    model: {
      hidden: [
        { units: 16, activation: 'relu' },
        { units: 16, activation: 'relu' },
      ],
      outputs,
      head,
      negativeSlope: 0.01,
    },
    loss: { name: loss, reduction: 'mean' },
    optimizer: { name: 'Adam', lr: 0.01 },
    training: { epochs, batchSize: 32, shuffle: true },
  };
}

/** Two moons, two hidden layers, raw logits and BCEWithLogitsLoss, Adam. */
export const DEFAULT_RUN: RunConfig = run(
  'Two moons',
  data('moons'),
  1,
  'none',
  'BCEWithLogitsLoss',
);

/** The templates offered by "New Run from Template…". */
export const TEMPLATES: Template[] = [
  {
    id: 'binary-sigmoid-bce',
    label: 'Binary: Sigmoid head + BCELoss',
    description: 'Probabilities out of the model; BCELoss clamps its logs at -100.',
    config: run('Circle, Sigmoid + BCELoss', data('circle'), 1, 'sigmoid', 'BCELoss'),
  },
  {
    id: 'binary-logits-bcewithlogits',
    label: 'Binary: logits + BCEWithLogitsLoss',
    description: 'One logit; the loss applies the sigmoid itself, stably.',
    config: DEFAULT_RUN,
  },
  {
    id: 'binary-two-outputs-ce',
    label: 'Binary with two outputs: logits + CrossEntropyLoss',
    description: 'Two logits and softmax: the same model family as one sigmoid output.',
    config: run(
      'XOR, two logits + CrossEntropyLoss',
      data('xor'),
      2,
      'none',
      'CrossEntropyLoss',
    ),
  },
  {
    id: 'multiclass-ce',
    label: 'Multiclass: logits + CrossEntropyLoss',
    description: 'Three spiral arms; the loss applies log-softmax itself.',
    config: run(
      'Spiral, logits + CrossEntropyLoss',
      data('spiral', { classes: 3, samples: 600 }),
      3,
      'none',
      'CrossEntropyLoss',
      200,
    ),
  },
  {
    id: 'multiclass-logsoftmax-nll',
    label: 'Multiclass: LogSoftmax + NLLLoss',
    description: 'LogSoftmax head and NLLLoss: CrossEntropyLoss in two pieces.',
    config: run(
      'Blobs, LogSoftmax + NLLLoss',
      data('blobs', { classes: 4 }),
      4,
      'log_softmax',
      'NLLLoss',
    ),
  },
  {
    id: 'multilabel-bcewithlogits',
    label: 'Multi-label: logits + BCEWithLogitsLoss',
    description: 'Several independent 0/1 labels per point, one logit each.',
    config: run(
      'Multi-label, logits + BCEWithLogitsLoss',
      data('multilabel', { labels: 3 }),
      3,
      'none',
      'BCEWithLogitsLoss',
    ),
  },
  {
    id: 'iris-ce',
    label: 'Real data: Iris, logits + CrossEntropyLoss',
    description: 'Three species from four measurements (UCI Iris).',
    config: run(
      'Iris',
      data('iris', { testFraction: 0.3 }),
      3,
      'none',
      'CrossEntropyLoss',
      60,
    ),
  },
  {
    id: 'breast-cancer-bcewithlogits',
    label: 'Real data: Breast Cancer Wisconsin, one logit + BCEWithLogitsLoss',
    description: 'Malignant or benign from 30 measurements (UCI).',
    config: run(
      'Breast cancer',
      data('breast_cancer', { testFraction: 0.3 }),
      1,
      'none',
      'BCEWithLogitsLoss',
      40,
    ),
  },
  {
    id: 'wine-ce',
    label: 'Real data: Wine, logits + CrossEntropyLoss',
    description: 'Three cultivars from 13 chemical measurements (UCI Wine).',
    config: run(
      'Wine',
      data('wine', { testFraction: 0.3 }),
      3,
      'none',
      'CrossEntropyLoss',
      60,
    ),
  },
];
