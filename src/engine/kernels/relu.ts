/**
 * ReLU and its gradient over whole matrices: in WebAssembly SIMD from WASM_MIN_VALUES values
 * up, where a JavaScript loop (about 1 ns a value) costs more than the copies; else in a loop.
 * Both give the same values, -0 and NaN included.
 */
import { elementwiseInWasm } from '../kernels';
import type { Matrix } from '../tensor';
import { wasmRelu, wasmReluGrad } from '../wasm/runtime';

/** From this many values up, ReLU runs in WebAssembly (unless the JavaScript path is forced). */
export const WASM_MIN_VALUES = 256;

/** y = max(x, 0): 0 for x <= 0, NaN kept as NaN. */
export function reluValues(x: Matrix, y: Matrix): void {
  if (elementwiseInWasm(x.data.length, WASM_MIN_VALUES) && wasmRelu(x, y)) return;
  const X = x.data;
  const Y = y.data;
  for (let i = 0; i < X.length; i++) {
    const v = X[i];
    Y[i] = v <= 0 ? 0 : v;
  }
}

// dx = dy if x > 0 else 0
export function reluGradValues(x: Matrix, dy: Matrix, dx: Matrix): void {
  if (elementwiseInWasm(x.data.length, WASM_MIN_VALUES) && wasmReluGrad(x, dy, dx))
    return;
  const X = x.data;
  const DY = dy.data;
  const DX = dx.data;
  for (let i = 0; i < X.length; i++) DX[i] = X[i] > 0 ? DY[i] : 0;
}
