/** The configuration of a run: everything needed to repeat it bit for bit. */
import type { DType } from './tensor';

/** Hidden-layer activations, chosen per layer. */
export type ActivationName = 'relu' | 'leaky_relu' | 'tanh' | 'sigmoid' | 'identity';

/** What follows the last Linear layer, applied row-wise over the class axis. */
export type HeadName = 'none' | 'sigmoid' | 'softmax' | 'log_softmax';

/** The loss modules, named as in torch.nn. */
export type LossName =
  'BCELoss' | 'BCEWithLogitsLoss' | 'CrossEntropyLoss' | 'NLLLoss' | 'MSELoss';

/** How per-element losses are combined, as PyTorch's `reduction`. */
export type Reduction = 'mean' | 'sum' | 'none';

/** The optimizers, named as in torch.optim. */
export type OptimizerName = 'SGD' | 'Adam' | 'AdamW' | 'RMSprop';

/** The built-in datasets: synthetic ones are generated from the seed, real ones are shipped. */
export type DatasetName =
  | 'circle'
  | 'xor'
  | 'gaussians'
  | 'moons'
  | 'spiral'
  | 'blobs'
  | 'multilabel'
  | 'iris'
  | 'wine'
  | 'breast_cancer';

/** A dataset and the parameters that generate or split it. */
export interface DatasetConfig {
  name: DatasetName;
  /** Number of points for synthetic data; ignored for real data. */
  samples: number;
  /** Noise level for synthetic data (dataset-specific scale); ignored for real data. */
  noise: number;
  /** Fraction of points held out as the test split, in [0, 1). */
  testFraction: number;
  /** Seed of the generator and of the split. */
  seed: number;
  /** Spiral arms or Gaussian blobs (K); multiclass synthetic data only. */
  classes?: number;
  /** Number of 0/1 labels per point; multi-label data only. */
  labels?: number;
}

/** One hidden layer: Linear(previous, units) followed by its activation. */
export interface LayerConfig {
  units: number;
  activation: ActivationName;
}

/** A multilayer perceptron: inputs come from the dataset, `outputs` units at the end. */
export interface ModelConfig {
  hidden: LayerConfig[];
  outputs: number;
  head: HeadName;
  /** Negative slope of every LeakyReLU (PyTorch's default is 0.01). */
  negativeSlope?: number;
  /**
   * Probability above which a binary or multi-label output counts as positive (default 0.5,
   * which for raw logits is the rule logit > 0).
   */
  threshold?: number;
}

/** A loss and PyTorch's constructor arguments for it. */
export interface LossConfig {
  name: LossName;
  reduction: Reduction;
  weight?: number[];
  posWeight?: number[];
  ignoreIndex?: number;
  labelSmoothing?: number;
}

/** An optimizer and PyTorch's constructor arguments, with PyTorch's defaults where absent. */
export interface OptimizerConfig {
  name: OptimizerName;
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
  betas?: [number, number];
  eps?: number;
  amsgrad?: boolean;
  /** RMSprop's smoothing constant. */
  alpha?: number;
  /** RMSprop's centred variant. */
  centered?: boolean;
  /** Strength of an L1 penalty on the weights, added to the loss's gradient. */
  l1?: number;
}

/** How training proceeds. */
export interface TrainingConfig {
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  /** Stop as soon as the epoch's train loss is at or below this. */
  targetLoss?: number;
}

/** Everything that defines a run. */
export interface RunConfig {
  name: string;
  seed: number;
  dtype: DType;
  dataset: DatasetConfig;
  model: ModelConfig;
  loss: LossConfig;
  optimizer: OptimizerConfig;
  training: TrainingConfig;
}
