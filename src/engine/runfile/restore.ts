/** Turning a saved run back into a trainer, without retraining. */
import { Trainer } from '../trainer';
import { configOf, type RunFile } from './index';

/** A trainer holding the run's configuration, initial and final weights, and history. */
export function trainerFromRunFile(run: RunFile): Trainer {
  const trainer = new Trainer(configOf(run));
  trainer.restore(run.weights.final, run.history, run.weights.initial);
  if (run.stopped) trainer.stopped = run.stopped;
  return trainer;
}
