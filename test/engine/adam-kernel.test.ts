// Adam's update gives the same numbers in WebAssembly and in the JavaScript loop.
import { afterEach, describe, expect, it } from 'vitest';
import { setKernelPath, type KernelPath } from '../../src/engine/kernels';
import type { Parameter } from '../../src/engine/model';
import { makeOptimizer } from '../../src/engine/optim';
import { Rng } from '../../src/engine/rng';
import { type DType, zeros } from '../../src/engine/tensor';

/** Parameters of several lengths, odd ones included, with normal values and gradients. */
function parameters(dtype: DType, rng: Rng): Parameter[] {
  return [1, 5, 64, 67, 1024].map((n, i) => {
    const value = zeros(1, n, dtype);
    const grad = zeros(1, n, dtype);
    for (let k = 0; k < n; k++) value.data[k] = rng.normal();
    return { name: `${i}.weight`, value, grad };
  });
}

/** The parameters after `steps` Adam steps through `path`, from the same start and gradients. */
function train(
  path: KernelPath,
  dtype: DType,
  weightDecay: number,
  steps: number,
): number[][] {
  setKernelPath(path);
  const rng = new Rng(4);
  const params = parameters(dtype, rng);
  const adam = makeOptimizer(params, { name: 'Adam', lr: 0.01, weightDecay });
  for (let t = 0; t < steps; t++) {
    for (const p of params) {
      for (let k = 0; k < p.grad.data.length; k++)
        p.grad.data[k] = rng.normal() * 10 ** ((t % 5) - 2);
    }
    adam.step();
  }
  return params.map((p) => Array.from(p.value.data));
}

describe('Adam in WebAssembly', () => {
  afterEach(() => setKernelPath('auto'));

  for (const dtype of ['float32', 'float64'] as DType[]) {
    for (const weightDecay of [0, 0.01]) {
      it(`takes the JavaScript loop's steps bit for bit (${dtype}, weightDecay ${weightDecay})`, () => {
        expect(train('wasm', dtype, weightDecay, 25)).toEqual(
          train('js', dtype, weightDecay, 25),
        );
      });
    }
  }
});
