/**
 * Matrix products in plain JavaScript, blocked two rows by two columns so that each loaded
 * value is used twice. Sums are kept in float64 and rounded once when stored.
 */
import type { Data } from '../tensor';

/** Where one operand's element (r, s) is: data[r * row + s * col]. */
export interface Strided {
  data: Data;
  row: number;
  col: number;
}

/**
 * C (m, n, row-major) = A (m, k) · B (k, n) with A and B given by strides; `C` is
 * overwritten. Two rows and two columns of C are summed at once, then the odd ones.
 */
export function jsProduct(
  m: number,
  n: number,
  k: number,
  a: Strided,
  b: Strided,
  C: Data,
) {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    let j = 0;
    for (; j + 1 < n; j += 2) block2x2(i, j, n, k, a, b, C);
    if (j < n) {
      dot(i, j, n, k, a, b, C);
      dot(i + 1, j, n, k, a, b, C);
    }
  }
  if (i < m) for (let j = 0; j < n; j++) dot(i, j, n, k, a, b, C);
}

/** C[i..i+1][j..j+1] = Σ_p A(i.., p) B(p, j..). */
function block2x2(
  i: number,
  j: number,
  n: number,
  k: number,
  a: Strided,
  b: Strided,
  C: Data,
) {
  const A = a.data;
  const B = b.data;
  const [ar, ac, br, bc] = [a.row, a.col, b.row, b.col];
  let pa = i * ar;
  let pb = j * bc;
  let s00 = 0;
  let s01 = 0;
  let s10 = 0;
  let s11 = 0;
  for (let p = 0; p < k; p++) {
    const a0 = A[pa];
    const a1 = A[pa + ar];
    const b0 = B[pb];
    const b1 = B[pb + bc];
    s00 += a0 * b0;
    s01 += a0 * b1;
    s10 += a1 * b0;
    s11 += a1 * b1;
    pa += ac;
    pb += br;
  }
  C[i * n + j] = s00;
  C[i * n + j + 1] = s01;
  C[(i + 1) * n + j] = s10;
  C[(i + 1) * n + j + 1] = s11;
}

/** C[i][j] = Σ_p A(i, p) B(p, j). */
function dot(
  i: number,
  j: number,
  n: number,
  k: number,
  a: Strided,
  b: Strided,
  C: Data,
) {
  const A = a.data;
  const B = b.data;
  let pa = i * a.row;
  let pb = j * b.col;
  let s = 0;
  for (let p = 0; p < k; p++) {
    s += A[pa] * B[pb];
    pa += a.col;
    pb += b.row;
  }
  C[i * n + j] = s;
}
