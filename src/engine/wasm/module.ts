/** The WebAssembly module of one dtype's matrix kernels, encoded in memory. */
import { adam } from './adam';
import { addRows, sumRows } from './bias';
import { dot } from './dot';
import { encodeModule } from './encode';
import { gemm, transpose } from './gemm';
import { LANES } from './lanes';
import { relu, reluGrad } from './relu';
import { tanhGrad } from './tanhGrad';
import type { DType } from '../tensor';

/** The bytes of `dtype`'s kernels module: products, element-wise kernels, Adam, `memory`. */
export function kernelModule(dtype: DType): Uint8Array<ArrayBuffer> {
  const lanes = LANES[dtype];
  const products = [gemm(lanes), dot(lanes), transpose(lanes)];
  const elementwise = [addRows(lanes), sumRows(lanes), relu(lanes), reluGrad(lanes)];
  elementwise.push(tanhGrad(lanes));
  return encodeModule([...products, ...elementwise, adam(dtype === 'float32')], 1);
}
