/**
 * Matrix products used by the layers. Shapes are in rows x cols; every product overwrites
 * `c`, which must not alias `a` or `b`. They run in WebAssembly SIMD when the runtime has
 * it, else in blocked JavaScript.
 */
import { jsProduct } from './kernels/js';
import type { Data, Matrix } from './tensor';
import { wasmProduct, wasmProductABt, wasmSumRows } from './wasm/runtime';

export { simdAvailable } from './wasm/runtime';

/** Which implementation runs a product: chosen by size, or forced (for tests and benches). */
export type KernelPath = 'auto' | 'js' | 'wasm';

/** From this inner size up, a·bᵀ runs as dot products of rows rather than b's transpose. */
export const DOT_MIN_K = 16;

/**
 * Products of at least this many multiply-adds (m·n·k) go to WebAssembly: all of them, since
 * even a 10 x 8 x 1 product (about 0.1 µs, copies included) runs faster there than in
 * JavaScript, and a training step then warms up one path instead of two.
 */
export const WASM_MIN_WORK = 1;

let path: KernelPath = 'auto';

/** Forces every product through one path; 'auto' restores the choice by size. */
export function setKernelPath(next: KernelPath): void {
  path = next;
}

/** The path forced by setKernelPath, or 'auto'. */
export function kernelPath(): KernelPath {
  return path;
}

/**
 * Whether an element-wise kernel over `n` values runs in WebAssembly: from `minValues` up,
 * where its copies cost less than a JavaScript loop, or as setKernelPath forces.
 */
export function elementwiseInWasm(n: number, minValues: number): boolean {
  if (path !== 'auto') return path === 'wasm' && n > 0;
  return n >= minValues;
}

/**
 * c(m, n) = a(m, k) · bᵀ where b is (n, k), plus `bias` (1, n) on every row when given: a
 * Linear layer's forward pass. The product is rounded to the dtype before the bias is added.
 */
export function matmulABt(a: Matrix, b: Matrix, c: Matrix, bias?: Matrix): void {
  const fits = a.cols === b.cols && c.rows === a.rows && c.cols === b.rows;
  check('matmulABt', fits, a, b, c);
  if (bias && (bias.data.length !== c.cols || bias.dtype !== c.dtype)) {
    throw new Error(
      `matmulABt: a bias of ${bias.data.length} ${bias.dtype} values does not fit ` +
        `${c.cols} ${c.dtype} columns: give one bias per output column`,
    );
  }
  const k = a.cols;
  if (useWasm(c, k) && wasmABt(a, b, c, bias)) return;
  jsProduct(c.rows, c.cols, k, strided(a.data, k, 1), strided(b.data, 1, k), c.data);
  if (bias) addRows(c, bias);
}

/** c[i, j] += bias[j] for every row i. */
function addRows(c: Matrix, bias: Matrix): void {
  const C = c.data;
  const B = bias.data;
  const n = c.cols;
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < n; j++) C[i * n + j] += B[j];
  }
}

/** c(k, n) = aᵀ · b where a is (m, k) and b is (m, n): a weight gradient. */
export function matmulAtB(a: Matrix, b: Matrix, c: Matrix): void {
  const fits = a.rows === b.rows && c.rows === a.cols && c.cols === b.cols;
  check('matmulAtB', fits, a, b, c);
  const m = a.rows;
  if (useWasm(c, m) && wasmProduct(a, 'columns', b, false, c)) return;
  const n = c.cols;
  jsProduct(c.rows, n, m, strided(a.data, 1, a.cols), strided(b.data, n, 1), c.data);
}

/** out (1, k) = Σ_i a[i, :], rows summed in order, for `a` (m, k): a bias gradient. */
export function sumRows(a: Matrix, out: Matrix): void {
  if (out.data.length !== a.cols || out.dtype !== a.dtype) {
    throw new Error(
      `sumRows: the rows of a (${a.rows}, ${a.cols}) ${a.dtype} do not fit out ` +
        `(${out.rows}, ${out.cols}) ${out.dtype}: give out one value per column of a`,
    );
  }
  if (path !== 'js' && a.rows > 0 && a.cols > 0 && wasmSumRows(a, out)) return;
  const A = a.data;
  const S = out.data;
  const k = a.cols;
  S.fill(0);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < k; j++) S[j] += A[i * k + j];
  }
}

/** c(m, n) = a(m, k) · b(k, n): an input gradient. */
export function matmulAB(a: Matrix, b: Matrix, c: Matrix): void {
  const fits = a.cols === b.rows && c.rows === a.rows && c.cols === b.cols;
  check('matmulAB', fits, a, b, c);
  const k = a.cols;
  if (useWasm(c, k) && wasmProduct(a, 'rows', b, false, c)) return;
  const n = c.cols;
  jsProduct(c.rows, n, k, strided(a.data, k, 1), strided(b.data, n, 1), c.data);
}

/** a·bᵀ (+ bias) in WebAssembly: dot products of rows for a long inner size, else via bᵀ. */
function wasmABt(a: Matrix, b: Matrix, c: Matrix, bias?: Matrix): boolean {
  if (a.cols >= DOT_MIN_K) return wasmProductABt(a, b, c, bias);
  return wasmProduct(a, 'rows', b, true, c, bias);
}

/** An operand whose element (r, s) is data[r * row + s * col]. */
function strided(data: Data, row: number, col: number) {
  return { data, row, col };
}

/** Whether a product into `c` over an inner dimension `k` should run in WebAssembly. */
function useWasm(c: Matrix, k: number): boolean {
  if (path !== 'auto') return path === 'wasm' && k > 0 && c.data.length > 0;
  return k > 0 && c.rows * c.cols * k >= WASM_MIN_WORK;
}

/** Refuses operands whose shapes or dtypes do not fit the product. */
function check(name: string, fits: boolean, a: Matrix, b: Matrix, c: Matrix): void {
  if (fits && a.dtype === c.dtype && b.dtype === c.dtype) return;
  const shape = (x: Matrix) => `(${x.rows}, ${x.cols}) ${x.dtype}`;
  throw new Error(
    `${name}: a ${shape(a)}, b ${shape(b)} and c ${shape(c)} do not fit: ` +
      'check the layer sizes and that every operand has the run’s dtype',
  );
}
