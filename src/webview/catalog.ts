/**
 * What the pickers offer: datasets, activations, heads, losses, optimizers, with the labels the
 * user reads. Datasets come from the engine's list; the other names are listed here, typed by
 * the engine's own unions so that a missing or misspelled name fails to compile.
 */
import type {
  ActivationName,
  DatasetName,
  HeadName,
  LossName,
  OptimizerName,
  Reduction,
  RunConfig,
} from '../engine/config';
import {
  configClassCount,
  DATASETS as ENGINE_DATASETS,
  datasetShape,
} from '../engine/datasets/catalog';
import { outputChoices, takesIndices } from '../engine/targets';
import type { Choice } from './dom';

/** The kind of labels a dataset has. */
export type Task = 'binary' | 'multiclass' | 'multilabel';

/** How the picker shows one dataset. */
export interface DatasetEntry {
  label: string;
  task: Task;
  /** Shipped data (fixed samples, no noise) rather than generated from the seed. */
  real: boolean;
  /** Number of classes (or labels) when fixed; synthetic K is a setting. */
  classes: number;
  /** K (spiral, blobs) or L (multi-label) is the user's choice. */
  variableClasses?: 'classes' | 'labels';
}

/** Every dataset, in picker order, from the engine's list: real ones say so in their label. */
export const DATASETS = Object.fromEntries(
  ENGINE_DATASETS.map((d) => [d.name, entryOf(d)]),
) as Record<DatasetName, DatasetEntry>;

/** How the picker shows one of the engine's datasets. */
function entryOf(d: (typeof ENGINE_DATASETS)[number]): DatasetEntry {
  const variable = d.defaultClasses ? 'classes' : d.defaultLabels ? 'labels' : undefined;
  return {
    label: d.real ? `${d.label} (real)` : d.label,
    task: d.task,
    real: d.real,
    classes: configClassCount({
      name: d.name,
      samples: 1,
      noise: 0,
      testFraction: 0,
      seed: 0,
    }),
    ...(variable ? { variableClasses: variable } : {}),
  };
}

/** The choices of a `Record` keyed by value, labelled by `label`. */
function choicesOf<T extends string, E>(
  table: Record<T, E>,
  label: (e: E) => string,
): Choice[] {
  return (Object.keys(table) as T[]).map((value) => ({
    value,
    label: label(table[value]),
  }));
}

/** The dataset picker's choices. */
export const DATASET_CHOICES = choicesOf(DATASETS, (d) => d.label);

/** Hidden-layer activations, as the torch.nn modules are named. */
export const ACTIVATIONS: Record<ActivationName, string> = {
  relu: 'ReLU',
  leaky_relu: 'LeakyReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  identity: 'Identity',
};

/** The activation picker's choices. */
export const ACTIVATION_CHOICES = choicesOf(ACTIVATIONS, (label) => label);

/** What each head makes of the last layer's output, in words. */
export const HEADS: Record<HeadName, { label: string }> = {
  none: { label: 'None (logits)' },
  sigmoid: { label: 'Sigmoid' },
  softmax: { label: 'Softmax' },
  log_softmax: { label: 'LogSoftmax' },
};

/** The head picker's choices. */
export const HEAD_CHOICES = choicesOf(HEADS, (h) => h.label);

/** The options each loss takes, as PyTorch's constructor arguments. */
export interface LossEntry {
  weight: boolean;
  posWeight: boolean;
  ignoreIndex: boolean;
  labelSmoothing: boolean;
}

/** Every loss and the options it accepts. */
export const LOSSES: Record<LossName, LossEntry> = {
  BCEWithLogitsLoss: {
    weight: true,
    posWeight: true,
    ignoreIndex: false,
    labelSmoothing: false,
  },
  BCELoss: { weight: true, posWeight: false, ignoreIndex: false, labelSmoothing: false },
  CrossEntropyLoss: {
    weight: true,
    posWeight: false,
    ignoreIndex: true,
    labelSmoothing: true,
  },
  NLLLoss: { weight: true, posWeight: false, ignoreIndex: true, labelSmoothing: false },
  MSELoss: { weight: false, posWeight: false, ignoreIndex: false, labelSmoothing: false },
};

/** The loss picker's choices. */
export const LOSS_CHOICES = choicesOf(LOSSES, () => '').map((c) => ({
  ...c,
  label: c.value,
}));

/** The reduction picker's choices. */
export const REDUCTION_CHOICES: Choice[] = (['mean', 'sum', 'none'] as Reduction[]).map(
  (r) => ({
    value: r,
    label: r,
  }),
);

/** The optimizers and the settings each shows beside the learning rate. */
export const OPTIMIZERS: Record<OptimizerName, { momentum: boolean; betas: boolean }> = {
  SGD: { momentum: true, betas: false },
  Adam: { momentum: false, betas: true },
  AdamW: { momentum: false, betas: true },
  RMSprop: { momentum: true, betas: false },
};

/** The optimizer picker's choices. */
export const OPTIMIZER_CHOICES = choicesOf(OPTIMIZERS, () => '').map((c) => ({
  ...c,
  label: c.value,
}));

export { datasetShape, outputChoices, takesIndices };

/**
 * Points the head and loss at the usual choice for a task, when the dataset's task changed:
 * logits with CrossEntropyLoss for multiclass data, BCEWithLogitsLoss otherwise.
 */
export function suitLossToTask(config: RunConfig, previous: Task): void {
  const { task } = datasetShape(config.dataset);
  if (task === previous) return;
  const name: LossName = task === 'multiclass' ? 'CrossEntropyLoss' : 'BCEWithLogitsLoss';
  config.loss = { name, reduction: config.loss.reduction };
  config.model.head = 'none';
}

/** Sets the output width to one the data and loss accept, when the current one does not fit. */
export function fitOutputs(config: RunConfig): void {
  const { task, classes } = datasetShape(config.dataset);
  const choices = outputChoices(task, classes, config.loss.name);
  if (!choices.includes(config.model.outputs)) config.model.outputs = choices[0];
}
