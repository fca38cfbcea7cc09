/**
 * Element-wise hidden activations, forward and backward side by side. In float32 every
 * intermediate is rounded as PyTorch's float32 kernels round it.
 */
import type { ActivationName } from './config';
import { elementwiseInWasm } from './kernels';
import { reluGradValues, reluValues } from './kernels/relu';
import { tanh32 } from './kernels/tanh';
import { wasmTanhGrad } from './wasm/runtime';
import { type Data, rounder, type Matrix, unrounded } from './tensor';

/** Rounds a number to the run's dtype (Math.fround in float32). */
type Round = (v: number) => number;

/** An element-wise activation with its derivative, over matrices of one shape. */
export interface Activation {
  name: ActivationName;
  /** y = f(x), written into y (same shape). */
  forward(x: Matrix, y: Matrix): void;
  /** dx = dy * f'(x), written into dx; may use x or y (the forward output). */
  backward(x: Matrix, y: Matrix, dy: Matrix, dx: Matrix): void;
}

/**
 * From this many values up, tanh's gradient runs in WebAssembly, where the copies cost less
 * than a JavaScript loop; both give the same values.
 */
const WASM_MIN_VALUES = 64;

/** PyTorch's default negative slope of LeakyReLU. */
export const defaultNegativeSlope = 0.01;

/** σ(x) = 1 / (1 + exp(-x)) with each step rounded by `r`; 0 or 1, never NaN, at extremes. */
export function sigmoid(x: number, r: (v: number) => number): number {
  return r(1 / r(1 + r(Math.exp(-x))));
}

/** The activation `name`; `negativeSlope` is used by leaky_relu only (default 0.01). */
export function activation(
  name: ActivationName,
  negativeSlope = defaultNegativeSlope,
): Activation {
  switch (name) {
    case 'relu':
      return relu;
    case 'leaky_relu':
      return leakyRelu(name, negativeSlope);
    case 'tanh':
      return tanh;
    case 'sigmoid':
      return logistic;
    case 'identity':
      return identity;
  }
  throw new Error(
    `activation: unknown name "${String(name)}"; use relu, leaky_relu, tanh, ` +
      'sigmoid or identity',
  );
}

/** ReLU: y = max(x, 0), NaN kept as NaN. */
const relu: Activation = {
  name: 'relu',
  forward(x, y) {
    reluValues(x, y);
  },
  // dx = dy if x > 0 else 0
  backward(x, _y, dy, dx) {
    reluGradValues(x, dy, dx);
  },
};

/** LeakyReLU: y = x if x > 0 else negativeSlope · x. */
function leakyRelu(name: ActivationName, negativeSlope: number): Activation {
  return {
    name,
    forward(x, y) {
      const slope = rounder(x.dtype)(negativeSlope);
      for (let i = 0; i < x.data.length; i++) {
        const v = x.data[i];
        y.data[i] = v > 0 ? v : v * slope;
      }
    },
    // dx = dy if x > 0 else slope · dy (PyTorch takes the negative side at x = 0)
    backward(x, _y, dy, dx) {
      const slope = rounder(x.dtype)(negativeSlope);
      for (let i = 0; i < x.data.length; i++) {
        dx.data[i] = x.data[i] > 0 ? dy.data[i] : dy.data[i] * slope;
      }
    },
  };
}

/** Tanh: y = tanh(x); float32 runs take tanh32, float32-exact and faster than Math.tanh. */
const tanh: Activation = {
  name: 'tanh',
  forward(x, y) {
    const X = x.data;
    const Y = y.data;
    if (x.dtype === 'float32') for (let i = 0; i < X.length; i++) Y[i] = tanh32(X[i]);
    else for (let i = 0; i < X.length; i++) Y[i] = Math.tanh(X[i]);
  },
  // dx = dy · (1 - y²)
  backward(_x, y, dy, dx) {
    if (elementwiseInWasm(y.data.length, WASM_MIN_VALUES) && wasmTanhGrad(y, dy, dx))
      return;
    if (y.dtype === 'float32') tanhGrad(y.data, dy.data, dx.data, Math.fround);
    else tanhGrad(y.data, dy.data, dx.data, unrounded);
  },
};

// Each activation's rounding is passed as a constant at its call so that the compiler inlines
// it: a rounding chosen at run time stays a function call per value, and boxes every result.

/** dx = dy · (1 - y²), each step rounded by `r`. */
function tanhGrad(y: Data, dy: Data, dx: Data, r: Round): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    dx[i] = dy[i] * r(1 - r(v * v));
  }
}

/** Sigmoid: y = 1 / (1 + exp(-x)). */
const logistic: Activation = {
  name: 'sigmoid',
  forward(x, y) {
    if (x.dtype === 'float32') sigmoidValues(x.data, y.data, Math.fround);
    else sigmoidValues(x.data, y.data, unrounded);
  },
  // dx = dy · (1 - y) · y
  backward(_x, y, dy, dx) {
    if (y.dtype === 'float32') sigmoidGrad(y.data, dy.data, dx.data, Math.fround);
    else sigmoidGrad(y.data, dy.data, dx.data, unrounded);
  },
};

/** y = σ(x) value by value, each step rounded by `r`. */
function sigmoidValues(x: Data, y: Data, r: Round): void {
  for (let i = 0; i < x.length; i++) y[i] = sigmoid(x[i], r);
}

/** dx = dy · (1 - y) · y, each step rounded by `r`. */
export function sigmoidGrad(y: Data, dy: Data, dx: Data, r: Round): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    dx[i] = r(dy[i] * r(1 - v)) * v;
  }
}

/** Identity: y = x. */
const identity: Activation = {
  name: 'identity',
  forward(x, y) {
    y.data.set(x.data);
  },
  // dx = dy
  backward(_x, _y, dy, dx) {
    dx.data.set(dy.data);
  },
};
