/**
 * Matrix products used by the layers. Shapes are in rows x cols; every
 * product writes into `c`, which must not alias `a` or `b`.
 */
import type { Matrix } from './tensor';

/** c(m, n) = a(m, k) · bᵀ where b is (n, k): a Linear layer's forward pass. */
export function matmulABt(a: Matrix, b: Matrix, c: Matrix): void {
  const m = a.rows;
  const k = a.cols;
  const n = b.rows;
  const A = a.data;
  const B = b.data;
  const C = c.data;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i * k + p] * B[j * k + p];
      C[i * n + j] = s;
    }
  }
}

/** c(k, n) = aᵀ · b where a is (m, k) and b is (m, n): a weight gradient. */
export function matmulAtB(a: Matrix, b: Matrix, c: Matrix): void {
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const A = a.data;
  const B = b.data;
  const C = c.data;
  C.fill(0);
  for (let p = 0; p < m; p++) {
    for (let i = 0; i < k; i++) {
      const x = A[p * k + i];
      for (let j = 0; j < n; j++) C[i * n + j] += x * B[p * n + j];
    }
  }
}

/** c(m, n) = a(m, k) · b(k, n): an input gradient. */
export function matmulAB(a: Matrix, b: Matrix, c: Matrix): void {
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const A = a.data;
  const B = b.data;
  const C = c.data;
  C.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const x = A[i * k + p];
      for (let j = 0; j < n; j++) C[i * n + j] += x * B[p * n + j];
    }
  }
}
