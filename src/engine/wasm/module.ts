/** The WebAssembly module of one dtype's matrix kernels, encoded in memory. */
import { addRows, sumRows } from './bias';
import { dot } from './dot';
import { encodeModule } from './encode';
import { gemm, transpose } from './gemm';
import { LANES } from './lanes';
import type { DType } from '../tensor';

/** The bytes of `dtype`'s kernels module: its products, bias kernels and `memory`. */
export function kernelModule(dtype: DType): Uint8Array<ArrayBuffer> {
  const lanes = LANES[dtype];
  const bias = [addRows(lanes), sumRows(lanes)];
  return encodeModule([gemm(lanes), dot(lanes), transpose(lanes), ...bias], 1);
}
