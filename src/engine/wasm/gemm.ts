/**
 * The register-blocked product C = A·B in WebAssembly SIMD, and a transpose, generated as
 * code for float32 (f32x4) or float64 (f64x2).
 */
import { type FunctionSpec, I32, V128, op } from './encode';
import type { Lanes } from './lanes';

/** Rows of C computed at once: each row keeps `VECTORS` accumulators in registers. */
export const BLOCK_ROWS = 4;

/** 128-bit vectors of C per row in one block: 2 (8 float32 or 4 float64 columns). */
export const VECTORS = 2;

// Parameters of `gemm`, all i32; pointers and strides are in bytes.
const [M, N_BYTES, K, A, A_ROW, A_COL, B, B_ROW, C, C_ROW] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
];
// Its i32 locals, then the row pointers into A, then its v128 locals.
const [I, J, P, A_BLOCK, C_BLOCK, PB, PC] = [10, 11, 12, 13, 14, 15, 16];
const PA = (r: number) => 17 + r;
const ACC = (r: number, v: number) => 17 + BLOCK_ROWS + r * VECTORS + v;
const BV = (v: number) => 17 + BLOCK_ROWS * (VECTORS + 1) + v;
const S = 17 + BLOCK_ROWS * (VECTORS + 1) + VECTORS;

/**
 * gemm(m, nBytes, k, a, aRow, aCol, b, bRow, c, cRow): C = A·B with A(i, p) at
 * a + i·aRow + p·aCol and B, C row-major. Rows are done BLOCK_ROWS at a time and columns
 * VECTORS·16 bytes at a time, so the caller leaves room for the rounded-up C and lets the
 * reads past A and B land in memory it owns; those lanes reach only the rounded-up part of C.
 */
export function gemm(lanes: Lanes): FunctionSpec {
  const body = [
    ...[...op.i32(0), ...op.set(I), ...op.get(A), ...op.set(A_BLOCK)],
    ...[...op.get(C), ...op.set(C_BLOCK), ...op.loop],
    ...[...op.i32(0), ...op.set(J), ...op.loop],
    ...block(lanes),
    ...[...op.get(J), ...op.i32(16 * VECTORS), ...op.i32Add, ...op.tee(J)],
    ...[...op.get(N_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end],
    ...step(A_BLOCK, A_ROW, BLOCK_ROWS),
    ...step(C_BLOCK, C_ROW, BLOCK_ROWS),
    ...[...op.get(I), ...op.i32(BLOCK_ROWS), ...op.i32Add, ...op.tee(I)],
    ...[...op.get(M), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  const locals = [
    { count: 7 + BLOCK_ROWS, type: I32 },
    { count: BLOCK_ROWS * VECTORS + VECTORS + 1, type: V128 },
  ];
  return { name: 'gemm', params: 10, locals, body };
}

/** One block of C: BLOCK_ROWS x VECTORS accumulators over the whole inner dimension. */
function block(lanes: Lanes): number[] {
  const out: number[] = [];
  for (let r = 0; r < BLOCK_ROWS; r++) {
    for (let v = 0; v < VECTORS; v++) out.push(...op.v128Zero, ...op.set(ACC(r, v)));
    out.push(...op.get(A_BLOCK));
    if (r > 0) out.push(...op.get(A_ROW), ...op.i32(r), ...op.i32Mul, ...op.i32Add);
    out.push(...op.set(PA(r)));
  }
  out.push(...op.get(B), ...op.get(J), ...op.i32Add, ...op.set(PB));
  out.push(...op.get(K), ...op.set(P), ...op.loop);
  out.push(...innerStep(lanes));
  out.push(
    ...op.get(P),
    ...op.i32(1),
    ...op.i32Sub,
    ...op.tee(P),
    ...op.brIf(0),
    ...op.end,
  );
  out.push(...op.get(C_BLOCK), ...op.get(J), ...op.i32Add, ...op.set(PC));
  for (let r = 0; r < BLOCK_ROWS; r++) {
    for (let v = 0; v < VECTORS; v++) {
      out.push(...op.get(PC), ...op.get(ACC(r, v)), ...op.v128Store(16 * v));
    }
    out.push(...step(PC, C_ROW, 1));
  }
  return out;
}

/** acc(r, v) += A(i + r, p) · B(p, j + v) for one p, then move to p + 1. */
function innerStep(lanes: Lanes): number[] {
  const out: number[] = [];
  for (let v = 0; v < VECTORS; v++) {
    out.push(...op.get(PB), ...op.v128Load(16 * v), ...op.set(BV(v)));
  }
  for (let r = 0; r < BLOCK_ROWS; r++) {
    out.push(...op.get(PA(r)), ...lanes.splat(0), ...op.set(S));
    for (let v = 0; v < VECTORS; v++) {
      out.push(...op.get(ACC(r, v)), ...op.get(S), ...op.get(BV(v)), ...lanes.mul);
      out.push(...lanes.add, ...op.set(ACC(r, v)));
    }
    out.push(...step(PA(r), A_COL, 1));
  }
  out.push(...step(PB, B_ROW, 1));
  return out;
}

/** local += stride · times. */
function step(local: number, stride: number, times: number): number[] {
  const scaled = times === 1 ? [] : [...op.i32(times), ...op.i32Mul];
  return [...op.get(local), ...op.get(stride), ...scaled, ...op.i32Add, ...op.set(local)];
}

/**
 * transpose(src, rows, cols, dst): dst (cols, rows) = srcᵀ, both row-major. Writes run
 * along dst's rows and reads down src's columns, which costs less than the other way round.
 */
export function transpose(lanes: Lanes): FunctionSpec {
  const bytes = lanes.bytes;
  const [SRC, ROWS, COLS, DST, I_, J_, PS] = [0, 1, 2, 3, 4, 5, 6];
  const body = [
    ...[...op.i32(0), ...op.set(J_), ...op.loop],
    ...[...op.get(SRC), ...op.get(J_), ...op.i32(bytes), ...op.i32Mul, ...op.i32Add],
    ...[...op.set(PS), ...op.i32(0), ...op.set(I_), ...op.loop],
    ...[...op.get(DST), ...op.get(PS), ...lanes.load(0), ...lanes.store(0)],
    ...[...op.get(DST), ...op.i32(bytes), ...op.i32Add, ...op.set(DST)],
    ...[...op.get(PS), ...op.get(COLS), ...op.i32(bytes), ...op.i32Mul, ...op.i32Add],
    ...[...op.set(PS), ...op.get(I_), ...op.i32(1), ...op.i32Add, ...op.tee(I_)],
    ...[...op.get(ROWS), ...op.i32LtS, ...op.brIf(0), ...op.end],
    ...[...op.get(J_), ...op.i32(1), ...op.i32Add, ...op.tee(J_)],
    ...[...op.get(COLS), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  return { name: 'transpose', params: 4, locals: [{ count: 3, type: I32 }], body };
}
