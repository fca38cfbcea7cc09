// Finite-difference checks of back-propagation through Linear layers, activations and heads.
import { describe, expect, it } from 'vitest';
import type { ActivationName, HeadName, LossConfig } from '../../src/engine/config';
import { computeLoss, type Target } from '../../src/engine/losses';
import { Mlp } from '../../src/engine/model';
import { Rng } from '../../src/engine/rng';
import { type Matrix, zeros } from '../../src/engine/tensor';

const rng = new Rng(7);

/** A random float64 matrix with entries in [-1.5, 1.5). */
function random(rows: number, cols: number): Matrix {
  const m = zeros(rows, cols, 'float64');
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.between(-1.5, 1.5);
  return m;
}

/** The loss of the model on x, in float64. */
function lossOf(model: Mlp, loss: LossConfig, x: Matrix, target: Target): number {
  return computeLoss(loss, model.forward(x), target).value;
}

/** Checks every parameter's gradient against (L(p + h) - L(p - h)) / 2h. */
function check(
  acts: ActivationName[],
  head: HeadName,
  loss: LossConfig,
  target: Target,
  out: number,
) {
  const sizes = [3, ...acts.map(() => 5), out];
  const model = new Mlp(sizes, acts, head, 'float64').init(rng);
  const x = random(4, 3);
  model.backward(computeLoss(loss, model.forward(x), target).grad);
  const h = 1e-6;
  for (const p of model.parameters()) {
    const analytic = Array.from(p.grad.data);
    for (let k = 0; k < p.value.data.length; k++) {
      const v = p.value.data[k];
      p.value.data[k] = v + h;
      const up = lossOf(model, loss, x, target);
      p.value.data[k] = v - h;
      const down = lossOf(model, loss, x, target);
      p.value.data[k] = v;
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(numeric - analytic[k]), `${p.name}[${k}]`).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(numeric)),
      );
    }
  }
}

const index: Target = { kind: 'index', index: Int32Array.from([0, 2, 1, 2]) };
const mean = (name: LossConfig['name']): LossConfig => ({ name, reduction: 'mean' });

describe('back-propagation through the model matches finite differences', () => {
  const acts: ActivationName[] = ['tanh', 'sigmoid', 'leaky_relu', 'identity', 'relu'];
  for (const act of acts) {
    it(`Linear + ${act} + Linear, logits + CrossEntropyLoss`, () =>
      check([act, act], 'none', mean('CrossEntropyLoss'), index, 3));
  }

  it('softmax head + CrossEntropyLoss (the double softmax)', () =>
    check(['tanh'], 'softmax', mean('CrossEntropyLoss'), index, 3));

  it('log_softmax head + NLLLoss', () =>
    check(['tanh'], 'log_softmax', mean('NLLLoss'), index, 3));

  it('sigmoid head + BCELoss', () => {
    const y = zeros(4, 1, 'float64');
    y.data.set([1, 0, 0, 1]);
    check(['tanh', 'relu'], 'sigmoid', mean('BCELoss'), { kind: 'float', values: y }, 1);
  });

  it('logits + BCEWithLogitsLoss with pos_weight, multi-label', () => {
    const y = zeros(4, 2, 'float64');
    y.data.set([1, 0, 0, 1, 1, 1, 0, 0]);
    const loss: LossConfig = {
      name: 'BCEWithLogitsLoss',
      reduction: 'sum',
      posWeight: [2, 0.5],
    };
    check(['tanh'], 'none', loss, { kind: 'float', values: y }, 2);
  });

  it('sigmoid head + MSELoss', () => {
    const y = zeros(4, 1, 'float64');
    y.data.set([1, 0, 1, 1]);
    check(['sigmoid'], 'sigmoid', mean('MSELoss'), { kind: 'float', values: y }, 1);
  });
});
