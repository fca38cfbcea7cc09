// The direct loss paths give bit for bit what the general loss functions give.
import { describe, expect, it } from 'vitest';
import type { LossConfig, Reduction } from '../../src/engine/config';
import { computeLoss, lossValue, type Target } from '../../src/engine/losses';
import { bceWithLogitsLoss } from '../../src/engine/losses/bceWithLogits';
import { crossEntropyIndexLoss } from '../../src/engine/losses/crossEntropy';
import { fastLoss } from '../../src/engine/losses/fast';
import { Rng } from '../../src/engine/rng';
import { type DType, type Matrix, zeros, zerosLike } from '../../src/engine/tensor';

const dtypes: DType[] = ['float32', 'float64'];
const reductions: Reduction[] = ['mean', 'sum'];

/** Logits of every scale: small, ordinary, and large enough to saturate exp. */
function logits(rows: number, cols: number, dtype: DType, rng: Rng): Matrix {
  const m = zeros(rows, cols, dtype);
  const scales = [1e-8, 0.5, 3, 20, 120];
  for (let k = 0; k < m.data.length; k++) {
    m.data[k] = rng.normal() * scales[rng.int(scales.length)];
  }
  if (m.data.length > 1) m.data[1] = -0;
  return m;
}

/** The general path's value and gradient, written into a new buffer. */
function general(
  f: typeof bceWithLogitsLoss,
  config: LossConfig,
  input: Matrix,
  target: Target,
): { value: number; grad: number[] } {
  const grad = zerosLike(input);
  const value = f(config, input, target, grad).value;
  return { value, grad: Array.from(grad.data) };
}

/** The direct path's value and gradient; fails when the direct path declines the case. */
function direct(
  config: LossConfig,
  input: Matrix,
  target: Target,
): { value: number; grad: number[] } {
  const grad = zerosLike(input);
  const value = fastLoss(config, input, target, grad);
  expect(value).toBeTypeOf('number');
  return { value: value!, grad: Array.from(grad.data) };
}

describe('direct CrossEntropyLoss', () => {
  for (const dtype of dtypes) {
    for (const reduction of reductions) {
      it(`equals the general path bit for bit (${dtype}, ${reduction})`, () => {
        const rng = new Rng(7);
        for (let trial = 0; trial < 200; trial++) {
          const [rows, cols] = [1 + rng.int(40), 1 + rng.int(12)];
          const input = logits(rows, cols, dtype, rng);
          const index = Int32Array.from({ length: rows }, () => rng.int(cols));
          const target: Target = { kind: 'index', index };
          const config: LossConfig = { name: 'CrossEntropyLoss', reduction };
          const want = general(crossEntropyIndexLoss, config, input, target);
          expect(direct(config, input, target)).toEqual(want);
        }
      });
    }
  }
});

describe('direct BCEWithLogitsLoss', () => {
  for (const dtype of dtypes) {
    for (const reduction of reductions) {
      it(`equals the general path bit for bit (${dtype}, ${reduction})`, () => {
        const rng = new Rng(11);
        for (let trial = 0; trial < 200; trial++) {
          const [rows, cols] = [1 + rng.int(40), 1 + rng.int(4)];
          const input = logits(rows, cols, dtype, rng);
          const values = zerosLike(input);
          for (let k = 0; k < values.data.length; k++) {
            values.data[k] = trial % 2 ? rng.int(2) : rng.uniform();
          }
          const target: Target = { kind: 'float', values };
          const config: LossConfig = { name: 'BCEWithLogitsLoss', reduction };
          const want = general(bceWithLogitsLoss, config, input, target);
          expect(direct(config, input, target)).toEqual(want);
        }
      });
    }
  }
});

describe('cases the direct paths leave to the general one', () => {
  const input = zeros(2, 3, 'float32');
  const grad = zerosLike(input);
  const index: Target = { kind: 'index', index: Int32Array.from([0, 2]) };

  it('declines weights, smoothing, ignored rows and reduction none', () => {
    const ce = (o: Partial<LossConfig>): LossConfig => ({
      name: 'CrossEntropyLoss',
      reduction: 'mean',
      ...o,
    });
    expect(fastLoss(ce({ weight: [1, 2, 3] }), input, index, grad)).toBeUndefined();
    expect(fastLoss(ce({ labelSmoothing: 0.1 }), input, index, grad)).toBeUndefined();
    expect(fastLoss(ce({ ignoreIndex: 2 }), input, index, grad)).toBeUndefined();
    expect(fastLoss(ce({ reduction: 'none' }), input, index, grad)).toBeUndefined();
  });

  it('declines infinite logits and leaves refusals to the general path', () => {
    const x = zeros(1, 1, 'float32');
    x.data[0] = -Infinity;
    const values = zeros(1, 1, 'float32');
    const config: LossConfig = { name: 'BCEWithLogitsLoss', reduction: 'mean' };
    expect(fastLoss(config, x, { kind: 'float', values }, zerosLike(x))).toBeUndefined();
    const wrong: Target = { kind: 'index', index: Int32Array.from([0, 3]) };
    const ce: LossConfig = { name: 'CrossEntropyLoss', reduction: 'mean' };
    expect(() => lossValue(ce, input, wrong, grad)).toThrow(/got 3 at row 1/);
    const ignoring: LossConfig = { ...config, ignoreIndex: 0 };
    const finite = zeros(1, 1, 'float32');
    const plain: Target = { kind: 'float', values };
    expect(fastLoss(ignoring, finite, plain, zerosLike(finite))).toBeUndefined();
    expect(() => lossValue(ignoring, finite, plain, zerosLike(finite))).toThrow(
      /has no ignoreIndex/,
    );
    expect(() => computeLoss(ce, input, wrong)).toThrow(/got 3 at row 1/);
  });
});
