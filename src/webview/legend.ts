/**
 * The colour key of the scatter preview and the heatmap: which colour is which class, or for
 * multi-label data which label (grey: no label on, or the shaded label off).
 */
import type { DatasetView } from '../protocol/state';
import { el } from './dom';
import type { ShadeMode } from './heatmap';
import { classColor, type Theme } from './theme';

/** One key entry: a name and its colour class (-1: the muted grey). */
export interface LegendEntry {
  name: string;
  colour: number;
}

/**
 * The entries for `dataset` with the points coloured as `shade` asks (see `colourClass`):
 * one per class; for multi-label data one per label and "no label", or the shaded label on/off.
 */
export function legendEntries(dataset: DatasetView, shade: ShadeMode): LegendEntry[] {
  const names = dataset.classNames;
  if (dataset.task !== 'multilabel') return names.map((name, k) => ({ name, colour: k }));
  if (shade !== 'winner') {
    const name = names[shade] ?? `label ${shade}`;
    return [
      { name: `${name} on`, colour: shade },
      { name: `${name} off`, colour: -1 },
    ];
  }
  return [
    ...names.map((name, k) => ({ name, colour: k })),
    { name: 'no label', colour: -1 },
  ];
}

/** A list of colour swatches with names, redrawn for each dataset, shading and theme. */
export class Legend {
  readonly element = el('ul', {
    className: 'legend',
    attrs: { 'aria-label': 'Colours' },
  });
  private _entries: LegendEntry[] = [];

  /** Builds an empty key; `testId` names it for tests. */
  constructor(testId: string) {
    this.element.dataset.testid = testId;
  }

  /** Shows `entries` coloured by `theme`. */
  show(entries: LegendEntry[], theme: Theme): void {
    this._entries = entries;
    this.element.replaceChildren(
      ...entries.map((entry) => {
        const swatch = el('span', {
          className: 'swatch',
          attrs: { 'aria-hidden': 'true' },
        });
        swatch.style.backgroundColor =
          entry.colour < 0 ? theme.muted : classColor(theme, entry.colour);
        return el('li', {}, [swatch, document.createTextNode(entry.name)]);
      }),
    );
  }

  /** Recolours the same entries for `theme`. */
  retheme(theme: Theme): void {
    this.show(this._entries, theme);
  }
}
