// The conformance runner (what `logit-lab conformance` runs) over every PyTorch reference case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReferenceFile } from '../../src/engine/conformance';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8'));

describe('conformance runner', () => {
  for (const [file, count] of [
    ['losses.json', 82],
    ['heads.json', 20],
    ['training.json', 16],
  ] as const) {
    it(`passes all ${count} cases of ${file}`, () => {
      const outcomes = runReferenceFile(read(file));
      expect(outcomes).toHaveLength(count);
      expect(outcomes.filter((o) => o.failures.length > 0)).toEqual([]);
    });
  }

  it('passes the extra optimizer runs (RMSprop, AMSGrad, dampening) in both dtypes', () => {
    const file = new URL('../reference/optimizers.json', import.meta.url);
    const outcomes = runReferenceFile(JSON.parse(readFileSync(file, 'utf8')));
    expect(outcomes).toHaveLength(10);
    expect(outcomes.filter((o) => o.failures.length > 0)).toEqual([]);
  });

  it('reports a wrong expected value with the expected and actual numbers', () => {
    const file = read('losses.json');
    const c = structuredClone(file.cases[0]);
    c.expected.value = 123;
    const [outcome] = runReferenceFile({ cases: [c] });
    expect(outcome.failures[0]).toMatch(/^value\[0\]: expected 123, got 0\.646/);
  });

  it('reports a case it cannot recognise instead of passing it', () => {
    const [outcome] = runReferenceFile({ cases: [{ id: 'x' }] });
    expect(outcome.failures).toHaveLength(1);
  });
});
