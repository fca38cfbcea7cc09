/** The worker_threads entry (dist/worker.js): training off the extension host's thread. */
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from '../protocol/worker';
import { engineRuns } from '../runner/engine-run';
import { Runner } from '../runner/runner';

const port = parentPort;
if (!port)
  throw new Error('worker.js: run this file as a worker_threads Worker, not directly.');

const runner = new Runner({
  factory: engineRuns,
  emit: (event) => port.postMessage(event),
});
port.on('message', (request: WorkerRequest) => runner.handle(request));
