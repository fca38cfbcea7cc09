/**
 * dist/web-worker.js has two roles. Loaded by the page as a classic script, it installs the web
 * host (`acquireVsCodeApi`) and later starts itself again as the Web Worker; running as that
 * worker (no `document`), it runs the training loop.
 */
import { installWebHost } from './host';
import { startTrainingWorker } from './trainingWorker';

declare const self: Parameters<typeof startTrainingWorker>[0];

if (typeof document === 'undefined') {
  startTrainingWorker(self);
} else {
  const script = document.currentScript as HTMLScriptElement | null;
  installWebHost(script?.src ?? '/dist/web-worker.js');
}
