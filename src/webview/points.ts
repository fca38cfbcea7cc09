/** The dataset's points projected on the two plotted features, with a colour class each. */
import type { DatasetView } from '../protocol/state';
import type { PlotPoints, ShadeMode } from './heatmap';

/** The points of `split` on features `features`, coloured as `shade` suggests. */
export function projectPoints(
  dataset: DatasetView,
  split: 'train' | 'test',
  features: readonly [number, number],
  shade: ShadeMode = 'winner',
): PlotPoints {
  const { x, y } = dataset[split];
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(x.length);
  const labels = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    xs[i] = x[i][features[0]];
    ys[i] = x[i][features[1]];
    labels[i] = colourClass(y[i], shade);
  }
  return { xs, ys, labels };
}

/**
 * The class whose colour a point takes: its class index; for multi-label points the shaded
 * label when it is on, else the first label that is on (-1, drawn grey, when none is).
 */
export function colourClass(target: number | number[], shade: ShadeMode): number {
  if (typeof target === 'number') return target;
  if (shade !== 'winner') return target[shade] === 1 ? shade : -1;
  return target.indexOf(1);
}
