/** Builds the optimizer a config names. */
import type { OptimizerConfig } from '../config';
import type { Parameter } from '../model';
import { Adam, AdamW } from './adam';
import type { Optimizer } from './optimizer';
import { RmsProp } from './rmsprop';
import { Sgd } from './sgd';

export type { Optimizer } from './optimizer';

/** The torch.optim optimizer named by `config.name`, over `params`. */
export function makeOptimizer(params: Parameter[], config: OptimizerConfig): Optimizer {
  if (!(config.lr > 0) || !Number.isFinite(config.lr)) {
    throw new Error(
      `${config.name} needs a positive finite learning rate, got ${config.lr}`,
    );
  }
  switch (config.name) {
    case 'SGD':
      return new Sgd(params, config);
    case 'Adam':
      return new Adam(params, config);
    case 'AdamW':
      return new AdamW(params, config);
    case 'RMSprop':
      return new RmsProp(params, config);
  }
}
