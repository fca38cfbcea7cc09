/** PyTorch's argument names, as reference files write them, mapped to the engine's configs. */
import type {
  LossConfig,
  LossName,
  OptimizerConfig,
  OptimizerName,
  Reduction,
} from '../config';

const LOSSES: LossName[] = [
  'BCELoss',
  'BCEWithLogitsLoss',
  'CrossEntropyLoss',
  'NLLLoss',
  'MSELoss',
];
const OPTIMIZERS: OptimizerName[] = ['SGD', 'Adam', 'AdamW', 'RMSprop'];

/** A LossConfig from a loss name and its torch.nn keyword arguments. */
export function lossConfigFrom(
  name: string,
  options: Record<string, unknown> = {},
): LossConfig {
  if (!LOSSES.includes(name as LossName)) {
    throw new Error(`unknown loss "${name}": use one of ${LOSSES.join(', ')}`);
  }
  return {
    name: name as LossName,
    reduction: (options.reduction as Reduction | undefined) ?? 'mean',
    weight: options.weight as number[] | undefined,
    posWeight: options.pos_weight as number[] | undefined,
    ignoreIndex: options.ignore_index as number | undefined,
    labelSmoothing: options.label_smoothing as number | undefined,
  };
}

/** An OptimizerConfig from torch.optim's keyword arguments plus `type`. */
export function optimizerConfigFrom(options: Record<string, unknown>): OptimizerConfig {
  const name = options.type as OptimizerName;
  if (!OPTIMIZERS.includes(name)) {
    throw new Error(
      `unknown optimizer "${String(name)}": use one of ${OPTIMIZERS.join(', ')}`,
    );
  }
  return {
    name,
    lr: options.lr as number,
    momentum: options.momentum as number | undefined,
    dampening: options.dampening as number | undefined,
    nesterov: options.nesterov as boolean | undefined,
    weightDecay: options.weight_decay as number | undefined,
    betas: options.betas as [number, number] | undefined,
    eps: options.eps as number | undefined,
    amsgrad: options.amsgrad as boolean | undefined,
    alpha: options.alpha as number | undefined,
    centered: options.centered as boolean | undefined,
  };
}

/** A number from a reference file, where non-finite values are the strings "nan", "inf", "-inf". */
export function decode(v: unknown): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (typeof v !== 'number')
    throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
}
