import { describe, expect, it } from 'vitest';
import type { LossConfig, LossName } from '../../src/engine/config';
import {
  computeLoss,
  LossError,
  lossExpects,
  type LossErrorCode,
  type Target,
} from '../../src/engine/losses';
import { zeros, zerosLike, type DType } from '../../src/engine/tensor';
import { expectClose, loadGolden, toMatrix, type Nested } from '../helpers/golden';

interface LossCase {
  id: string;
  loss: LossName;
  options: {
    reduction?: LossConfig['reduction'];
    weight?: number[];
    pos_weight?: number[];
    ignore_index?: number;
    label_smoothing?: number;
  };
  dtype: DType;
  input: Nested;
  target: Nested;
  target_kind: 'float' | 'index';
  expected: { value: Nested; grad: Nested } | { error: LossErrorCode };
}

const golden = loadGolden<LossCase>('losses.json');

/** The golden case's PyTorch constructor arguments as a LossConfig. */
function configOf(c: LossCase): LossConfig {
  const o = c.options;
  return {
    name: c.loss,
    reduction: o.reduction ?? 'mean',
    weight: o.weight,
    posWeight: o.pos_weight,
    ignoreIndex: o.ignore_index,
    labelSmoothing: o.label_smoothing,
  };
}

function targetOf(c: LossCase): Target {
  if (c.target_kind === 'index')
    return { kind: 'index', index: Int32Array.from(c.target as number[]) };
  return { kind: 'float', values: toMatrix(c.target, c.dtype) };
}

/** The LossError code thrown by `f`, or undefined when it does not throw. */
function thrownCode(f: () => unknown): LossErrorCode | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LossError);
    return (e as LossError).code;
  }
  return undefined;
}

describe('losses match PyTorch (test/golden/losses.json)', () => {
  it('has every case of the file', () => {
    expect(golden.cases.length).toBe(82);
  });

  for (const c of golden.cases) {
    it(c.id, () => {
      const config = configOf(c);
      const input = toMatrix(c.input, c.dtype);
      const target = targetOf(c);
      const expected = c.expected;
      if ('error' in expected) {
        expect(thrownCode(() => computeLoss(config, input, target))).toBe(expected.error);
        return;
      }
      const grad = zerosLike(input);
      const result = computeLoss(config, input, target, grad);
      expect(result.grad).toBe(grad);
      if (config.reduction === 'none') {
        expectClose(result.values!, expected.value, c.dtype, {}, 'values');
      } else {
        expectClose(result.value, expected.value, c.dtype, {}, 'value');
      }
      expectClose(result.grad, expected.grad, c.dtype, {}, 'grad');
    });
  }
});

describe('loss refusals teach', () => {
  const probs = toMatrix([[0.2], [0.9], [1.7]], 'float64');
  const labels = toMatrix([[0], [1], [1]], 'float64');
  const float = (values = labels): Target => ({ kind: 'float', values });
  const index = (...t: number[]): Target => ({
    kind: 'index',
    index: Int32Array.from(t),
  });

  it('says which probability is out of range and what to use instead', () => {
    const config: LossConfig = { name: 'BCELoss', reduction: 'mean' };
    expect(() => computeLoss(config, probs, float())).toThrow(
      'BCELoss needs probabilities in [0, 1], got 1.7 at row 2: use BCEWithLogitsLoss on ' +
        'logits, or add a Sigmoid head',
    );
  });

  it('refuses targets outside [0, 1] for the binary losses', () => {
    const config: LossConfig = { name: 'BCEWithLogitsLoss', reduction: 'mean' };
    const bad = toMatrix([[0], [2], [1]], 'float64');
    expect(thrownCode(() => computeLoss(config, labels, float(bad)))).toBe(
      'target_out_of_range',
    );
  });

  it('refuses class indices out of range, but not the ignored one', () => {
    const config: LossConfig = { name: 'NLLLoss', reduction: 'sum' };
    const logProbs = zeros(3, 2, 'float64');
    expect(thrownCode(() => computeLoss(config, logProbs, index(0, -1, 1)))).toBe(
      'target_out_of_range',
    );
    expect(
      thrownCode(() => computeLoss(config, logProbs, index(0, -100, 1))),
    ).toBeUndefined();
  });

  it('refuses mismatched shapes, target kinds and stray options', () => {
    const ce: LossConfig = { name: 'CrossEntropyLoss', reduction: 'mean' };
    const logits = zeros(3, 2, 'float64');
    expect(thrownCode(() => computeLoss(ce, logits, index(0, 1)))).toBe('shape_mismatch');
    const weighted = { ...ce, weight: [1, 2, 3] };
    expect(thrownCode(() => computeLoss(weighted, logits, index(0, 1, 1)))).toBe(
      'shape_mismatch',
    );
    const mse: LossConfig = { name: 'MSELoss', reduction: 'mean' };
    expect(thrownCode(() => computeLoss(mse, logits, index(0, 1, 1)))).toBe('invalid');
    const stray: LossConfig = { name: 'BCELoss', reduction: 'mean', posWeight: [2] };
    expect(thrownCode(() => computeLoss(stray, labels, float()))).toBe('invalid');
    const smoothing = { ...ce, labelSmoothing: 1.5 };
    expect(thrownCode(() => computeLoss(smoothing, logits, index(0, 1, 1)))).toBe(
      'invalid',
    );
  });
});

describe('loss details', () => {
  it('gives NaN for a mean over rows that are all ignored, as PyTorch does', () => {
    const config: LossConfig = { name: 'CrossEntropyLoss', reduction: 'mean' };
    const logits = toMatrix(
      [
        [1, 2],
        [3, 4],
      ],
      'float64',
    );
    const result = computeLoss(config, logits, {
      kind: 'index',
      index: Int32Array.of(-100, -100),
    });
    expect(result.value).toBeNaN();
    expect(Array.from(result.grad.data)).toEqual([0, 0, 0, 0]);
  });

  it("reports the sum as the value of reduction 'none'", () => {
    const config: LossConfig = { name: 'MSELoss', reduction: 'none' };
    const x = toMatrix([[1, 2]], 'float64');
    const result = computeLoss(config, x, {
      kind: 'float',
      values: toMatrix([[0, 0]], 'float64'),
    });
    expect(Array.from(result.values!)).toEqual([1, 4]);
    expect(result.value).toBe(5);
  });

  it('describes what every loss expects', () => {
    const names: LossName[] = [
      'BCELoss',
      'BCEWithLogitsLoss',
      'CrossEntropyLoss',
      'NLLLoss',
      'MSELoss',
    ];
    for (const name of names) {
      const text = lossExpects({ name, reduction: 'mean' });
      expect(text.input.length).toBeGreaterThan(0);
      expect(text.target.length).toBeGreaterThan(0);
    }
    expect(lossExpects({ name: 'BCELoss', reduction: 'mean' }).input).toContain('[0, 1]');
  });
});
