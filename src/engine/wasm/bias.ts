/** A bias added to every row of a matrix, and the sum of its rows, in WebAssembly SIMD. */
import { type FunctionSpec, I32, V128, op } from './encode';
import type { Lanes } from './lanes';

// Parameters of `addRows`, all i32, pointers and sizes in bytes; then its locals.
const [C, ROWS, N_BYTES, C_ROW, BIAS, I, J] = [0, 1, 2, 3, 4, 5, 6];

/**
 * addRows(c, rows, nBytes, cRow, bias): c[i, :] += bias for `rows` rows (at least one) of
 * `nBytes` (a positive multiple of 16) each, `cRow` bytes apart. Each sum is rounded once to
 * the dtype, as JavaScript rounds a float64 sum of two such values when it stores it.
 */
export function addRows(lanes: Lanes): FunctionSpec {
  const body = [
    ...[...op.i32(0), ...op.set(I), ...op.loop],
    ...[...op.i32(0), ...op.set(J), ...op.loop],
    ...[...op.get(C), ...op.get(J), ...op.i32Add],
    ...[...op.get(C), ...op.get(J), ...op.i32Add, ...op.v128Load(0)],
    ...[...op.get(BIAS), ...op.get(J), ...op.i32Add, ...op.v128Load(0)],
    ...[...lanes.add, ...op.v128Store(0)],
    ...[...op.get(J), ...op.i32(16), ...op.i32Add, ...op.tee(J)],
    ...[...op.get(N_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end],
    ...[...op.get(C), ...op.get(C_ROW), ...op.i32Add, ...op.set(C)],
    ...[...op.get(I), ...op.i32(1), ...op.i32Add, ...op.tee(I)],
    ...[...op.get(ROWS), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  return { name: 'addRows', params: 5, locals: [{ count: 2, type: I32 }], body };
}

/**
 * sumRows(src, rows, nBytes, stride, dst): dst[:] = Σ_i src[i, :] over `rows` rows (at least
 * one) `stride` bytes apart, `nBytes` (a positive multiple of 16) per row, summed from the
 * first row to the last with each sum rounded to the dtype: a bias gradient.
 */
export function sumRows(lanes: Lanes): FunctionSpec {
  const [SRC, ROWS_, N_BYTES_, STRIDE, DST, I_, J_, P] = [0, 1, 2, 3, 4, 5, 6, 7];
  const ACC = 8;
  const body = [
    ...[...op.i32(0), ...op.set(J_), ...op.loop],
    ...[...op.v128Zero, ...op.set(ACC), ...op.get(SRC), ...op.get(J_), ...op.i32Add],
    ...[...op.set(P), ...op.i32(0), ...op.set(I_), ...op.loop],
    ...[...op.get(ACC), ...op.get(P), ...op.v128Load(0), ...lanes.add, ...op.set(ACC)],
    ...[...op.get(P), ...op.get(STRIDE), ...op.i32Add, ...op.set(P)],
    ...[...op.get(I_), ...op.i32(1), ...op.i32Add, ...op.tee(I_)],
    ...[...op.get(ROWS_), ...op.i32LtS, ...op.brIf(0), ...op.end],
    ...[...op.get(DST), ...op.get(J_), ...op.i32Add, ...op.get(ACC), ...op.v128Store(0)],
    ...[...op.get(J_), ...op.i32(16), ...op.i32Add, ...op.tee(J_)],
    ...[...op.get(N_BYTES_), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  const locals = [
    { count: 3, type: I32 },
    { count: 1, type: V128 },
  ];
  return { name: 'sumRows', params: 5, locals, body };
}
