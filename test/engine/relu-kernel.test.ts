// ReLU, its gradient and tanh's gradient give the same values in WebAssembly and JavaScript.
import { afterEach, describe, expect, it } from 'vitest';
import { activation } from '../../src/engine/activations';
import { type KernelPath, setKernelPath } from '../../src/engine/kernels';
import { reluGradValues, reluValues } from '../../src/engine/kernels/relu';
import { Rng } from '../../src/engine/rng';
import { type DType, type Matrix, zeros } from '../../src/engine/tensor';

/** Normal values with zeros of both signs, NaN and infinities among them. */
function values(n: number, dtype: DType, rng: Rng): Matrix {
  const m = zeros(1, n, dtype);
  const special = [0, -0, NaN, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    m.data[i] = i % 7 === 0 ? special[rng.int(special.length)] : rng.normal();
  }
  return m;
}

/** ReLU's forward and backward through `path`, as plain arrays. */
function run(path: KernelPath, x: Matrix, dy: Matrix): number[][] {
  setKernelPath(path);
  const y = zeros(x.rows, x.cols, x.dtype);
  const dx = zeros(x.rows, x.cols, x.dtype);
  reluValues(x, y);
  reluGradValues(x, dy, dx);
  return [Array.from(y.data), Array.from(dx.data)];
}

describe('ReLU kernels', () => {
  afterEach(() => setKernelPath('auto'));

  for (const dtype of ['float32', 'float64'] as DType[]) {
    it(`match the JavaScript loops value for value, -0 and NaN included (${dtype})`, () => {
      const rng = new Rng(9);
      for (const n of [1, 3, 16, 257, 1024, 1030]) {
        const [x, dy] = [values(n, dtype, rng), values(n, dtype, rng)];
        const [wasm, js] = [run('wasm', x, dy), run('js', x, dy)];
        expect(wasm[0].map((v) => Object.is(v, -0))).toEqual(
          js[0].map((v) => Object.is(v, -0)),
        );
        expect(wasm).toEqual(js);
      }
    });
  }
});

describe('tanh gradient kernel', () => {
  afterEach(() => setKernelPath('auto'));

  for (const dtype of ['float32', 'float64'] as DType[]) {
    it(`matches the JavaScript loop value for value (${dtype})`, () => {
      const rng = new Rng(12);
      const tanh = activation('tanh');
      for (const n of [1, 5, 64, 80, 1030]) {
        const [x, dy] = [values(n, dtype, rng), values(n, dtype, rng)];
        const y = zeros(1, n, dtype);
        tanh.forward(x, y);
        const grads = (['wasm', 'js'] as KernelPath[]).map((path) => {
          setKernelPath(path);
          const dx = zeros(1, n, dtype);
          tanh.backward(x, y, dy, dx);
          return Array.from(dx.data);
        });
        expect(grads[0]).toEqual(grads[1]);
      }
    });
  }
});
