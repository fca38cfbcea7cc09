/** The Web Worker side of dist/web-worker.js: the training loop, off the page's thread. */
import type { WorkerRequest } from '../protocol/worker';
import { engineRuns } from '../runner/engine-run';
import { Runner } from '../runner/runner';

/** The worker's global scope, as much of it as the runner needs. */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
}

/** Runs training requests posted to this worker and posts its events back. */
export function startTrainingWorker(scope: WorkerScope): void {
  const runner = new Runner({
    factory: engineRuns,
    emit: (event) => scope.postMessage(event),
  });
  scope.onmessage = (event) => runner.handle(event.data);
}
