/**
 * Element-wise hidden activations, forward and backward side by side. In float32 every
 * intermediate is rounded as PyTorch's float32 kernels round it.
 */
import type { ActivationName } from './config';
import { rounder, type Matrix } from './tensor';

/** An element-wise activation with its derivative, over matrices of one shape. */
export interface Activation {
  name: ActivationName;
  /** y = f(x), written into y (same shape). */
  forward(x: Matrix, y: Matrix): void;
  /** dx = dy * f'(x), written into dx; may use x or y (the forward output). */
  backward(x: Matrix, y: Matrix, dy: Matrix, dx: Matrix): void;
}

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
    for (let i = 0; i < x.data.length; i++) {
      const v = x.data[i];
      y.data[i] = v <= 0 ? 0 : v;
    }
  },
  // dx = dy if x > 0 else 0
  backward(x, _y, dy, dx) {
    for (let i = 0; i < x.data.length; i++) dx.data[i] = x.data[i] > 0 ? dy.data[i] : 0;
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

/** Tanh: y = tanh(x). */
const tanh: Activation = {
  name: 'tanh',
  forward(x, y) {
    for (let i = 0; i < x.data.length; i++) y.data[i] = Math.tanh(x.data[i]);
  },
  // dx = dy · (1 - y²)
  backward(_x, y, dy, dx) {
    const r = rounder(y.dtype);
    for (let i = 0; i < y.data.length; i++) {
      const v = y.data[i];
      dx.data[i] = dy.data[i] * r(1 - r(v * v));
    }
  },
};

/** Sigmoid: y = 1 / (1 + exp(-x)). */
const logistic: Activation = {
  name: 'sigmoid',
  forward(x, y) {
    const r = rounder(x.dtype);
    for (let i = 0; i < x.data.length; i++) y.data[i] = sigmoid(x.data[i], r);
  },
  // dx = dy · (1 - y) · y
  backward(_x, y, dy, dx) {
    const r = rounder(y.dtype);
    for (let i = 0; i < y.data.length; i++) {
      const v = y.data[i];
      dx.data[i] = r(dy.data[i] * r(1 - v)) * v;
    }
  },
};

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
