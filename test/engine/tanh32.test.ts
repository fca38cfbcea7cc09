// tanh32 rounds to the same float32 as Math.tanh; the full check over all 2^32 bit patterns
// takes a minute, this one samples every 4099th.
import { describe, expect, it } from 'vitest';
import { tanh32 } from '../../src/engine/kernels/tanh';

describe('tanh32', () => {
  it('rounds to Math.tanh’s float32 on a sample of every float32 bit pattern', () => {
    const f = new Float32Array(1);
    const bits = new Uint32Array(f.buffer);
    let differ = 0;
    for (let b = 0; b < 2 ** 32; b += 4099) {
      bits[0] = b;
      const x = f[0];
      const got = Math.fround(tanh32(x));
      if (!Object.is(got, Math.fround(Math.tanh(x)))) differ += 1;
    }
    expect(differ).toBe(0);
  });

  it('keeps signed zeros, rounds to ±1 in float32 far out and passes NaN through', () => {
    expect(Object.is(tanh32(-0), -0)).toBe(true);
    expect(Math.fround(tanh32(Infinity))).toBe(1);
    expect(Math.fround(tanh32(-20))).toBe(-1);
    expect(tanh32(NaN)).toBeNaN();
    expect(Math.fround(tanh32(0.0625))).toBe(Math.fround(Math.tanh(0.0625)));
    expect(Math.fround(tanh32(-9.4))).toBe(Math.fround(Math.tanh(-9.4)));
  });
});
