// The L1 penalty, which PyTorch's optimizers do not have: g += l1 · sign(w) on weights only.
import { describe, expect, it } from 'vitest';
import { Mlp } from '../../src/engine/model';
import { makeOptimizer } from '../../src/engine/optim';
import { Rng } from '../../src/engine/rng';
import { fromRows } from '../../src/engine/tensor';
import { trainStep } from '../../src/engine/step';

/** One SGD step from the same start, with and without an L1 penalty. */
function stepWith(l1: number): Mlp {
  const model = new Mlp([2, 3, 1], ['tanh'], 'none', 'float64').init(new Rng(3));
  const optimizer = makeOptimizer(model.parameters(), { name: 'SGD', lr: 0.1, l1 });
  const x = fromRows(
    [
      [0.5, -1],
      [2, 0.25],
    ],
    'float64',
  );
  const target = { kind: 'float' as const, values: fromRows([[1], [0]], 'float64') };
  trainStep(
    model,
    { name: 'BCEWithLogitsLoss', reduction: 'mean' },
    optimizer,
    x,
    target,
  );
  return model;
}

describe('L1 penalty', () => {
  it('moves every weight by lr · l1 · sign(w) more, and leaves biases alone', () => {
    const plain = stepWith(0).parameters();
    const sparse = stepWith(0.05).parameters();
    const start = new Mlp([2, 3, 1], ['tanh'], 'none', 'float64')
      .init(new Rng(3))
      .parameters();
    plain.forEach((p, i) => {
      for (let k = 0; k < p.value.data.length; k++) {
        const shift = p.name.endsWith('weight')
          ? 0.1 * 0.05 * Math.sign(start[i].value.data[k])
          : 0;
        expect(sparse[i].value.data[k]).toBeCloseTo(p.value.data[k] - shift, 12);
      }
    });
  });
});
