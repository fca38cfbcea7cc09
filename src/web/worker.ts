/** The Web Worker entry (dist/web-worker.js): the training loop, off the page's thread. */
import { startTrainingWorker } from './trainingWorker';

declare const self: Parameters<typeof startTrainingWorker>[0];

startTrainingWorker(self);
