/**
 * Runs the WebAssembly SIMD kernels on matrices held in JavaScript: copies the operands
 * into the module's memory, runs the product there and copies the result back.
 */
import { ADAM_SCALARS } from './adam';
import { dotRows } from './dot';
import { BLOCK_ROWS, VECTORS } from './gemm';
import { LANES, elementBytes } from './lanes';
import { kernelModule } from './module';
import type { Data, DType, Matrix } from '../tensor';

/** The part of a WebAssembly memory the kernels use. */
interface Memory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * The part of the `WebAssembly` global the kernels use. It is declared here because the
 * engine compiles against the plain ES library, which has no WebAssembly types.
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

/** The runtime's WebAssembly, when it has one. */
const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

/** The kernel module's exports. */
interface Exports {
  memory: Memory;
  gemm: (...args: number[]) => void;
  dot: (...args: number[]) => void;
  transpose: (src: number, rows: number, cols: number, dst: number) => void;
  addRows: (c: number, rows: number, nBytes: number, cRow: number, bias: number) => void;
  sumRows: (
    src: number,
    rows: number,
    nBytes: number,
    stride: number,
    dst: number,
  ) => void;
  relu: (x: number, nBytes: number, y: number) => void;
  tanhGrad: (y: number, dy: number, nBytes: number, dx: number) => void;
  adam: (p: number, g: number, m: number, v: number, nBytes: number, s: number) => void;
  reluGrad: (x: number, dy: number, nBytes: number, dx: number) => void;
}

/** One instantiated module and typed views of its memory. */
interface Instance {
  exports: Exports;
  view: Float32Array | Float64Array;
  dtype: DType;
  /** Bytes of memory the view covers; reading `memory.buffer` on every call costs time. */
  bytes: number;
}

/** Where the logical A(i, p) of a product sits in the source matrix `a`. */
export type ALayout = 'rows' | 'columns';

const PAGE = 65536;
const instances: Partial<Record<DType, Instance | null>> = {};

/** True when this runtime can compile and run the SIMD kernels of `dtype` (compiled now). */
export function simdAvailable(dtype: DType = 'float32'): boolean {
  return instance(dtype) !== null;
}

/** The instance for `dtype`, compiled on first use; null if WebAssembly SIMD is missing. */
function instance(dtype: DType): Instance | null {
  let found = instances[dtype];
  if (found === undefined) {
    found = compile(dtype);
    instances[dtype] = found;
  }
  return found;
}

/** Compiles the kernels synchronously, or null when the runtime refuses them. */
function compile(dtype: DType): Instance | null {
  try {
    if (!wasm) return null;
    const module = new wasm.Module(kernelModule(dtype));
    const exports = new wasm.Instance(module).exports as Exports;
    const view = viewOf(exports.memory, dtype);
    return { exports, view, dtype, bytes: view.byteLength };
  } catch {
    return null;
  }
}

/** A typed view of `memory` in `dtype`. */
function viewOf(memory: Memory, dtype: DType): Float32Array | Float64Array {
  const buffer = memory.buffer;
  return dtype === 'float32' ? new Float32Array(buffer) : new Float64Array(buffer);
}

/** Grows the memory to hold `elements` values, renewing the view over the new buffer. */
function reserve(inst: Instance, elements: number): void {
  const bytes = elements * elementBytes(inst.dtype);
  if (bytes <= inst.bytes) return;
  const memory = inst.exports.memory;
  memory.grow(Math.ceil((bytes - inst.bytes) / PAGE));
  inst.view = viewOf(memory, inst.dtype);
  inst.bytes = inst.view.byteLength;
}

/** `x` (< 2^31) rounded up to a multiple of `to`, a power of two (every caller's is). */
function roundUp(x: number, to: number): number {
  return (x + to - 1) & -to;
}

/**
 * c (m, n) = A · B in WebAssembly, where A is `a` (m, k) or, for layout 'columns', aᵀ with
 * `a` (k, m); B is `b` (k, n) or, with `bTransposed`, bᵀ with `b` (n, k); `bias` (n values),
 * when given, is added to every row. Returns false, doing nothing, when WebAssembly SIMD is
 * unavailable.
 */
export function wasmProduct(
  a: Matrix,
  aLayout: ALayout,
  b: Matrix,
  bTransposed: boolean,
  c: Matrix,
  bias?: Matrix,
): boolean {
  const inst = instance(c.dtype);
  if (inst === null) return false;
  const m = c.rows;
  const n = c.cols;
  const k = aLayout === 'rows' ? a.cols : a.rows;
  const blockCols = (VECTORS * 16) / elementBytes(c.dtype);
  const mPad = roundUp(m, BLOCK_ROWS);
  const nPad = roundUp(n, blockCols);
  const slack = BLOCK_ROWS * (k + m) + blockCols;

  // Layout in elements: A, then B (with its transpose staged after it), then C.
  const offA = 0;
  const offB = roundUp(offA + a.data.length + slack, 16);
  const offStage = roundUp(offB + b.data.length + slack, 16);
  const offC = roundUp(offStage + (bTransposed ? b.data.length : 0), 16);
  reserve(inst, offC + mPad * nPad + nPad);
  const view = inst.view;
  view.set(a.data, offA);
  const es = elementBytes(c.dtype);
  if (bTransposed) {
    view.set(b.data, offStage);
    inst.exports.transpose(offStage * es, b.rows, b.cols, offB * es);
  } else {
    view.set(b.data, offB);
  }

  const aRow = aLayout === 'rows' ? k * es : es;
  const aCol = aLayout === 'rows' ? es : m * es;
  inst.exports.gemm(
    m,
    n * es,
    k,
    offA * es,
    aRow,
    aCol,
    offB * es,
    n * es,
    offC * es,
    nPad * es,
  );
  if (bias) addBias(inst, bias, offC, m, nPad, offC + mPad * nPad);
  copyOut(view, offC, nPad, c);
  return true;
}

/**
 * Adds `bias` to the `rows` rows of `nPad` values at `offC` (elements), staging it at
 * `offBias`; the padding columns take whatever follows the bias, and are never read.
 */
function addBias(
  inst: Instance,
  bias: Matrix,
  offC: number,
  rows: number,
  nPad: number,
  offBias: number,
): void {
  if (rows === 0) return;
  inst.view.set(bias.data, offBias);
  const es = elementBytes(inst.dtype);
  inst.exports.addRows(offC * es, rows, nPad * es, nPad * es, offBias * es);
}

/** Copies the first `c.cols` of each row of stride `stride` at `off` into `c`. */
function copyOut(
  view: Float32Array | Float64Array,
  off: number,
  stride: number,
  c: Matrix,
): void {
  const n = c.cols;
  if (stride === n) {
    c.data.set(view.subarray(off, off + c.rows * n));
    return;
  }
  const C = c.data;
  for (let i = 0; i < c.rows; i++) {
    const src = off + i * stride;
    for (let j = 0; j < n; j++) C[i * n + j] = view[src + j];
  }
}

/**
 * c (m, n) = a (m, k) · bᵀ with b (n, k), as dot products of rows in WebAssembly, plus `bias`
 * (n values) on every row when given; k is padded with zeros to whole vectors. Returns false,
 * doing nothing, without SIMD.
 */
export function wasmProductABt(a: Matrix, b: Matrix, c: Matrix, bias?: Matrix): boolean {
  const inst = instance(c.dtype);
  if (inst === null) return false;
  const lanes = LANES[c.dtype];
  const es = lanes.bytes;
  const m = c.rows;
  const n = c.cols;
  const kPad = roundUp(a.cols, lanes.count);
  const nPad = roundUp(n, lanes.count);

  // Memory in elements: A, B, then C rounded up to whole blocks; the slack after A and B
  // takes the kernel's reads of rows past their ends.
  const slack = 4 * kPad;
  const offB = roundUp(m * kPad + slack, 16);
  const offC = roundUp(offB + n * kPad + slack, 16);
  const mPad = roundUp(m, dotRows(lanes));
  reserve(inst, offC + mPad * nPad + nPad);
  copyRows(inst.view, a.data, a.cols, kPad, 0);
  copyRows(inst.view, b.data, b.cols, kPad, offB);
  const row = kPad * es;
  inst.exports.dot(m, n, row, 0, row, offB * es, row, offC * es, nPad * es);
  if (bias) addBias(inst, bias, offC, m, nPad, offC + mPad * nPad);
  copyOut(inst.view, offC, nPad, c);
  return true;
}

/** Copies rows of `k` values into rows of `kPad`, the extra columns set to zero. */
function copyRows(
  view: Float32Array | Float64Array,
  data: Data,
  k: number,
  kPad: number,
  off: number,
) {
  if (k === kPad) {
    view.set(data, off);
    return;
  }
  const rows = data.length / k;
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < k; p++) view[off + r * kPad + p] = data[r * k + p];
    for (let p = k; p < kPad; p++) view[off + r * kPad + p] = 0;
  }
}

/**
 * out (1, k) = Σ_i a[i, :] for `a` (m, k), m >= 1, in WebAssembly, summing the rows in order.
 * Returns false, doing nothing, without SIMD.
 */
export function wasmSumRows(a: Matrix, out: Matrix): boolean {
  const inst = instance(a.dtype);
  if (inst === null) return false;
  const lanes = LANES[a.dtype];
  const es = lanes.bytes;
  const k = a.cols;
  const kPad = roundUp(k, lanes.count);

  // Memory in elements: a, a vector of slack for the reads past its last row, then the sums.
  const offSums = roundUp(a.data.length + lanes.count, 16);
  reserve(inst, offSums + kPad);
  inst.view.set(a.data, 0);
  inst.exports.sumRows(0, a.rows, kPad * es, k * es, offSums * es);
  out.data.set(inst.view.subarray(offSums, offSums + k));
  return true;
}

/** y = max(x, 0) value by value in WebAssembly; false, doing nothing, without SIMD. */
export function wasmRelu(x: Matrix, y: Matrix): boolean {
  const inst = instance(x.dtype);
  if (inst === null) return false;
  const n = x.data.length;
  const nPad = roundUp(n, 16);
  reserve(inst, 2 * nPad);
  inst.view.set(x.data, 0);
  const es = elementBytes(inst.dtype);
  inst.exports.relu(0, nPad * es, nPad * es);
  y.data.set(inst.view.subarray(nPad, nPad + n));
  return true;
}

/** dx = dy where x > 0, else 0, in WebAssembly; false, doing nothing, without SIMD. */
export function wasmReluGrad(x: Matrix, dy: Matrix, dx: Matrix): boolean {
  return gradient('reluGrad', x, dy, dx);
}

/** dx = dy · (1 - y²) in WebAssembly; false, doing nothing, without SIMD. */
export function wasmTanhGrad(y: Matrix, dy: Matrix, dx: Matrix): boolean {
  return gradient('tanhGrad', y, dy, dx);
}

/** Runs the element-wise gradient `kernel` of (x or y, dy) into dx. */
function gradient(
  kernel: 'reluGrad' | 'tanhGrad',
  x: Matrix,
  dy: Matrix,
  dx: Matrix,
): boolean {
  const inst = instance(x.dtype);
  if (inst === null) return false;
  const n = x.data.length;
  const nPad = roundUp(n, 16);
  reserve(inst, 3 * nPad);
  inst.view.set(x.data, 0);
  inst.view.set(dy.data, nPad);
  const es = elementBytes(inst.dtype);
  inst.exports[kernel](0, nPad * es, nPad * es, 2 * nPad * es);
  dx.data.set(inst.view.subarray(2 * nPad, 2 * nPad + n));
  return true;
}

/** Adam's scalars for one step, by the names ADAM_SCALARS gives them in memory. */
export type AdamScalars = Record<(typeof ADAM_SCALARS)[number], number>;

/**
 * One Adam step over `p`, `g`, `m`, `v` (same length and dtype, `m` and `v` updated in place)
 * in WebAssembly, with the JavaScript loop's numbers; false, doing nothing, without SIMD.
 */
export function wasmAdam(p: Data, g: Data, m: Data, v: Data, s: AdamScalars): boolean {
  const dtype: DType = p instanceof Float32Array ? 'float32' : 'float64';
  const inst = instance(dtype);
  if (inst === null || p.length === 0) return false;
  const n = p.length;
  const nPad = roundUp(n, 16);
  reserve(inst, 4 * nPad + 16);
  const view = inst.view;
  view.set(p, 0);
  view.set(g, nPad);
  view.set(m, 2 * nPad);
  view.set(v, 3 * nPad);
  const es = elementBytes(dtype);
  const scalars = new Float64Array(view.buffer, 4 * nPad * es, ADAM_SCALARS.length);
  for (let k = 0; k < ADAM_SCALARS.length; k++) scalars[k] = s[ADAM_SCALARS[k]];
  const bytes = roundUp(n, 2) * es;
  inst.exports.adam(0, nPad * es, 2 * nPad * es, 3 * nPad * es, bytes, 4 * nPad * es);
  p.set(view.subarray(0, n));
  m.set(view.subarray(2 * nPad, 2 * nPad + n));
  v.set(view.subarray(3 * nPad, 3 * nPad + n));
  return true;
}
