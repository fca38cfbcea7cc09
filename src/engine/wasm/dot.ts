/**
 * The product C = A·Bᵀ in WebAssembly SIMD as blocks of dot products: both operands are
 * read along their rows, so a Linear layer's forward pass needs no transpose of its weight.
 */
import { type FunctionSpec, I32, V128, op } from './encode';
import type { Lanes } from './lanes';

/** Rows of C per block for each element size: the block has DOT_ROWS x lanes accumulators. */
export function dotRows(lanes: Lanes): number {
  return lanes.count === 4 ? 2 : 4;
}

// Parameters of `dot`, all i32; pointers, strides and kBytes are in bytes.
const [M, N, K_BYTES, A, A_ROW, B, B_ROW, C, C_ROW] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
// Its i32 locals: counters, block pointers, then one pointer per row of A and of B.
const [I, J, Q, A_BLOCK, B_BLOCK, C_BLOCK] = [9, 10, 11, 12, 13, 14];
const FIRST_POINTER = 15;

/** Local indices of one kernel's pointers and vectors. */
interface Slots {
  pa: (r: number) => number;
  pb: (s: number) => number;
  acc: (r: number, s: number) => number;
  bv: (s: number) => number;
  av: number;
}

/** The locals of a block of `rows` x `cols`. */
function slots(rows: number, cols: number): Slots {
  const vectors = FIRST_POINTER + rows + cols;
  return {
    pa: (r) => FIRST_POINTER + r,
    pb: (s) => FIRST_POINTER + rows + s,
    acc: (r, s) => vectors + r * cols + s,
    bv: (s) => vectors + rows * cols + s,
    av: vectors + rows * cols + cols,
  };
}

/**
 * dot(m, n, kBytes, a, aRow, b, bRow, c, cRow): C[i][j] = Σ_p A[i][p] · B[j][p]. The rows
 * of A and B hold kBytes (a multiple of 16; the caller pads k with zeros). C is done in
 * blocks, so the caller leaves room for the rounded-up C and for reads past A and B.
 */
export function dot(lanes: Lanes): FunctionSpec {
  const rows = dotRows(lanes);
  const cols = lanes.count;
  const at = slots(rows, cols);
  const body = [
    ...[...op.i32(0), ...op.set(I), ...op.get(A), ...op.set(A_BLOCK)],
    ...[...op.get(C), ...op.set(C_BLOCK), ...op.loop],
    ...[...op.i32(0), ...op.set(J), ...op.get(B), ...op.set(B_BLOCK), ...op.loop],
    ...block(lanes, rows, at),
    ...bump(B_BLOCK, B_ROW, cols),
    ...[...op.get(J), ...op.i32(cols), ...op.i32Add, ...op.tee(J)],
    ...[...op.get(N), ...op.i32LtS, ...op.brIf(0), ...op.end],
    ...bump(A_BLOCK, A_ROW, rows),
    ...bump(C_BLOCK, C_ROW, rows),
    ...[...op.get(I), ...op.i32(rows), ...op.i32Add, ...op.tee(I)],
    ...[...op.get(M), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  const locals = [
    { count: FIRST_POINTER - 9 + rows + cols, type: I32 },
    { count: rows * cols + cols + 1, type: V128 },
  ];
  return { name: 'dot', params: 9, locals, body };
}

/** One block: rows x cols sums of products over the whole of k, reduced and stored. */
function block(lanes: Lanes, rows: number, at: Slots): number[] {
  const cols = lanes.count;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    out.push(...rowPointer(at.pa(r), A_BLOCK, A_ROW, r));
    for (let s = 0; s < cols; s++) out.push(...op.v128Zero, ...op.set(at.acc(r, s)));
  }
  for (let s = 0; s < cols; s++) out.push(...rowPointer(at.pb(s), B_BLOCK, B_ROW, s));
  out.push(...op.i32(0), ...op.set(Q), ...op.loop);
  out.push(...innerStep(lanes, rows, at));
  out.push(...op.get(Q), ...op.i32(16), ...op.i32Add, ...op.tee(Q));
  out.push(...op.get(K_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end);
  for (let r = 0; r < rows; r++) out.push(...storeRow(lanes, r, at));
  return out;
}

/** acc(r, s) += A[i + r][p..p+lanes] · B[j + s][p..p+lanes], lane by lane. */
function innerStep(lanes: Lanes, rows: number, at: Slots): number[] {
  const out: number[] = [];
  for (let s = 0; s < lanes.count; s++) {
    out.push(...op.get(at.pb(s)), ...op.get(Q), ...op.i32Add, ...op.v128Load(0));
    out.push(...op.set(at.bv(s)));
  }
  for (let r = 0; r < rows; r++) {
    out.push(...op.get(at.pa(r)), ...op.get(Q), ...op.i32Add, ...op.v128Load(0));
    out.push(...op.set(at.av));
    for (let s = 0; s < lanes.count; s++) {
      out.push(
        ...op.get(at.acc(r, s)),
        ...op.get(at.av),
        ...op.get(at.bv(s)),
        ...lanes.mul,
      );
      out.push(...lanes.add, ...op.set(at.acc(r, s)));
    }
  }
  return out;
}

/** C[i + r][j..j+lanes] = the lane sums of acc(r, 0..lanes-1), as one vector. */
function storeRow(lanes: Lanes, r: number, at: Slots): number[] {
  const acc = (s: number) => at.acc(r, s);
  const sum = lanes.count === 4 ? sum4(lanes, acc) : halves(lanes, acc(0), acc(1));
  const address = [...op.get(C_BLOCK), ...op.get(C_ROW), ...op.i32(r), ...op.i32Mul];
  address.push(
    ...op.i32Add,
    ...op.get(J),
    ...op.i32(lanes.bytes),
    ...op.i32Mul,
    ...op.i32Add,
  );
  return [...address, ...sum, ...op.v128Store(0)];
}

// Byte lanes of i8x16.shuffle over two vectors x (bytes 0-15) and y (bytes 16-31).
const LOW_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const HIGH_HALVES = LOW_HALVES.map((b) => b + 8);
const EVEN_F32 = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];
const ODD_F32 = EVEN_F32.map((b) => b + 4);

/** [x.lo + x.hi, y.lo + y.hi] by halves: for f64x2 the two sums [Σx, Σy]. */
function halves(lanes: Lanes, x: number, y: number): number[] {
  const both = [...op.get(x), ...op.get(y)];
  return [
    ...both,
    ...op.shuffle(LOW_HALVES),
    ...both,
    ...op.shuffle(HIGH_HALVES),
    ...lanes.add,
  ];
}

/** [Σv0, Σv1, Σv2, Σv3] of four f32x4 accumulators, which it overwrites. */
function sum4(lanes: Lanes, acc: (s: number) => number): number[] {
  // u = [v0.0+v0.2, v0.1+v0.3, v1.0+v1.2, v1.1+v1.3] and w likewise from v2 and v3; the
  // even lanes of (u, w) plus the odd ones are the four sums.
  const [u, w] = [acc(0), acc(2)];
  const uw = [...op.get(u), ...op.get(w)];
  return [
    ...[...halves(lanes, acc(0), acc(1)), ...op.set(u)],
    ...[...halves(lanes, acc(2), acc(3)), ...op.set(w)],
    ...[...uw, ...op.shuffle(EVEN_F32), ...uw, ...op.shuffle(ODD_F32), ...lanes.add],
  ];
}

/** local = base + stride · r. */
function rowPointer(local: number, base: number, stride: number, r: number): number[] {
  const offset =
    r === 0 ? [] : [...op.get(stride), ...op.i32(r), ...op.i32Mul, ...op.i32Add];
  return [...op.get(base), ...offset, ...op.set(local)];
}

/** local += stride · times. */
function bump(local: number, stride: number, times: number): number[] {
  return [
    ...[...op.get(local), ...op.get(stride), ...op.i32(times), ...op.i32Mul],
    ...[...op.i32Add, ...op.set(local)],
  ];
}
