/** A fully connected layer, y = x · Wᵀ + b, with its gradients. */
import { matmulAB, matmulABt, matmulAtB, sumRows } from './kernels';
import type { Rng } from './rng';
import { type DType, type Matrix, zeros } from './tensor';

/** A Linear layer's parameters as PyTorch stores them: weight (out, in), bias (out). */
export interface LinearWeights {
  weight: number[][];
  bias: number[];
}

/** Linear(nin, nout): weight `w` (nout, nin), bias `b` (1, nout) and their gradients. */
export class Linear {
  readonly nin: number;
  readonly nout: number;
  readonly w: Matrix;
  readonly b: Matrix;
  readonly dw: Matrix;
  readonly db: Matrix;

  /** A layer of zeros; use `init` for PyTorch's default initialisation. */
  constructor(nin: number, nout: number, dtype: DType) {
    this.nin = nin;
    this.nout = nout;
    this.w = zeros(nout, nin, dtype);
    this.b = zeros(1, nout, dtype);
    this.dw = zeros(nout, nin, dtype);
    this.db = zeros(1, nout, dtype);
  }

  /** PyTorch's default: weight and bias uniform in ±1/sqrt(nin). */
  init(rng: Rng): void {
    const bound = 1 / Math.sqrt(this.nin);
    for (let i = 0; i < this.w.data.length; i++)
      this.w.data[i] = rng.between(-bound, bound);
    for (let i = 0; i < this.b.data.length; i++)
      this.b.data[i] = rng.between(-bound, bound);
  }

  /** y (N, nout) = x (N, nin) · wᵀ + b. */
  forward(x: Matrix, y: Matrix): void {
    matmulABt(x, this.w, y, this.b);
  }

  /** dw = dyᵀ · x, db = Σ_rows dy, and dx = dy · w when `dx` is given. */
  backward(x: Matrix, dy: Matrix, dx?: Matrix): void {
    matmulAtB(dy, x, this.dw);
    sumRows(dy, this.db);
    if (dx) matmulAB(dy, this.w, dx);
  }

  /** The parameters as nested arrays, PyTorch's layout. */
  weights(): LinearWeights {
    const weight: number[][] = [];
    for (let i = 0; i < this.nout; i++) {
      weight.push(Array.from(this.w.data.subarray(i * this.nin, (i + 1) * this.nin)));
    }
    return { weight, bias: Array.from(this.b.data) };
  }

  /** Loads parameters in PyTorch's layout; refuses a shape that does not fit. */
  setWeights(p: LinearWeights): void {
    const fits = p.weight.length === this.nout && p.bias.length === this.nout;
    if (!fits || p.weight.some((row) => row.length !== this.nin)) {
      throw new Error(
        `Linear(${this.nin}, ${this.nout}) cannot take weights of shape ` +
          `(${p.weight.length}, ${p.weight[0]?.length ?? 0}): check the model's layer sizes`,
      );
    }
    p.weight.forEach((row, i) => this.w.data.set(row, i * this.nin));
    this.b.data.set(p.bias);
  }
}
