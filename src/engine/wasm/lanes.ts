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
  mul: number[];
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
    mul: op.f32x4Mul,
    load: op.f32Load,
    store: op.f32Store,
  },
  float64: {
    bytes: 8,
    count: 2,
    splat: op.load64Splat,
    add: op.f64x2Add,
    mul: op.f64x2Mul,
    load: op.f64Load,
    store: op.f64Store,
  },
};
