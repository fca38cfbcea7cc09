import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/engine/runfile';
import { DEFAULT_RUN } from '../../src/engine/templates';
import { parsePageMessage } from '../../src/protocol/validate';

// zod/mini sets no locale by itself: without one every issue would read "Invalid input".
describe('schema error messages', () => {
  it.each([
    [{ dtype: 'float16' }, 'dtype: Invalid option: expected one of "float32"|"float64"'],
    [{ seed: 1.5 }, 'seed: Invalid input: expected int, received number'],
    [{ extra: 1 }, '(top level): Unrecognized key: "extra"'],
    [
      { dataset: { ...DEFAULT_RUN.dataset, samples: 0 } },
      'dataset.samples: Too small: expected number to be >0',
    ],
  ])('a run configuration with %j says what is wrong in English', (change, line) => {
    expect(() => parseRunConfig({ ...DEFAULT_RUN, ...change })).toThrow(line);
  });

  it('names the bound a page message missed', () => {
    const checked = parsePageMessage({ type: 'reseed', seed: -1 });
    expect(checked).toMatchObject({
      ok: false,
      error: expect.stringContaining('at seed: Too small: expected number to be >=0'),
    });
  });
});
