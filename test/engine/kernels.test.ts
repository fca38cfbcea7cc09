import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type KernelPath,
  matmulAB,
  matmulABt,
  matmulAtB,
  setKernelPath,
} from '../../src/engine/kernels';
import { Rng } from '../../src/engine/rng';
import { type DType, type Matrix, zeros } from '../../src/engine/tensor';
import { simdAvailable } from '../../src/engine/wasm/runtime';

/** A matrix of standard normal values, rounded to `dtype`. */
function random(rows: number, cols: number, dtype: DType, rng: Rng): Matrix {
  const m = zeros(rows, cols, dtype);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal();
  return m;
}

/** Element (i, j) of x, or of xᵀ when `t`. */
function get(x: Matrix, i: number, j: number, t: boolean): number {
  return t ? x.data[j * x.cols + i] : x.data[i * x.cols + j];
}

/**
 * Compares c to the float64 product op(a) · op(b): each entry must be within
 * tol · Σ_p |a||b| (tol: a few float32 or float64 epsilons times the inner size).
 */
function expectProduct(a: Matrix, ta: boolean, b: Matrix, tb: boolean, c: Matrix): void {
  const k = ta ? a.rows : a.cols;
  const eps = c.dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  const tol = eps * (k + 2);
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < c.cols; j++) {
      let s = 0;
      let scale = 0;
      for (let p = 0; p < k; p++) {
        const x = get(a, i, p, ta) * get(b, p, j, tb);
        s += x;
        scale += Math.abs(x);
      }
      const err = Math.abs(c.data[i * c.cols + j] - s);
      if (err > tol * scale + Number.MIN_VALUE) {
        expect.fail(
          `c[${i}][${j}] = ${c.data[i * c.cols + j]}, expected ${s} (±${tol * scale})`,
        );
      }
    }
  }
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 2],
  [2, 3, 5],
  [17, 33, 9],
  [10, 8, 8],
  [32, 5, 32],
  [64, 128, 128],
  [33, 17, 65],
  [7, 130, 3],
  [5, 7, 16],
  [6, 9, 17],
  [13, 6, 15],
];

const paths: KernelPath[] = simdAvailable() ? ['js', 'wasm', 'auto'] : ['js', 'auto'];

afterEach(() => setKernelPath('auto'));

describe.each(paths)('kernels on the %s path', (path) => {
  describe.each(['float32', 'float64'] as DType[])('%s', (dtype) => {
    it.each(SHAPES)('matmulABt: (%i, %i) from inner %i', (m, n, k) => {
      setKernelPath(path);
      const rng = new Rng(m * 1000 + n * 10 + k);
      const [a, b, c] = [
        random(m, k, dtype, rng),
        random(n, k, dtype, rng),
        random(m, n, dtype, rng),
      ];
      matmulABt(a, b, c);
      expectProduct(a, false, b, true, c);
    });

    it.each(SHAPES)('matmulAtB: (%i, %i) from inner %i', (m, n, k) => {
      setKernelPath(path);
      const rng = new Rng(m * 1000 + n * 10 + k + 1);
      const [a, b, c] = [
        random(k, m, dtype, rng),
        random(k, n, dtype, rng),
        random(m, n, dtype, rng),
      ];
      matmulAtB(a, b, c);
      expectProduct(a, true, b, false, c);
    });

    it.each(SHAPES)('matmulAB: (%i, %i) from inner %i', (m, n, k) => {
      setKernelPath(path);
      const rng = new Rng(m * 1000 + n * 10 + k + 2);
      const [a, b, c] = [
        random(m, k, dtype, rng),
        random(k, n, dtype, rng),
        random(m, n, dtype, rng),
      ];
      matmulAB(a, b, c);
      expectProduct(a, false, b, false, c);
    });
  });
});

describe('kernels', () => {
  it('has WebAssembly SIMD in this Node', () => {
    expect(simdAvailable()).toBe(true);
  });

  it('gives the same answer on both paths after the memory grows', () => {
    const rng = new Rng(7);
    const a = random(300, 40, 'float32', rng);
    const b = random(50, 40, 'float32', rng);
    const [viaJs, viaWasm] = [zeros(300, 50, 'float32'), zeros(300, 50, 'float32')];
    setKernelPath('js');
    matmulABt(a, b, viaJs);
    setKernelPath('wasm');
    matmulABt(
      random(2000, 64, 'float32', rng),
      random(64, 64, 'float32', rng),
      zeros(2000, 64, 'float32'),
    );
    matmulABt(a, b, viaWasm);
    for (let i = 0; i < viaJs.data.length; i++) {
      expect(Math.abs(viaJs.data[i] - viaWasm.data[i])).toBeLessThan(1e-4);
    }
  });

  it('writes zeros for an empty inner dimension', () => {
    const c = random(3, 4, 'float64', new Rng(1));
    matmulAB(zeros(3, 0, 'float64'), zeros(0, 4, 'float64'), c);
    expect(Array.from(c.data)).toEqual(new Array(12).fill(0));
  });

  it('refuses shapes that do not fit, naming them', () => {
    const f = () =>
      matmulABt(zeros(2, 3, 'float32'), zeros(4, 5, 'float32'), zeros(2, 4, 'float32'));
    expect(f).toThrow(/matmulABt: a \(2, 3\) float32, b \(4, 5\) float32/);
  });

  it('falls back to JavaScript when WebAssembly is missing', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const fresh = await import('../../src/engine/kernels');
      expect(fresh.simdAvailable()).toBe(false);
      fresh.setKernelPath('wasm');
      const rng = new Rng(3);
      const [a, b, c] = [
        random(9, 20, 'float32', rng),
        random(20, 11, 'float32', rng),
        zeros(9, 11, 'float32'),
      ];
      fresh.matmulAB(a, b, c);
      expectProduct(a, false, b, false, c);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
