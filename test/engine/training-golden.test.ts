// Whole training runs against PyTorch: the loss at every step, the final weights and outputs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTraining, type TrainingCase } from '../../src/engine/conformance/training';

const file = new URL('../golden/training.json', import.meta.url);
const cases = JSON.parse(readFileSync(file, 'utf8')).cases as TrainingCase[];

describe('training golden cases', () => {
  it('has all 16 runs, in both dtypes', () => {
    expect(cases).toHaveLength(16);
    expect(cases.filter((c) => c.dtype === 'float32')).toHaveLength(8);
  });

  for (const c of cases) {
    it(c.id, () => expect(checkTraining(c)).toEqual([]));
  }
});
