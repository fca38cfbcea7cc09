/** Starts the training worker (dist/worker.js) as a worker_threads Worker for a session. */
import { Worker } from 'node:worker_threads';
import type { WorkerEvent } from '../protocol/worker';
import type { WorkerPort } from '../runner/session';

/**
 * A worker running `script`; `onExit` is called once if it stops without being terminated
 * (an uncaught error, an exit, running out of memory).
 */
export function startNodeWorker(
  script: string,
  onEvent: (event: WorkerEvent) => void,
  onExit: (reason: string) => void,
): WorkerPort {
  const worker = new Worker(script);
  let ended = false;
  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    onExit(reason);
  };
  worker.on('message', (event: WorkerEvent) => onEvent(event));
  worker.on('error', (error) => end(error.message));
  worker.on('exit', (code) => end(`exit code ${code}`));
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => {
      ended = true;
      void worker.terminate();
    },
  };
}
