/** What NLLLoss and CrossEntropyLoss share: class-index targets and their summed weights. */
import type { LossConfig } from '../config';
import type { Matrix } from '../tensor';
import { checkColumns, columnValue, shapeText, type Round } from './common';
import { LossError } from './errors';
import type { Target } from './types';

/** PyTorch's default ignore_index. */
export const defaultIgnoreIndex = -100;

/** The class indices of `target`, checked: one per row of `input`, each in [0, C) or ignored. */
export function indexTarget(
  config: LossConfig,
  input: Matrix,
  target: Target,
): Int32Array {
  const { name } = config;
  if (target.kind !== 'index') {
    throw new LossError(
      'invalid',
      `${name} needs class indices in [0, ${input.cols}), ` +
        'got float targets: pass the class index of each row',
    );
  }
  const { index } = target;
  if (index.length !== input.rows) {
    throw new LossError(
      'shape_mismatch',
      `${name} needs one class index per row of the ` +
        `input ${shapeText(input)}, got ${index.length} indices`,
    );
  }
  checkColumns(name, 'weight', config.weight, input.cols, false);
  const ignoreIndex = config.ignoreIndex ?? defaultIgnoreIndex;
  for (let i = 0; i < index.length; i++) {
    const t = index[i];
    if (t === ignoreIndex || (t >= 0 && t < input.cols)) continue;
    throw new LossError(
      'target_out_of_range',
      `${name} needs class indices in ` +
        `[0, ${input.cols}), got ${t} at row ${i}: the model has ${input.cols} outputs, ` +
        `one per class (or use ignoreIndex ${ignoreIndex} to skip a row)`,
    );
  }
  return index;
}

/** Σ weight[target_i] over the rows not ignored: the divisor of reduction 'mean'. */
export function totalWeight(config: LossConfig, index: Int32Array, r: Round): number {
  const ignoreIndex = config.ignoreIndex ?? defaultIgnoreIndex;
  let sum = 0;
  for (let i = 0; i < index.length; i++) {
    if (index[i] !== ignoreIndex) sum += columnValue(config.weight, index[i], r);
  }
  return r(sum);
}
