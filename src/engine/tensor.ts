/** Dense row-major matrices on typed arrays, in float32 or float64. */

/** The floating-point type of a run: every stored value has this precision. */
export type DType = 'float32' | 'float64';

/** Storage of a matrix: writing to a Float32Array rounds as float32 does. */
export type Data = Float32Array | Float64Array;

/** A dense matrix of `rows` x `cols`, stored row by row in `data`. */
export interface Matrix {
  rows: number;
  cols: number;
  dtype: DType;
  data: Data;
}

/** A new zero-filled typed array of length `n` in `dtype`. */
export function alloc(n: number, dtype: DType): Data {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/** A `rows` x `cols` matrix of zeros. */
export function zeros(rows: number, cols: number, dtype: DType): Matrix {
  return { rows, cols, dtype, data: alloc(rows * cols, dtype) };
}

/** A matrix of the same shape and dtype as `m`, filled with zeros. */
export function zerosLike(m: Matrix): Matrix {
  return zeros(m.rows, m.cols, m.dtype);
}

/** A copy of `m` that shares no storage with it. */
export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, dtype: m.dtype, data: m.data.slice() };
}

/** A matrix from nested arrays `[row][col]`, rounded to `dtype`. */
export function fromRows(values: number[][], dtype: DType): Matrix {
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0].length;
  const m = zeros(rows, cols, dtype);
  for (let i = 0; i < rows; i++) {
    if (values[i].length !== cols) {
      throw new Error(
        `fromRows: row ${i} has ${values[i].length} values, row 0 has ${cols}`,
      );
    }
    m.data.set(values[i], i * cols);
  }
  return m;
}

/** A column matrix `(n, 1)` from a flat array. */
export function fromColumn(values: ArrayLike<number>, dtype: DType): Matrix {
  const m = zeros(values.length, 1, dtype);
  m.data.set(Array.from(values));
  return m;
}

/** The matrix as nested plain arrays `[row][col]`. */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  }
  return out;
}

/** The value at row `i`, column `j`. */
export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** Rounds a number to `dtype`: Math.fround for float32, itself for float64. */
export function rounder(dtype: DType): (x: number) => number {
  return dtype === 'float32' ? Math.fround : unrounded;
}

/** A float64 as it is: the rounding of float64 runs, as a function `rounder` can return. */
export function unrounded(x: number): number {
  return x;
}

/** The rows of `m` listed in `index`, in that order, as a new matrix. */
export function gatherRows(m: Matrix, index: ArrayLike<number>): Matrix {
  return gatherRowsInto(m, index, zeros(index.length, m.cols, m.dtype));
}

/** Writes the rows of `m` listed in `index` into `out` (index.length x m.cols) and returns it. */
export function gatherRowsInto(m: Matrix, index: ArrayLike<number>, out: Matrix): Matrix {
  const cols = m.cols;
  if (out.rows !== index.length || out.cols !== cols || out.dtype !== m.dtype) {
    throw new Error(
      `gatherRowsInto: ${index.length} rows of (${m.rows}, ${cols}) ${m.dtype} do not fit ` +
        `out (${out.rows}, ${out.cols}) ${out.dtype}: allocate out with zeros(index.length, cols)`,
    );
  }
  const M = m.data;
  const O = out.data;
  for (let r = 0; r < index.length; r++) {
    const src = index[r] * cols;
    for (let j = 0; j < cols; j++) O[r * cols + j] = M[src + j];
  }
  return out;
}
