/** The probability inspector: one point's features, logits, probabilities, rule and loss. */
import type { DatasetView } from '../protocol/state';
import { formatValue } from './charts';
import { el } from './dom';
import type { InspectedPoint } from './state';
import { classColor, type Theme } from './theme';

/** A panel that explains the model's output for one point. */
export class Inspector {
  readonly element = el('div', {
    className: 'inspector',
    testId: 'inspector',
    attrs: { 'aria-live': 'polite' },
  });

  /** Builds an empty inspector with a hint. */
  constructor() {
    this.clear();
  }

  /** Shows the hint that says how to inspect a point. */
  clear(): void {
    this.element.replaceChildren(
      el('p', {
        className: 'hint',
        text: 'Hover or click a point on the heatmap (or focus it and use the arrow keys) to see its logits, probabilities and loss.',
      }),
    );
  }

  /** Shows `point` of `dataset`, with class colours from `theme`. */
  show(point: InspectedPoint, dataset: DatasetView, theme: Theme): void {
    const r = point.result;
    const names = outputNames(dataset, r.probs.length);
    const heading = `${point.split === 'train' ? 'Training' : 'Test'} point ${point.index}`;
    const correct = JSON.stringify(r.prediction) === JSON.stringify(r.target);
    this.element.replaceChildren(
      el('h3', { text: heading }),
      el('dl', { className: 'contract' }, [
        ...term('features', features(dataset.features, r.features)),
        ...term('target', describe(r.target, dataset)),
        ...term(
          'prediction',
          `${describe(r.prediction, dataset)} ${correct ? '✓' : '✗'}`,
        ),
        ...term('rule', r.rule),
        ...term('loss', formatValue(r.loss)),
      ]),
      outputTable(names, r.logits, r.output, r.probs, theme),
    );
  }
}

/** The names of the output units: one per class, `p(class 1)` for one unit. */
function outputNames(dataset: DatasetView, outputs: number): string[] {
  if (outputs === 1) return [dataset.classNames[1] ?? 'class 1'];
  return Array.from({ length: outputs }, (_, k) => dataset.classNames[k] ?? `unit ${k}`);
}

/** A target or prediction in words: a class name, or the labels that are on. */
function describe(value: number | number[], dataset: DatasetView): string {
  if (typeof value === 'number') return dataset.classNames[value] ?? String(value);
  const on = value.flatMap((v, k) =>
    v === 1 ? [dataset.classNames[k] ?? `label ${k}`] : [],
  );
  return on.length > 0 ? on.join(', ') : 'no label';
}

function features(names: string[], values: number[]): string {
  return values.map((v, i) => `${names[i] ?? i} = ${formatValue(v)}`).join(', ');
}

/** A table of logits, head outputs and probabilities per unit, with a bar per probability. */
function outputTable(
  names: string[],
  logits: number[],
  output: number[],
  probs: number[],
  theme: Theme,
): HTMLTableElement {
  // Without a head the head's output is the logits: the column would repeat them.
  const hasHead = output.some((v, k) => v !== logits[k]);
  const titles = [
    'unit',
    'logit',
    ...(hasHead ? ['head output'] : []),
    'probability',
    '',
  ];
  const rows = names.map((name, k) => {
    const bar = el('span', { className: 'bar' });
    bar.style.width = `${Math.round(100 * Math.max(0, Math.min(1, probs[k])))}%`;
    bar.style.backgroundColor = classColor(theme, names.length === 1 ? 1 : k);
    const values = [logits[k], ...(hasHead ? [output[k]] : []), probs[k]];
    return el('tr', {}, [
      el('th', { text: name, attrs: { scope: 'row' } }),
      ...values.map((v) => el('td', { text: formatValue(v) })),
      el('td', { className: 'bar-cell' }, [bar]),
    ]);
  });
  return el('table', { className: 'numbers' }, [
    el('thead', {}, [el('tr', {}, titles.map(header))]),
    el('tbody', {}, rows),
  ]);
}

function header(text: string): HTMLElement {
  return el('th', { text, attrs: { scope: 'col' } });
}

function term(name: string, value: string): HTMLElement[] {
  return [el('dt', { text: name }), el('dd', { text: value })];
}
