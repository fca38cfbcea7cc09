/**
 * The losses of torch.nn on a batch: value and gradient with respect to the input, with
 * PyTorch's options, reductions and float32 rounding, and refusals that say what to do.
 */
import type { LossConfig, LossName } from '../config';
import { zerosLike, type Matrix } from '../tensor';
import { bceLoss } from './bce';
import { bceWithLogitsLoss } from './bceWithLogits';
import { checkOptions, shapeText } from './common';
import { crossEntropyIndexLoss } from './crossEntropy';
import { crossEntropyProbsLoss } from './crossEntropyProbs';
import { LossError } from './errors';
import { fastLoss } from './fast';
import { mseLoss } from './mse';
import { nllLoss } from './nll';
import type { LossResult, Target } from './types';

export { LossError, type LossErrorCode } from './errors';
export type { LossResult, Target } from './types';

type LossFunction = (
  config: LossConfig,
  input: Matrix,
  target: Target,
  grad: Matrix,
) => LossResult;

/**
 * The loss of `input` (N, C) against `target` under `config`, and d sum(output) / d input,
 * written into `grad` when given (same shape as input) instead of a new matrix.
 * Throws a LossError when the input, target or options are refused.
 */
export function computeLoss(
  config: LossConfig,
  input: Matrix,
  target: Target,
  grad?: Matrix,
): LossResult {
  const out = grad ?? zerosLike(input);
  checkGrad(config, input, out);
  const value = fastLoss(config, input, target, out);
  if (value !== undefined) return { value, grad: out };
  checkConfig(config);
  return lossFunction(config, target)(config, input, target, out);
}

/**
 * The reduced loss alone, as computeLoss gives it, with d loss / d input written into `grad`:
 * what a training step needs, without a result object. Throws as computeLoss does.
 */
export function lossValue(
  config: LossConfig,
  input: Matrix,
  target: Target,
  grad: Matrix,
): number {
  checkGrad(config, input, grad);
  const value = fastLoss(config, input, target, grad);
  if (value !== undefined) return value;
  checkConfig(config);
  return lossFunction(config, target)(config, input, target, grad).value;
}

/** Refuses a gradient buffer whose shape or dtype differs from the input's. */
function checkGrad(config: LossConfig, input: Matrix, grad: Matrix): void {
  if (
    grad.rows === input.rows &&
    grad.cols === input.cols &&
    grad.dtype === input.dtype
  ) {
    return;
  }
  throw new LossError(
    'invalid',
    `${config.name}: the gradient buffer is ${shapeText(grad)} ` +
      `${grad.dtype}, the input ${shapeText(input)} ${input.dtype}: allocate it like the input`,
  );
}

function lossFunction(config: LossConfig, target: Target): LossFunction {
  switch (config.name) {
    case 'BCELoss':
      return bceLoss;
    case 'BCEWithLogitsLoss':
      return bceWithLogitsLoss;
    case 'CrossEntropyLoss':
      return target.kind === 'index' ? crossEntropyIndexLoss : crossEntropyProbsLoss;
    case 'NLLLoss':
      return nllLoss;
    case 'MSELoss':
      return mseLoss;
  }
  throw unknownLoss(config.name);
}

function checkConfig(config: LossConfig): void {
  checkOptions(config);
  const epsilon = config.labelSmoothing ?? 0;
  if (!(epsilon >= 0 && epsilon <= 1)) {
    throw new LossError(
      'invalid',
      `${config.name} labelSmoothing must be in [0, 1], ` +
        `got ${epsilon}: 0 turns it off, 0.1 is usual`,
    );
  }
}

function unknownLoss(name: never): LossError {
  return new LossError(
    'invalid',
    `unknown loss "${String(name)}": use BCELoss, ` +
      'BCEWithLogitsLoss, CrossEntropyLoss, NLLLoss or MSELoss',
  );
}

const expectations: Record<LossName, { input: string; target: string }> = {
  BCELoss: {
    input: 'probabilities in [0, 1], shape (N, C)',
    target: '0/1 labels or probabilities in [0, 1], shape (N, C)',
  },
  BCEWithLogitsLoss: {
    input: 'logits (any real number), shape (N, C)',
    target: '0/1 labels or probabilities in [0, 1], shape (N, C)',
  },
  CrossEntropyLoss: {
    input: 'logits (any real number), shape (N, C)',
    target: 'class indices in [0, C), shape (N), or class probabilities, shape (N, C)',
  },
  NLLLoss: {
    input: 'log-probabilities (a LogSoftmax head), shape (N, C)',
    target: 'class indices in [0, C), shape (N)',
  },
  MSELoss: {
    input: 'any real numbers, shape (N, C)',
    target: 'real numbers of the same shape (N, C)',
  },
};

/** Short human text of what the loss `config` takes as input and as target. */
export function lossExpects(config: LossConfig): { input: string; target: string } {
  const expected = expectations[config.name];
  if (expected === undefined) throw unknownLoss(config.name as never);
  return expected;
}
