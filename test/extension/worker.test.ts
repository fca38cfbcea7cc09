import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkerEvent } from '../../src/protocol/worker';
import { startNodeWorker } from '../../src/extension/workerPort';
import { DEFAULT_VIEW } from '../../src/runner/session';
import { longRun, sleep, until } from './helpers';
import { buildWorker } from './workerBuild';

let script: string;

beforeAll(async () => {
  script = join(await buildWorker(), 'dist', 'worker.js');
});

/** A real worker thread on the default run, with its events collected. */
function start(updatesPerSecond = 30) {
  const events: WorkerEvent[] = [];
  const exits: string[] = [];
  const port = startNodeWorker(
    script,
    (e) => events.push(e),
    (r) => exits.push(r),
  );
  const config = longRun();
  port.post({ type: 'init', runId: 1, config, view: DEFAULT_VIEW, updatesPerSecond });
  return { port, events, exits };
}

describe('the worker thread', () => {
  it.each(['pause', 'cancel'] as const)(
    'takes %s within 100 ms while training',
    async (type) => {
      const { port, events } = start();
      port.post({ type: 'train' });
      await until(() => events.filter((e) => e.type === 'progress').length >= 3);
      const sent = performance.now();
      port.post({ type });
      await until(() =>
        events.some((e) => e.type === 'status' && e.status !== 'running'),
      );
      expect(performance.now() - sent).toBeLessThan(100);
      port.terminate();
    },
  );

  it('sends at most updatesPerSecond progress messages a second', async () => {
    const { port, events } = start(10);
    await until(() => events.some((e) => e.type === 'prepared'));
    port.post({ type: 'train' });
    await sleep(1000);
    port.post({ type: 'pause' });
    await until(() => events.some((e) => e.type === 'status' && e.status === 'paused'));
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.length).toBeLessThanOrEqual(12);
    port.terminate();
  });

  it('survives a malformed request, answering with an error', async () => {
    const { port, events, exits } = start();
    port.post({ type: 'inspect', requestId: 7, split: 'test', index: 10_000 });
    await until(() => events.some((e) => e.type === 'error'));
    expect(events.find((e) => e.type === 'error')).toMatchObject({ requestId: 7 });
    expect(exits).toEqual([]);
    port.terminate();
  });

  it('reports a worker that dies on its own, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logit-lab-dying-'));
    const dying = join(dir, 'worker.js');
    writeFileSync(dying, "setTimeout(() => { throw new Error('out of memory'); }, 10);");
    const exits: string[] = [];
    startNodeWorker(
      dying,
      () => undefined,
      (reason) => exits.push(reason),
    );
    await until(() => exits.length > 0);
    await sleep(50);
    expect(exits).toEqual(['out of memory']);
  });
});
