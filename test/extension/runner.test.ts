import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../src/protocol/worker';
import { engineRuns } from '../../src/runner/engine-run';
import type { RunFactory, RunModel } from '../../src/runner/run-model';
import { Runner } from '../../src/runner/runner';
import { DEFAULT_VIEW } from '../../src/runner/session';
import { longRun, sleep, until } from './helpers';

/** A runner on the real engine whose events are collected. */
function startRunner(updatesPerSecond = 30, factory: RunFactory = engineRuns) {
  const events: WorkerEvent[] = [];
  const runner = new Runner({ factory, emit: (e) => events.push(e) });
  const config = longRun();
  runner.handle({ type: 'init', runId: 1, config, view: DEFAULT_VIEW, updatesPerSecond });
  const of = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  return { runner, events, of };
}

describe('Runner', () => {
  it('prepares the data, the model and a first snapshot on init', () => {
    const { of } = startRunner();
    const [prepared] = of('prepared');
    expect(prepared.dataset.train.x.length).toBeGreaterThan(0);
    expect(prepared.model.description).toContain('Linear');
    expect(prepared.snapshot.grid?.probs.length).toBe(40 * 40);
    expect(prepared.history).toEqual([]);
  });

  it('reports at most updatesPerSecond times a second, each epoch exactly once', async () => {
    const { runner, of } = startRunner(10);
    runner.handle({ type: 'train' });
    await sleep(1000);
    runner.handle({ type: 'pause' });
    const progress = of('progress');
    expect(progress.length).toBeLessThanOrEqual(12);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    const epochs = progress.flatMap((p) => p.epochs.map((e) => e.epoch));
    expect(epochs.length).toBeGreaterThan(10);
    expect(epochs).toEqual(epochs.map((_, i) => i + 1));
  });

  it('pauses within 100 ms: a timer due during training fires within one slice', async () => {
    const { runner, of } = startRunner();
    runner.handle({ type: 'train' });
    const due = performance.now() + 200;
    const fired = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(performance.now()), 200),
    );
    runner.handle({ type: 'pause' });
    expect(fired - due).toBeLessThan(100);
    expect(of('status').at(-1)?.status).toBe('paused');
    const count = of('progress').length;
    await sleep(100);
    expect(of('progress').length).toBe(count);
  });

  it('cancels: the run stops with the reason cancelled and keeps its epochs', async () => {
    const { runner, of } = startRunner();
    runner.handle({ type: 'train' });
    await until(() => of('progress').some((p) => p.epochs.length > 0));
    runner.handle({ type: 'cancel' });
    expect(of('status').at(-1)).toMatchObject({
      status: 'stopped',
      stop: { reason: 'cancelled' },
    });
  });

  it('steps exactly one epoch, then pauses', async () => {
    const { runner, of } = startRunner();
    runner.handle({ type: 'train', epochs: 1 });
    await until(() => of('status').at(-1)?.status === 'paused');
    expect(of('progress').flatMap((p) => p.epochs.map((e) => e.epoch))).toEqual([1]);
  });

  it('stops a run whose loss becomes NaN with a message that says what to do', async () => {
    const { runner, of } = startRunner(
      30,
      scripted(() => NaN),
    );
    runner.handle({ type: 'train' });
    await until(() => of('status').at(-1)?.status === 'stopped');
    const stop = of('status').at(-1)?.stop;
    expect(stop?.reason).toBe('diverged');
    expect(stop?.message).toMatch(/learning rate/);
  });

  it('reports an engine error as an error event instead of throwing', async () => {
    const failing = scripted(() => {
      throw new Error('BCELoss needs probabilities in [0, 1]');
    });
    const { runner, of } = startRunner(30, failing);
    runner.handle({ type: 'train' });
    await until(() => of('error').length > 0);
    expect(of('error')[0].message).toMatch(/BCELoss/);
  });

  it('refuses to train before init, with an error naming what to send', () => {
    const events: WorkerEvent[] = [];
    new Runner({ factory: engineRuns, emit: (e) => events.push(e) }).handle({
      type: 'train',
    });
    expect(events[0]).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/init/),
    });
  });
});

/** A factory whose runs take `loss()` at every step, on top of a real run's views. */
function scripted(loss: () => number): RunFactory {
  return {
    fromConfig(config) {
      const real = engineRuns.fromConfig(config);
      const run: RunModel = Object.create(real);
      run.step = () => ({ loss: loss() });
      return run;
    },
    fromRunFile: engineRuns.fromRunFile,
  };
}
