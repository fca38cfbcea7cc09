/** One point under the microscope: its logits, probabilities, prediction and own loss. */
import { computeLoss } from './losses';
import { predictionRule, predictions, probabilities } from './inference';
import { gatherTarget } from './targets';
import { gatherRows } from './tensor';
import type { Trainer } from './trainer';

/** What the model says about one point, and why. */
export interface PointReading {
  features: number[];
  logits: number[];
  /** The head's output (equal to the logits for raw logits). */
  output: number[];
  probs: number[];
  rule: string;
  prediction: number | number[];
  target: number | number[];
  /** This point's own loss under the run's loss (reduction ignored). */
  loss: number;
}

/** Reads point `index` of a split through the current model. */
export function inspectPoint(
  trainer: Trainer,
  split: 'train' | 'test',
  index: number,
): PointReading {
  const part = trainer.dataset[split];
  if (!(index >= 0 && index < part.x.rows)) {
    throw new Error(
      `inspectPoint: the ${split} split has ${part.x.rows} points, got index ${index}`,
    );
  }
  const x = gatherRows(part.x, [index]);
  const output = trainer.model.forward(x);
  const logits = Array.from(trainer.model.lastLogits().data);
  const outputValues = Array.from(output.data);
  const probs = probabilities(output, trainer.reading);
  const pred = predictions(probs, trainer.reading);
  const target = gatherTarget(trainer.targets(split), [index]);
  const lossConfig = { ...trainer.config.loss, reduction: 'sum' as const };
  const multi = trainer.dataset.task === 'multilabel';
  const y = part.y;
  return {
    features: Array.from(x.data),
    logits,
    output: outputValues,
    probs: Array.from(probs.data),
    rule: predictionRule(trainer.reading, probs.cols),
    prediction: multi ? Array.from(pred) : pred[0],
    target: y instanceof Int32Array ? y[index] : Array.from(gatherRows(y, [index]).data),
    loss: computeLoss(lossConfig, output, target).value,
  };
}
