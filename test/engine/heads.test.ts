import { describe, expect, it } from 'vitest';
import { activation } from '../../src/engine/activations';
import type { ActivationName, HeadName } from '../../src/engine/config';
import { headBackward, headForward } from '../../src/engine/heads';
import { zerosLike, type DType, type Matrix } from '../../src/engine/tensor';
import { expectClose, loadGolden, toMatrix, type Nested } from '../helpers/golden';

interface HeadCase {
  id: string;
  op: string;
  dim: number;
  dtype: DType;
  input: Nested;
  upstream: Nested;
  expected: { value: Nested; grad: Nested };
}

const heads: Record<string, HeadName> = {
  Sigmoid: 'sigmoid',
  Softmax: 'softmax',
  LogSoftmax: 'log_softmax',
};
const activations: Record<string, ActivationName> = {
  Sigmoid: 'sigmoid',
  ReLU: 'relu',
  Tanh: 'tanh',
};

const golden = loadGolden<HeadCase>('heads.json');

/** Runs forward then backward with the case's upstream gradient. */
function run(c: HeadCase, via: 'head' | 'activation'): { value: Matrix; grad: Matrix } {
  const x = toMatrix(c.input, c.dtype);
  const up = toMatrix(c.upstream, c.dtype);
  const y = zerosLike(x);
  const dx = zerosLike(x);
  if (via === 'head') {
    headForward(heads[c.op], x, y);
    headBackward(heads[c.op], x, y, up, dx);
  } else {
    const act = activation(activations[c.op]);
    act.forward(x, y);
    act.backward(x, y, up, dx);
  }
  return { value: y, grad: dx };
}

describe('heads and activations match PyTorch (test/golden/heads.json)', () => {
  it('has every case of the file', () => {
    expect(golden.cases.length).toBe(20);
    for (const c of golden.cases) expect(c.op in heads || c.op in activations).toBe(true);
  });

  for (const c of golden.cases) {
    for (const via of ['head', 'activation'] as const) {
      const known = via === 'head' ? c.op in heads : c.op in activations;
      if (!known) continue;
      it(`${c.id} as ${via}`, () => {
        expect(c.dim).toBe(1);
        const { value, grad } = run(c, via);
        expectClose(value, c.expected.value, c.dtype, {}, 'value');
        expectClose(grad, c.expected.grad, c.dtype, {}, 'grad');
      });
    }
  }
});

describe('heads', () => {
  it('none copies the logits and passes the gradient through', () => {
    const x = toMatrix([[1, -2, 3]], 'float64');
    const y = zerosLike(x);
    const dx = zerosLike(x);
    headForward('none', x, y);
    headBackward('none', x, y, x, dx);
    expect(Array.from(y.data)).toEqual([1, -2, 3]);
    expect(Array.from(dx.data)).toEqual([1, -2, 3]);
  });

  it('rounds sigmoid(17) to exactly 1 in float32, as PyTorch does', () => {
    const x = toMatrix([[17, -17]], 'float32');
    const y = zerosLike(x);
    headForward('sigmoid', x, y);
    expect(y.data[0]).toBe(1);
    expect(y.data[1]).toBe(Math.fround(4.139937814784389e-8));
  });

  it('gives leaky_relu its negative slope, 0.01 by default', () => {
    const x = toMatrix([[-2, 0, 3]], 'float64');
    const y = zerosLike(x);
    const dx = zerosLike(x);
    activation('leaky_relu').forward(x, y);
    expect(Array.from(y.data)).toEqual([-0.02, 0, 3]);
    activation('leaky_relu', 0.2).backward(x, y, toMatrix([[1, 1, 1]], 'float64'), dx);
    expect(Array.from(dx.data)).toEqual([0.2, 0.2, 1]);
  });
});
