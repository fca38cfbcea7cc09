// Float32 runs round every stored value as PyTorch's float32 does, so saturation shows alike.
import { describe, expect, it } from 'vitest';
import { headForward } from '../../src/engine/heads';
import { computeLoss } from '../../src/engine/losses';
import { fromColumn, zeros } from '../../src/engine/tensor';

describe('float32 saturation', () => {
  it('sigmoid(17) is exactly 1 in float32 and not in float64', () => {
    for (const [dtype, one] of [
      ['float32', true],
      ['float64', false],
    ] as const) {
      const out = zeros(1, 1, dtype);
      headForward('sigmoid', fromColumn([17], dtype), out);
      expect(out.data[0] === 1, dtype).toBe(one);
    }
  });

  it('BCELoss on a saturated float32 sigmoid hits the -100 clamp; BCEWithLogitsLoss does not', () => {
    const probs = zeros(1, 1, 'float32');
    headForward('sigmoid', fromColumn([17], 'float32'), probs);
    const target = { kind: 'float' as const, values: fromColumn([0], 'float32') };
    expect(computeLoss({ name: 'BCELoss', reduction: 'mean' }, probs, target).value).toBe(
      100,
    );
    const logits = fromColumn([17], 'float32');
    const stable = computeLoss(
      { name: 'BCEWithLogitsLoss', reduction: 'mean' },
      logits,
      target,
    );
    expect(stable.value).toBeCloseTo(17, 5);
  });
});
