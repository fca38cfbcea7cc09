/** The WebAssembly module of one dtype's matrix kernels, encoded in memory. */
import { addRows } from './bias';
import { dot } from './dot';
import { encodeModule } from './encode';
import { gemm, transpose } from './gemm';
import { LANES } from './lanes';
import type { DType } from '../tensor';

/** The bytes of `dtype`'s kernels module: `gemm`, `dot`, `transpose`, `addRows`, `memory`. */
export function kernelModule(dtype: DType): Uint8Array<ArrayBuffer> {
  const lanes = LANES[dtype];
  return encodeModule([gemm(lanes), dot(lanes), transpose(lanes), addRows(lanes)], 1);
}
