/**
 * The decision picture: the heatmap canvas with its controls (shading, test points, hard
 * boundaries) and the inspector for the point under the cursor or selected by keyboard.
 */
import type { DatasetView } from '../protocol/state';
import type { CellContext } from './cells/cell';
import { checkbox, checkboxOf, el, field, select, setChoices } from './dom';
import { perFrame } from './frame';
import { Heatmap, type PointRef, type ShadeMode } from './heatmap';
import { Inspector } from './inspector';
import { Legend, legendEntries } from './legend';
import { projectPoints } from './points';
import type { Change, PageState } from './state';

/** The heatmap panel with its controls and inspector. */
export class HeatmapView {
  readonly element: HTMLElement;
  private readonly _canvas = el('canvas', {
    className: 'plot heatmap',
    testId: 'heatmap',
    attrs: { tabindex: '0', role: 'img' },
  });
  private readonly _shade = select(
    [{ value: 'winner', label: 'Winning class' }],
    'winner',
    'shade',
  );
  private readonly _showTest = checkbox('Test points', true, 'show-test');
  private readonly _hard = checkbox('Hard boundaries', false, 'hard-boundaries');
  private readonly _axes = el('p', { className: 'hint axes', testId: 'heatmap-axes' });
  private readonly _slice = el('p', { className: 'hint', testId: 'heatmap-slice' });
  private readonly _epoch = el('span', { className: 'caption', testId: 'heatmap-epoch' });
  private readonly _legend = new Legend('heatmap-legend');
  private readonly _heatmap: Heatmap;
  private readonly _inspector = new Inspector();
  private readonly _draw = perFrame(() => this._heatmap.draw(this._context.theme()));
  private _hovered?: PointRef;
  private _requested?: string;
  private _pointsKey?: PointsKey;

  /**
   * Builds the panel; it reads the run from `context.store`. `onShade` is told when the user
   * picks another shading (the histogram follows it).
   */
  constructor(
    private readonly _context: CellContext,
    private readonly _onShade: () => void = () => {},
  ) {
    this._canvas.setAttribute(
      'aria-label',
      'Decision boundary: predicted probability over two features, with the data points. ' +
        'Focus and use the arrow keys to inspect points one by one.',
    );
    this._heatmap = new Heatmap(this._canvas, {
      shade: 'winner',
      hardBoundaries: false,
      showTest: true,
    });
    const controls = el('div', { className: 'row' }, [
      field('Shade by', this._shade),
      this._showTest,
      this._hard,
    ]);
    this.element = el('div', { className: 'grid-heatmap' }, [
      el('div', { className: 'panel' }, [
        el('div', { className: 'panel-head' }, [
          el('h3', { text: 'Decision boundary' }),
          this._epoch,
        ]),
        controls,
        this._canvas,
        this._legend.element,
        this._axes,
        this._slice,
      ]),
      el('div', { className: 'panel' }, [
        el('div', { className: 'panel-head' }, [el('h3', { text: 'Inspector' })]),
        this._inspector.element,
      ]),
    ]);
    this._listen();
  }

  /** What the heatmap shades: the winning class or one class's probability. */
  get shade(): ShadeMode {
    return this._heatmap.options.shade;
  }

  /** Updates the grid, points and inspector from what changed. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    const run = state.run;
    if (changes.has('all')) this._reset(run?.dataset);
    if (changes.has('inspection')) this._showInspection(state);
    if (!run?.dataset) return;
    if (changes.has('all') || changes.has('view') || changes.has('snapshot')) {
      this._heatmap.setGrid(run.snapshot?.grid);
      this._setPoints(run.dataset, run.snapshot?.grid?.features ?? run.view.features);
      if (changes.has('snapshot')) this._refreshInspection();
      const epoch = run.snapshot?.epoch ?? 0;
      this._canvas.dataset.epoch = String(epoch);
      this._epoch.textContent = epoch === 0 ? UNTRAINED : '';
      this._draw();
    }
  }

  /** Repaints in the current theme. */
  retheme(): void {
    this._heatmap.invalidate();
    this._legend.retheme(this._context.theme());
    this._draw();
    const state = this._context.store.state;
    if (state.inspection) this._showInspection(state);
  }

  private _listen(): void {
    this._shade.addEventListener('change', () => {
      const value = this._shade.value;
      this._setOption({ shade: value === 'winner' ? 'winner' : Number(value) });
      this._onShade();
    });
    checkboxOf(this._showTest).addEventListener('change', () =>
      this._setOption({ showTest: checkboxOf(this._showTest).checked }),
    );
    checkboxOf(this._hard).addEventListener('change', () =>
      this._setOption({ hardBoundaries: checkboxOf(this._hard).checked }),
    );
    this._canvas.addEventListener('mousemove', (e) => this._hover(e.offsetX, e.offsetY));
    this._canvas.addEventListener('mouseleave', () => this._leave());
    this._canvas.addEventListener('click', (e) => this._select(e.offsetX, e.offsetY));
    this._canvas.addEventListener('keydown', (e) => this._key(e));
    this._context.remember(checkboxOf(this._showTest), 'showTest');
    this._context.remember(checkboxOf(this._hard), 'hardBoundaries');
  }

  private _setOption(patch: Partial<Heatmap['options']>): void {
    Object.assign(this._heatmap.options, patch);
    this._heatmap.invalidate();
    const run = this._context.store.state.run;
    if (run?.dataset)
      this._setPoints(run.dataset, run.snapshot?.grid?.features ?? run.view.features);
    this._draw();
  }

  private _reset(dataset: DatasetView | undefined): void {
    const choices = [{ value: 'winner', label: 'Winning class' }];
    dataset?.classNames.forEach((name, k) =>
      choices.push({ value: String(k), label: `p(${name})` }),
    );
    setChoices(this._shade, choices, this._shade.value);
    const keep = this._shade.value;
    this._heatmap.options.shade = keep === 'winner' ? 'winner' : Number(keep);
    this._heatmap.options.selected = undefined;
    this._hovered = undefined;
    this._requested = undefined;
    this._inspector.clear();
  }

  /** Projects the points again only when the data, the features or the shading changed. */
  private _setPoints(dataset: DatasetView, features: readonly [number, number]): void {
    const shade = this._heatmap.options.shade;
    const key = { dataset, x: features[0], y: features[1], shade };
    const last = this._pointsKey;
    if (last && Object.entries(key).every(([k, v]) => last[k as keyof PointsKey] === v))
      return;
    this._pointsKey = key;
    this._axes.textContent =
      `Horizontal: ${dataset.features[features[0]]}, vertical: ` +
      `${dataset.features[features[1]]} (standardised). Circles: training points; ` +
      'squares: test points.';
    this._slice.textContent = sliceNote(dataset.features.length);
    this._slice.hidden = dataset.features.length <= 2;
    this._legend.show(legendEntries(dataset, shade), this._context.theme());
    this._heatmap.setPoints(
      projectPoints(dataset, 'train', features, shade),
      projectPoints(dataset, 'test', features, shade),
    );
  }

  private _hover(x: number, y: number): void {
    const point = this._heatmap.pointAt(x, y);
    if (!point || sameRef(point, this._hovered)) return;
    this._hovered = point;
    this._inspect(point);
  }

  private _leave(): void {
    this._hovered = undefined;
    const selected = this._heatmap.options.selected;
    if (selected) this._inspect(selected);
  }

  private _select(x: number, y: number): void {
    const point = this._heatmap.pointAt(x, y);
    this._heatmap.options.selected = point;
    if (point) this._inspect(point);
    this._draw();
  }

  private _key(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const dataset = this._context.store.state.run?.dataset;
    if (!step || !dataset) return;
    event.preventDefault();
    const current = this._heatmap.options.selected ?? { split: 'train', index: -step };
    const size = dataset[current.split].x.length;
    const index = (current.index + step + size) % size;
    this._heatmap.options.selected = { split: current.split, index };
    this._inspect(this._heatmap.options.selected);
    this._draw();
  }

  private _inspect(point: PointRef): void {
    const key = `${point.split}:${point.index}`;
    this._requested = key;
    this._context.post({ type: 'inspect', split: point.split, index: point.index });
  }

  /** Asks again for the shown point after the weights changed. */
  private _refreshInspection(): void {
    const point = this._hovered ?? this._heatmap.options.selected;
    if (point) this._inspect(point);
  }

  private _showInspection(state: PageState): void {
    const point = state.inspection;
    const dataset = state.run?.dataset;
    if (!point || !dataset || `${point.split}:${point.index}` !== this._requested) return;
    this._inspector.show(point, dataset, this._context.theme());
  }
}

/** The caption of pictures drawn before any training. */
export const UNTRAINED = 'untrained model (epoch 0)';

/** Why points of data with more than two features can sit in the "wrong" region. */
export function sliceNote(features: number): string {
  const others = features - 2;
  return (
    `A 2-D slice: the other ${others} feature${others === 1 ? ' is' : 's are'} held at ` +
    'their training means, while each point has its own values for them, so a point can ' +
    'sit in a region of another class and still be predicted right.'
  );
}

/** What the projected points depend on. */
interface PointsKey {
  dataset: DatasetView;
  x: number;
  y: number;
  shade: ShadeMode;
}

function sameRef(a: PointRef, b: PointRef | undefined): boolean {
  return !!b && a.split === b.split && a.index === b.index;
}
