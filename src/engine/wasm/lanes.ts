/** What differs between the float32 and float64 kernels: element size and instructions. */
import { op } from './encode';
import type { DType } from '../tensor';

/** The element type of a kernel and the instructions that depend on it. */
export interface Lanes {
  /** Bytes per element: 4 or 8. */
  bytes: number;
  /** Elements per 128-bit vector: 4 or 2. */
  count: number;
  splat: (offset: number) => number[];
  add: number[];
  sub: number[];
  mul: number[];
  /** A vector of ones. */
  ones: number[];
  /** Lane-wise maximum, NaN if either lane is NaN, +0 for the pair -0 and +0. */
  max: number[];
  /** Lane-wise a > b: all ones where true, zeros where false (NaN compares false). */
  gt: number[];
  load: (offset: number) => number[];
  store: (offset: number) => number[];
}

/** Bytes of one element of `dtype`. */
export function elementBytes(dtype: DType): number {
  return dtype === 'float32' ? 4 : 8;
}

/** The lanes of each dtype. */
export const LANES: Record<DType, Lanes> = {
  float32: {
    bytes: 4,
    count: 4,
    splat: op.load32Splat,
    add: op.f32x4Add,
    sub: op.f32x4Sub,
    mul: op.f32x4Mul,
    ones: op.v128Const(bytesOf(new Float32Array([1, 1, 1, 1]))),
    max: op.f32x4Max,
    gt: op.f32x4Gt,
    load: op.f32Load,
    store: op.f32Store,
  },
  float64: {
    bytes: 8,
    count: 2,
    splat: op.load64Splat,
    add: op.f64x2Add,
    sub: op.f64x2Sub,
    mul: op.f64x2Mul,
    ones: op.v128Const(bytesOf(new Float64Array([1, 1]))),
    max: op.f64x2Max,
    gt: op.f64x2Gt,
    load: op.f64Load,
    store: op.f64Store,
  },
};

/** The bytes of a typed array, as a v128.const takes them. */
function bytesOf(values: Float32Array | Float64Array): number[] {
  return Array.from(new Uint8Array(values.buffer));
}
