/**
 * Central finite differences in float64 against the analytic gradients of every activation,
 * head and loss, with each option and reduction.
 */
import { describe, expect, it } from 'vitest';
import { activation } from '../../src/engine/activations';
import type {
  ActivationName,
  HeadName,
  LossConfig,
  Reduction,
} from '../../src/engine/config';
import { headBackward, headForward } from '../../src/engine/heads';
import { computeLoss, type Target } from '../../src/engine/losses';
import { Rng } from '../../src/engine/rng';
import { clone, zeros, zerosLike, type Matrix } from '../../src/engine/tensor';

const h = 1e-6;
const tolerance = { rel: 1e-6, abs: 1e-9 };

/** d f / d x by central differences, one element at a time. */
function numericGradient(f: (x: Matrix) => number, x: Matrix): Float64Array {
  const g = new Float64Array(x.data.length);
  const probe = clone(x);
  for (let k = 0; k < x.data.length; k++) {
    probe.data[k] = x.data[k] + h;
    const up = f(probe);
    probe.data[k] = x.data[k] - h;
    const down = f(probe);
    probe.data[k] = x.data[k];
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

function expectGradient(analytic: Matrix, numeric: Float64Array): void {
  const bad: string[] = [];
  for (let k = 0; k < numeric.length; k++) {
    const a = analytic.data[k];
    const n = numeric[k];
    if (!(Math.abs(a - n) <= tolerance.abs + tolerance.rel * Math.abs(n))) {
      bad.push(`[${k}] analytic ${a}, numeric ${n}`);
    }
  }
  expect(bad).toEqual([]);
}

/** A rows x cols float64 matrix of values drawn uniformly from [low, high). */
function uniform(
  rng: Rng,
  rows: number,
  cols: number,
  low: number,
  high: number,
): Matrix {
  const m = zeros(rows, cols, 'float64');
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.between(low, high);
  return m;
}

/** Values uniform in [0.2, 3) with a random sign: away from the kinks of ReLU at 0. */
function awayFromZero(rng: Rng, rows: number, cols: number): Matrix {
  const m = uniform(rng, rows, cols, 0.2, 3);
  for (let k = 0; k < m.data.length; k++) if (rng.uniform() < 0.5) m.data[k] = -m.data[k];
  return m;
}

/** Σ upstream · y: a scalar whose gradient through y is the upstream gradient. */
function dot(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k] * b.data[k];
  return s;
}

describe('activations: analytic gradient = finite differences', () => {
  const cases: [ActivationName, number?][] = [
    ['relu'],
    ['leaky_relu'],
    ['leaky_relu', 0.2],
    ['tanh'],
    ['sigmoid'],
    ['identity'],
  ];
  for (const [name, slope] of cases) {
    it(`${name}${slope === undefined ? '' : ` (slope ${slope})`}`, () => {
      const rng = new Rng(7);
      const act = activation(name, slope);
      const x = awayFromZero(rng, 4, 5);
      const up = uniform(rng, 4, 5, -1, 1);
      const y = zerosLike(x);
      const dx = zerosLike(x);
      act.forward(x, y);
      act.backward(x, y, up, dx);
      const f = (p: Matrix) => {
        const out = zerosLike(p);
        act.forward(p, out);
        return dot(out, up);
      };
      expectGradient(dx, numericGradient(f, x));
    });
  }
});

describe('heads: analytic gradient = finite differences', () => {
  for (const head of ['none', 'sigmoid', 'softmax', 'log_softmax'] as HeadName[]) {
    it(head, () => {
      const rng = new Rng(11);
      const logits = uniform(rng, 5, 4, -4, 4);
      const up = uniform(rng, 5, 4, -1, 1);
      const out = zerosLike(logits);
      const dLogits = zerosLike(logits);
      headForward(head, logits, out);
      headBackward(head, logits, out, up, dLogits);
      const f = (p: Matrix) => {
        const y = zerosLike(p);
        headForward(head, p, y);
        return dot(y, up);
      };
      expectGradient(dLogits, numericGradient(f, logits));
    });
  }
});

/** A loss case: the configuration without reduction, an input and a target. */
interface LossCase {
  label: string;
  config: Omit<LossConfig, 'reduction'>;
  input: (rng: Rng) => Matrix;
  target: (rng: Rng) => Target;
}

const N = 6;
const C = 3;
const logits = (rng: Rng) => uniform(rng, N, C, -3, 3);
const probs = (rng: Rng) => uniform(rng, N, C, 0.05, 0.95);
const labels = (rng: Rng): Target => {
  const values = zeros(N, C, 'float64');
  for (let k = 0; k < values.data.length; k++) values.data[k] = rng.int(2);
  return { kind: 'float', values };
};
const soft = (rng: Rng): Target => ({ kind: 'float', values: probs(rng) });
/** Random class indices, row 1 set to `ignored` (PyTorch's default ignoreIndex unless given). */
const classesIgnoring =
  (ignored: number) =>
  (rng: Rng): Target => {
    const index = new Int32Array(N);
    for (let i = 0; i < N; i++) index[i] = rng.int(C);
    index[1] = ignored;
    return { kind: 'index', index };
  };
const classes = classesIgnoring(-100);
const classProbs = (rng: Rng): Target => {
  const values = uniform(rng, N, C, 0, 1);
  for (let i = 0; i < N; i++) {
    let sum = 0;
    for (let c = 0; c < C; c++) sum += values.data[i * C + c];
    for (let c = 0; c < C; c++) values.data[i * C + c] /= sum;
  }
  return { kind: 'float', values };
};
const logProbs = (rng: Rng) => {
  const x = logits(rng);
  const y = zerosLike(x);
  headForward('log_softmax', x, y);
  return y;
};

const lossCases: LossCase[] = [
  { label: 'BCELoss', config: { name: 'BCELoss' }, input: probs, target: labels },
  { label: 'BCELoss soft', config: { name: 'BCELoss' }, input: probs, target: soft },
  {
    label: 'BCELoss weight',
    config: { name: 'BCELoss', weight: [0.5, 2, 1.5] },
    input: probs,
    target: labels,
  },
  {
    label: 'BCEWithLogitsLoss',
    config: { name: 'BCEWithLogitsLoss' },
    input: logits,
    target: soft,
  },
  {
    label: 'BCEWithLogitsLoss weight, posWeight',
    config: { name: 'BCEWithLogitsLoss', weight: [0.5, 2, 1.5], posWeight: [3, 0.5, 1] },
    input: logits,
    target: labels,
  },
  {
    label: 'BCEWithLogitsLoss broadcast posWeight',
    config: { name: 'BCEWithLogitsLoss', posWeight: [4], weight: [0.3] },
    input: logits,
    target: soft,
  },
  {
    label: 'CrossEntropyLoss',
    config: { name: 'CrossEntropyLoss' },
    input: logits,
    target: classes,
  },
  {
    label: 'CrossEntropyLoss weight',
    config: { name: 'CrossEntropyLoss', weight: [0.5, 2, 1] },
    input: logits,
    target: classes,
  },
  {
    label: 'CrossEntropyLoss ignoreIndex, labelSmoothing',
    config: { name: 'CrossEntropyLoss', ignoreIndex: 2, labelSmoothing: 0.2 },
    input: logits,
    target: classesIgnoring(2),
  },
  {
    label: 'CrossEntropyLoss weight, labelSmoothing',
    config: { name: 'CrossEntropyLoss', weight: [0.5, 2, 1], labelSmoothing: 0.1 },
    input: logits,
    target: classes,
  },
  {
    label: 'CrossEntropyLoss probability targets',
    config: { name: 'CrossEntropyLoss' },
    input: logits,
    target: classProbs,
  },
  {
    label: 'CrossEntropyLoss probability targets, weight, labelSmoothing',
    config: { name: 'CrossEntropyLoss', weight: [2, 1, 0.5], labelSmoothing: 0.25 },
    input: logits,
    target: classProbs,
  },
  { label: 'NLLLoss', config: { name: 'NLLLoss' }, input: logProbs, target: classes },
  {
    label: 'NLLLoss weight, ignoreIndex',
    config: { name: 'NLLLoss', weight: [1, 0.5, 2], ignoreIndex: 0 },
    input: logProbs,
    target: classesIgnoring(0),
  },
  { label: 'MSELoss', config: { name: 'MSELoss' }, input: logits, target: soft },
];

describe('losses: analytic gradient = finite differences', () => {
  for (const c of lossCases) {
    for (const reduction of ['mean', 'sum', 'none'] as Reduction[]) {
      it(`${c.label}, ${reduction}`, () => {
        const rng = new Rng(3);
        const config: LossConfig = { ...c.config, reduction };
        const input = c.input(rng);
        const target = c.target(rng);
        const { grad } = computeLoss(config, input, target);
        const f = (p: Matrix) => computeLoss(config, p, target).value;
        expectGradient(grad, numericGradient(f, input));
      });
    }
  }
});
