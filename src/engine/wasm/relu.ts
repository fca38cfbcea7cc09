/** ReLU and its gradient over whole vectors in WebAssembly SIMD, for float32 or float64. */
import { type FunctionSpec, I32, op } from './encode';
import type { Lanes } from './lanes';

/**
 * relu(x, nBytes, y): y = max(x, 0) over `nBytes` (a positive multiple of 16): 0 for x <= 0
 * (-0 included), NaN kept, as the JavaScript loop gives.
 */
export function relu(lanes: Lanes): FunctionSpec {
  const [X, N_BYTES, Y, P] = [0, 1, 2, 3];
  const body = [
    ...[...op.i32(0), ...op.set(P), ...op.loop],
    ...[...op.get(Y), ...op.get(P), ...op.i32Add],
    ...[...op.get(X), ...op.get(P), ...op.i32Add, ...op.v128Load(0)],
    ...[...op.v128Zero, ...lanes.max, ...op.v128Store(0)],
    ...[...op.get(P), ...op.i32(16), ...op.i32Add, ...op.tee(P)],
    ...[...op.get(N_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  return { name: 'relu', params: 3, locals: [{ count: 1, type: I32 }], body };
}

// dx = dy where x > 0, else +0 (NaN x included): dy with the lanes of x > 0 kept
export function reluGrad(lanes: Lanes): FunctionSpec {
  const [X, DY, N_BYTES, DX, P] = [0, 1, 2, 3, 4];
  const body = [
    ...[...op.i32(0), ...op.set(P), ...op.loop],
    ...[...op.get(DX), ...op.get(P), ...op.i32Add],
    ...[...op.get(DY), ...op.get(P), ...op.i32Add, ...op.v128Load(0)],
    ...[...op.get(X), ...op.get(P), ...op.i32Add, ...op.v128Load(0)],
    ...[...op.v128Zero, ...lanes.gt, ...op.v128And, ...op.v128Store(0)],
    ...[...op.get(P), ...op.i32(16), ...op.i32Add, ...op.tee(P)],
    ...[...op.get(N_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  return { name: 'reluGrad', params: 4, locals: [{ count: 1, type: I32 }], body };
}
