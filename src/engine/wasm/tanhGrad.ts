/** Tanh's gradient over whole vectors in WebAssembly SIMD, for float32 or float64. */
import { type FunctionSpec, I32, op } from './encode';
import type { Lanes } from './lanes';

// dx = dy · (1 - y²), each product and difference rounded to the dtype as JavaScript stores it
export function tanhGrad(lanes: Lanes): FunctionSpec {
  const [Y, DY, N_BYTES, DX, P] = [0, 1, 2, 3, 4];
  const at = (array: number) => [...op.get(array), ...op.get(P), ...op.i32Add];
  const body = [
    ...[...op.i32(0), ...op.set(P), ...op.loop],
    ...[...at(DX), ...at(DY), ...op.v128Load(0), ...lanes.ones],
    ...[...at(Y), ...op.v128Load(0), ...at(Y), ...op.v128Load(0), ...lanes.mul],
    ...[...lanes.sub, ...lanes.mul, ...op.v128Store(0)],
    ...[...op.get(P), ...op.i32(16), ...op.i32Add, ...op.tee(P)],
    ...[...op.get(N_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  return { name: 'tanhGrad', params: 4, locals: [{ count: 1, type: I32 }], body };
}
