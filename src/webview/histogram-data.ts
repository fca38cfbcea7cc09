/** What the probability histogram shows for a run: which probability, grouped by true class. */
import type { RunState } from '../protocol/state';
import type { ShadeMode } from './heatmap';
import { binProbabilities, type HistogramData } from './histogram';

/**
 * Binary: p(class 1) by true class. Multiclass: p(true class) by true class. Multi-label:
 * p(label) by whether the label is on, for the shaded label (label 0 when shading winners).
 */
export function histogramData(
  run: RunState,
  split: 'train' | 'test',
  shade: ShadeMode,
): HistogramData {
  const dataset = run.dataset;
  const probs = run.snapshot?.probs[split];
  if (!dataset || !probs) return { title: 'probability', groups: [] };
  const multilabel = dataset.task === 'multilabel';
  const y = dataset[split].y;
  if (multilabel) {
    const k = shade === 'winner' ? 0 : shade;
    const name = dataset.classNames[k] ?? `label ${k}`;
    const group = y.map((t) => (Array.isArray(t) ? t[k] : 0));
    const counts = binProbabilities(
      probs.map((p) => p[k]),
      group,
      2,
    );
    const other = shade === 'winner' ? ' (shade by a label to see another)' : '';
    return {
      title: `p(${name})${other}`,
      groups: [
        { name: `${name} off`, colour: -1, counts: counts[0] },
        { name: `${name} on`, colour: k, counts: counts[1] },
      ],
    };
  }
  const target = y.map((t) => (typeof t === 'number' ? t : -1));
  const binary = dataset.task === 'binary';
  const values = probs.map((p, i) => (binary ? p[p.length - 1] : (p[target[i]] ?? NaN)));
  const counts = binProbabilities(values, target, dataset.classNames.length);
  return {
    title: binary ? `p(${dataset.classNames[1] ?? 'class 1'})` : 'p(true class)',
    groups: counts.map((c, k) => ({ name: dataset.classNames[k], colour: k, counts: c })),
  };
}
