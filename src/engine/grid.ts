/** The probability picture over a plane of two input features, for decision boundaries. */
import { probabilities } from './inference';
import { zeros } from './tensor';
import type { Trainer } from './trainer';

/** Probabilities on a square grid over two features; the others are held at their means. */
export interface Grid {
  resolution: number;
  features: [number, number];
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Probability columns per cell: 1 for a single binary unit, else one per class or label. */
  classes: number;
  /** resolution² × classes values, row-major, the first row at yMax (the top of a picture). */
  probs: Float32Array;
}

/** Margin added around the training data's extent, as a fraction of its span. */
const MARGIN = 0.1;

/** The model's probabilities on a `resolution` x `resolution` grid over `features`. */
export function probabilityGrid(
  trainer: Trainer,
  resolution: number,
  features: [number, number],
): Grid {
  const { extent } = trainer.dataset;
  const [fx, fy] = features;
  const [xMin, xMax] = widen(extent.min[fx], extent.max[fx]);
  const [yMin, yMax] = widen(extent.min[fy], extent.max[fy]);
  const f = trainer.dataset.features.length;
  const means = columnMeans(trainer);
  const x = zeros(resolution * resolution, f, trainer.config.dtype);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const row = (r * resolution + c) * f;
      x.data.set(means, row);
      x.data[row + fx] = xMin + ((c + 0.5) / resolution) * (xMax - xMin);
      x.data[row + fy] = yMax - ((r + 0.5) / resolution) * (yMax - yMin);
    }
  }
  const probs = probabilities(trainer.model.forward(x), trainer.reading);
  const classes = probs.cols;
  return {
    resolution,
    features,
    xMin,
    xMax,
    yMin,
    yMax,
    classes,
    probs: Float32Array.from(probs.data),
  };
}

/** [lo, hi] widened by the margin on each side (and made non-empty). */
function widen(lo: number, hi: number): [number, number] {
  const span = hi - lo || 1;
  return [lo - MARGIN * span, hi + MARGIN * span];
}

/** The mean of every feature over the training split. */
function columnMeans(trainer: Trainer): number[] {
  const { x } = trainer.dataset.train;
  const means = Array<number>(x.cols).fill(0);
  for (let i = 0; i < x.rows; i++)
    for (let j = 0; j < x.cols; j++) means[j] += x.data[i * x.cols + j];
  return means.map((s) => s / Math.max(1, x.rows));
}
