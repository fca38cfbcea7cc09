// The trainer: determinism, reset and reseed, stopping rules, metrics, and run files.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/engine/config';
import { confusionMatrix, predictions, probabilities } from '../../src/engine/inference';
import { inspectPoint } from '../../src/engine/inspect';
import { probabilityGrid } from '../../src/engine/grid';
import { parseRunFile, stringifyRunFile, toRunFile } from '../../src/engine/runfile';
import { trainerFromRunFile } from '../../src/engine/runfile/restore';
import { DEFAULT_RUN, TEMPLATES } from '../../src/engine/templates';
import { Trainer } from '../../src/engine/trainer';

/** The default run with some fields replaced. */
function config(patch: Partial<RunConfig> = {}, epochs = 5): RunConfig {
  const c = structuredClone({ ...DEFAULT_RUN, ...patch });
  c.training.epochs = epochs;
  return c;
}

describe('Trainer', () => {
  it('gives a bit-identical run for the same seed and configuration, in both dtypes', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = new Trainer(config({ dtype }));
      const b = new Trainer(config({ dtype }));
      a.run();
      b.run();
      expect(a.model.weights()).toEqual(b.model.weights());
      expect(a.history.map((h) => h.trainLoss)).toEqual(
        b.history.map((h) => h.trainLoss),
      );
    }
  });

  it('differs with another seed', () => {
    const a = new Trainer(config({ seed: 1 }));
    const b = new Trainer(config({ seed: 2 }));
    expect(a.model.weights()).not.toEqual(b.model.weights());
  });

  it('resets to the same initial weights and retrains identically', () => {
    const t = new Trainer(config());
    const initial = t.model.weights();
    t.run();
    const trained = t.model.weights();
    t.reset();
    expect(t.model.weights()).toEqual(initial);
    expect(t.history).toEqual([]);
    t.run();
    expect(t.model.weights()).toEqual(trained);
  });

  it('reseeds to new initial weights, keeping the data', () => {
    const t = new Trainer(config());
    const before = t.model.weights();
    const data = Array.from(t.dataset.train.x.data);
    t.reseed(99);
    expect(t.model.weights()).not.toEqual(before);
    expect(Array.from(t.dataset.train.x.data)).toEqual(data);
    expect(t.config.seed).toBe(99);
  });

  it('records one metrics entry per epoch and stops after the configured epochs', () => {
    const t = new Trainer(config({}, 7));
    const stop = t.run();
    expect(stop.reason).toBe('completed');
    expect(t.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const perEpoch = Math.ceil(t.dataset.train.x.rows / t.config.training.batchSize);
    expect(t.history.at(-1)!.steps).toBe(7 * perEpoch);
    expect(t.history.at(-1)!.trainLoss).toBeLessThan(t.history[0].trainLoss);
  });

  it('stops at the target loss, saying so', () => {
    const c = config({}, 500);
    c.training.targetLoss = 0.2;
    const t = new Trainer(c);
    const stop = t.run();
    expect(stop.reason).toBe('target_loss');
    expect(t.history.at(-1)!.trainLoss).toBeLessThanOrEqual(0.2);
    expect(stop.message).toMatch(/target loss 0.2/);
  });

  it('stops a diverging run at the first non-finite loss and says what to do', () => {
    const c = config({ model: { ...DEFAULT_RUN.model, head: 'sigmoid' } }, 50);
    c.loss = { name: 'MSELoss', reduction: 'mean' };
    c.optimizer = { name: 'SGD', lr: 1e30 };
    const t = new Trainer(c);
    const stop = t.run();
    expect(stop.reason).toBe('diverged');
    expect(stop.message).toMatch(/Lower the learning rate/);
  });

  it('cancels and does nothing more until reset', () => {
    const t = new Trainer(config());
    t.step();
    t.cancel();
    expect(t.step().loss).toBeNaN();
    expect(t.stopped!.reason).toBe('cancelled');
    t.reset();
    expect(Number.isFinite(t.step().loss)).toBe(true);
  });

  it('refuses a model whose outputs do not fit the data', () => {
    const c = config();
    c.model.outputs = 3;
    expect(() => new Trainer(c)).toThrow(/needs 1 or 2 output/);
  });

  it('trains every template without an error', () => {
    for (const t of TEMPLATES) {
      const c = structuredClone(t.config);
      c.training.epochs = 2;
      expect(new Trainer(c).run().reason, t.id).toBe('completed');
    }
  });
});

describe('inference', () => {
  const t = new Trainer(config({}, 30));
  t.run();

  it('reads one logit through a sigmoid and thresholds it at 0.5 (logit > 0)', () => {
    const p = inspectPoint(t, 'train', 0);
    expect(p.probs[0]).toBeCloseTo(1 / (1 + Math.exp(-p.logits[0])), 6);
    expect(p.prediction).toBe(p.logits[0] > 0 ? 1 : 0);
    expect(p.rule).toMatch(/logit > 0/);
    const bce = -(p.target ? Math.log(p.probs[0]) : Math.log(1 - p.probs[0]));
    expect(p.loss).toBeCloseTo(bce, 4);
  });

  it('uses a chosen threshold for binary predictions', () => {
    const c = config({}, 30);
    c.model.threshold = 0.9;
    const strict = new Trainer(c);
    strict.restore(t.model.weights(), []);
    const p = inspectPoint(strict, 'train', 0);
    expect(p.rule).toBe('positive when probability > 0.9');
    expect(p.prediction).toBe(p.probs[0] > 0.9 ? 1 : 0);
  });

  it('draws a probability grid over the input plane with values in [0, 1]', () => {
    const g = probabilityGrid(t, 20, [0, 1]);
    expect(g.probs).toHaveLength(400);
    expect(Math.min(...g.probs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...g.probs)).toBeLessThanOrEqual(1);
    expect(g.xMin).toBeLessThan(g.xMax);
  });

  it('counts a confusion matrix that sums to the split size and agrees with accuracy', () => {
    const { x, y } = t.dataset.test;
    const pred = predictions(probabilities(t.model.forward(x), t.reading), t.reading);
    const m = confusionMatrix(pred, y, 2);
    expect(m.flat().reduce((a, b) => a + b)).toBe(x.rows);
    expect((m[0][0] + m[1][1]) / x.rows).toBeCloseTo(t.history.at(-1)!.testAccuracy, 12);
  });

  it('reads softmax outputs with argmax for multiclass data', () => {
    const tm = new Trainer({
      ...structuredClone(TEMPLATES[3].config),
      training: { epochs: 1, batchSize: 32, shuffle: true },
    });
    const p = inspectPoint(tm, 'test', 0);
    expect(p.probs.reduce((a, b) => a + b)).toBeCloseTo(1, 6);
    expect(p.prediction).toBe(p.probs.indexOf(Math.max(...p.probs)));
    expect(p.rule).toMatch(/argmax/);
  });
});

describe('run files', () => {
  it('round-trips a trained run: same config, history and weights, without retraining', () => {
    const t = new Trainer(config());
    t.run();
    const text = stringifyRunFile(toRunFile(t));
    const reopened = trainerFromRunFile(parseRunFile(text));
    expect(reopened.model.weights()).toEqual(t.model.weights());
    expect(reopened.history).toEqual(t.history);
    expect(reopened.done).toBe(true);
    reopened.reset();
    expect(reopened.model.weights()).toEqual(t.initialWeights());
  });

  it('names the field that is wrong', () => {
    const file = JSON.parse(stringifyRunFile(toRunFile(new Trainer(config()))));
    file.model.hidden[0].units = 'sixteen';
    expect(() => parseRunFile(JSON.stringify(file))).toThrow(/model\.hidden\.0\.units/);
  });

  it('refuses newer and older format versions with a clear message', () => {
    const file = JSON.parse(stringifyRunFile(toRunFile(new Trainer(config()))));
    expect(() => parseRunFile(JSON.stringify({ ...file, formatVersion: 2 }))).toThrow(
      /newer.*update Logit Lab/,
    );
    expect(() => parseRunFile(JSON.stringify({ ...file, formatVersion: 0 }))).toThrow(
      /reads version 1/,
    );
    expect(() => parseRunFile('{"hello": 1}')).toThrow(/not a Logit Lab run file/);
    expect(() => parseRunFile('{oops')).toThrow(/not valid JSON/);
  });

  it('writes non-finite metrics as null and reads them back as NaN', () => {
    const c = config();
    c.dataset.testFraction = 0;
    const t = new Trainer(c);
    t.run();
    const text = stringifyRunFile(toRunFile(t));
    expect(text).toMatch(/"testLoss": null/);
    expect(parseRunFile(text).history[0].testLoss).toBeNaN();
  });
});
