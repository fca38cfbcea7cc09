// The page's input rules against the engine's run-file schema, and the checks of typed text.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/engine/config';
import { RunConfigSchema } from '../../src/engine/runfile/schema';
import { DEFAULT_RUN } from '../../src/engine/templates';
import { runFileName } from '../../src/webview/save-prompt';
import {
  checkNumber,
  checkWeights,
  describeRule,
  RULES,
  type NumberRule,
} from '../../src/webview/validation';

/** Where each rule's value goes in a run configuration. */
const PLACES: Record<keyof typeof RULES, (c: RunConfig, v: number) => void> = {
  samples: (c, v) => (c.dataset.samples = v),
  noise: (c, v) => (c.dataset.noise = v),
  testFraction: (c, v) => (c.dataset.testFraction = v),
  seed: (c, v) => (c.seed = v),
  classes: (c, v) => (c.dataset = { ...c.dataset, name: 'spiral', classes: v }),
  labels: (c, v) => (c.dataset = { ...c.dataset, name: 'multilabel', labels: v }),
  units: (c, v) => (c.model.hidden[0].units = v),
  negativeSlope: (c, v) => (c.model.negativeSlope = v),
  ignoreIndex: (c, v) => (c.loss.ignoreIndex = v),
  labelSmoothing: (c, v) => (c.loss.labelSmoothing = v),
  lr: (c, v) => (c.optimizer.lr = v),
  momentum: (c, v) => (c.optimizer.momentum = v),
  beta: (c, v) => (c.optimizer.betas = [v, 0.999]),
  weightDecay: (c, v) => (c.optimizer.weightDecay = v),
  epochs: (c, v) => (c.training.epochs = v),
  batchSize: (c, v) => (c.training.batchSize = v),
};

/** Values on and around every bound of `rule`, and a fraction. */
function probes(rule: NumberRule): number[] {
  const bounds = [rule.min, rule.max, rule.above, rule.below, 0].filter(
    (b): b is number => b !== undefined,
  );
  return bounds.flatMap((b) => [b - 1, b - 0.01, b, b + 0.01, b + 1, b + 0.5]);
}

describe('input rules', () => {
  it('accept exactly what the engine schema accepts, value by value', () => {
    for (const [key, rule] of Object.entries(RULES) as [
      keyof typeof RULES,
      NumberRule,
    ][]) {
      for (const value of probes(rule)) {
        const config = structuredClone(DEFAULT_RUN);
        PLACES[key](config, value);
        const schema = RunConfigSchema.safeParse(config).success;
        const page = checkNumber(String(value), rule).ok;
        expect({ key, value, page }).toEqual({ key, value, page: schema });
      }
    }
  });

  it('never change what was typed: refused text gives a message naming the range', () => {
    expect(checkNumber('-5', RULES.samples)).toEqual({
      ok: false,
      message: 'Enter a whole number from 1 to 100000.',
    });
    expect(checkNumber('2.5', RULES.units).ok).toBe(false);
    expect(checkNumber('0', RULES.epochs).ok).toBe(false);
    expect(checkNumber('', RULES.batchSize).ok).toBe(false);
    expect(checkNumber('7', RULES.batchSize, true).ok).toBe(false);
    expect(checkNumber(' 8 ', RULES.batchSize)).toEqual({ ok: true, value: 8 });
    expect(describeRule(RULES.lr)).toBe('a number > 0');
    expect(describeRule(RULES.testFraction)).toBe('a number ≥ 0 and < 1');
    expect(describeRule(RULES.seed)).toBe('a whole number');
  });

  it('checks weight lists: numbers >= 0, blank for none', () => {
    expect(checkWeights(' 1, 2.5 ,3 ')).toEqual({ ok: true, value: [1, 2.5, 3] });
    expect(checkWeights('  ')).toEqual({ ok: true, value: undefined });
    expect(checkWeights('-1').ok).toBe(false);
    expect(checkWeights('abc').ok).toBe(false);
    expect(checkWeights('1,,2').ok).toBe(false);
  });
});

describe('save prompt', () => {
  it('adds the run-file suffix and refuses a blank name', () => {
    expect(runFileName(' spiral ')).toBe('spiral.logitlab.json');
    expect(runFileName('a.logitlab.json')).toBe('a.logitlab.json');
    expect(runFileName('x/y')).toBe('x-y.logitlab.json');
    expect(runFileName('  ')).toBeUndefined();
  });
});
