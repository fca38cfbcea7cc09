// The bias kernels: matmulABt with a bias equals the product then the bias; sumRows sums
// rows in order, the same on both paths.
import { afterEach, describe, expect, it } from 'vitest';
import {
  type KernelPath,
  matmulABt,
  setKernelPath,
  sumRows,
} from '../../src/engine/kernels';
import { Rng } from '../../src/engine/rng';
import { type DType, type Matrix, zeros } from '../../src/engine/tensor';

/** A matrix of standard normal values, rounded to `dtype`. */
function random(rows: number, cols: number, dtype: DType, rng: Rng): Matrix {
  const m = zeros(rows, cols, dtype);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal();
  return m;
}

describe('matmulABt with a bias', () => {
  afterEach(() => setKernelPath('auto'));

  for (const path of ['js', 'wasm'] as KernelPath[]) {
    for (const dtype of ['float32', 'float64'] as DType[]) {
      it(`equals the product then the bias, bit for bit (${path}, ${dtype})`, () => {
        setKernelPath(path);
        const rng = new Rng(3);
        for (const [m, k, n] of [
          [10, 2, 8],
          [10, 8, 1],
          [32, 32, 5],
          [7, 20, 9],
        ]) {
          const [a, b, bias] = [
            random(m, k, dtype, rng),
            random(n, k, dtype, rng),
            random(1, n, dtype, rng),
          ];
          const fused = zeros(m, n, dtype);
          matmulABt(a, b, fused, bias);
          const apart = zeros(m, n, dtype);
          matmulABt(a, b, apart);
          for (let i = 0; i < apart.data.length; i++) apart.data[i] += bias.data[i % n];
          expect(Array.from(fused.data)).toEqual(Array.from(apart.data));
        }
      });
    }
  }

  it('refuses a bias of the wrong length, saying what fits', () => {
    const rng = new Rng(1);
    const [a, b] = [random(2, 3, 'float32', rng), random(4, 3, 'float32', rng)];
    expect(() => matmulABt(a, b, zeros(2, 4, 'float32'), zeros(1, 3, 'float32'))).toThrow(
      /3 float32 values does not fit 4 float32 columns/,
    );
  });
});

describe('sumRows', () => {
  afterEach(() => setKernelPath('auto'));

  for (const dtype of ['float32', 'float64'] as DType[]) {
    it(`gives the same sums in WebAssembly and JavaScript (${dtype})`, () => {
      const rng = new Rng(5);
      for (const [m, k] of [
        [10, 8],
        [10, 1],
        [32, 5],
        [64, 128],
        [1, 3],
      ]) {
        const a = random(m, k, dtype, rng);
        const [wasm, js] = [zeros(1, k, dtype), zeros(1, k, dtype)];
        setKernelPath('wasm');
        sumRows(a, wasm);
        setKernelPath('js');
        sumRows(a, js);
        expect(Array.from(wasm.data)).toEqual(Array.from(js.data));
        expect(js.data[0]).toBeCloseTo(
          Array.from(a.data)
            .filter((_, i) => i % k === 0)
            .reduce((s, v) => s + v),
          4,
        );
      }
    });
  }
});
