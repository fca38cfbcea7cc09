/** Cell 5, results: loss and accuracy curves, decision heatmap, inspector, confusion, histogram. */
import type { RunState } from '../../protocol/state';
import { formatValue, MetricChart } from '../charts';
import { renderConfusion } from '../confusion';
import { checkbox, checkboxOf, el, field, select } from '../dom';
import { atMostEvery, perFrame } from '../frame';
import { HeatmapView, UNTRAINED } from '../heatmap-view';
import { Histogram } from '../histogram';
import { histogramData } from '../histogram-data';
import type { Change, PageState } from '../state';
import { Cell, touches, type CellContext } from './cell';

/** Shortest time between two redraws of the confusion matrix and histogram, in ms. */
const PICTURE_MS = 250;

/** The results cell. */
export class ResultsCell extends Cell {
  private readonly _final = el('p', { className: 'summary', testId: 'final-loss' });
  private readonly _logScale = checkbox('Log scale', false, 'log-scale');
  private readonly _loss: MetricChart;
  private readonly _accuracy: MetricChart;
  private readonly _heatmap: HeatmapView;
  private readonly _split = select(
    [
      { value: 'test', label: 'Test split' },
      { value: 'train', label: 'Training split' },
    ],
    'test',
    'confusion-split',
  );
  private readonly _confusion = el('table', {
    className: 'confusion',
    testId: 'confusion',
  });
  private readonly _histogram: Histogram;
  private readonly _confusionEpoch = caption('confusion-epoch');
  private readonly _histogramEpoch = caption('histogram-epoch');
  private readonly _drawCurves = perFrame(() => this._showCurves());
  private readonly _drawPictures = atMostEvery(PICTURE_MS, () => this._showPictures());

  /** Builds the results cell as cell `index`. */
  constructor(index: number, context: CellContext) {
    super(index, 'Results', context);
    const theme = context.theme();
    const lossCanvas = chartCanvas('loss-chart', 'Train and test loss per epoch');
    const accuracyCanvas = chartCanvas(
      'accuracy-chart',
      'Train and test accuracy per epoch',
    );
    const histogramCanvas = chartCanvas(
      'histogram',
      'Histogram of predicted probabilities',
    );
    this._heatmap = new HeatmapView(context, () => this._drawPictures());
    this.inputs.append(
      el('p', { className: 'hint', text: 'Updated live while training.' }),
    );
    this.output.append(
      this._final,
      el('div', { className: 'grid-2' }, [
        panel('Loss', [this._logScale], lossCanvas),
        panel('Accuracy', [], accuracyCanvas),
      ]),
      this._heatmap.element,
      el('div', { className: 'grid-2' }, [
        panel(
          'Confusion matrix',
          [this._confusionEpoch, field('Split', this._split)],
          this._confusion,
        ),
        panel('Predicted probabilities', [this._histogramEpoch], histogramCanvas),
      ]),
    );
    this._loss = new MetricChart(lossCanvas, 'loss', theme);
    this._accuracy = new MetricChart(accuracyCanvas, 'accuracy', theme);
    this._histogram = new Histogram(histogramCanvas, theme);
    checkboxOf(this._logScale).addEventListener('change', () =>
      this._loss.setLogScale(checkboxOf(this._logScale).checked),
    );
    this._split.addEventListener('change', () => this._drawPictures());
    context.remember(checkboxOf(this._logScale), 'logScale');
    context.remember(this._split, 'confusionSplit');
  }

  /** Schedules redraws of what changed. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    if (touches(changes, 'history')) this._drawCurves();
    if (touches(changes, 'snapshot', 'view')) this._drawPictures();
    this._heatmap.render(state, changes);
  }

  /** Recolours charts, heatmap and tables. */
  override retheme(): void {
    const theme = this.context.theme();
    this._loss.setTheme(theme);
    this._accuracy.setTheme(theme);
    this._histogram.setTheme(theme);
    this._heatmap.retheme();
    this._showPictures();
  }

  /** Number of epochs on the loss chart (for tests and the benchmark). */
  get chartPoints(): number {
    return this._loss.points;
  }

  private _showCurves(): void {
    const run = this.context.store.state.run;
    if (!run) return;
    this._loss.setHistory(run.history);
    this._accuracy.setHistory(run.history);
    this._final.textContent = finalText(run);
  }

  private _showPictures(): void {
    const run = this.context.store.state.run;
    if (!run?.snapshot || !run.dataset) return;
    const split = this._split.value as 'train' | 'test';
    const theme = this.context.theme();
    const names =
      run.dataset.task === 'multilabel' ? ['off', 'on'] : run.dataset.classNames;
    renderConfusion(this._confusion, run.snapshot.confusion[split], names, theme);
    this._histogram.show(histogramData(run, split, this._heatmap.shade), theme);
    const label = run.snapshot.epoch === 0 ? UNTRAINED : '';
    this._confusionEpoch.textContent = label;
    this._histogramEpoch.textContent = label;
  }
}

/** The last epoch's losses and accuracies in words. */
function finalText(run: RunState): string {
  const last = run.history[run.history.length - 1];
  if (!last) return 'Not trained yet: run the Train cell.';
  const percent = (a: number) =>
    Number.isFinite(a) ? `${(100 * a).toFixed(1)}%` : 'n/a';
  return (
    `Epoch ${last.epoch}: train loss ${formatValue(last.trainLoss)}, ` +
    `test loss ${formatValue(last.testLoss)}; accuracy ${percent(last.trainAccuracy)} train, ` +
    `${percent(last.testAccuracy)} test.`
  );
}

/** A small caption beside a panel's title, e.g. which model a picture shows. */
function caption(testId: string): HTMLElement {
  return el('span', { className: 'caption', testId });
}

/** A canvas for a chart, labelled for screen readers. */
function chartCanvas(testId: string, label: string): HTMLCanvasElement {
  return el('canvas', { testId, attrs: { role: 'img', 'aria-label': label } });
}

/** A titled panel with controls above its content. */
function panel(
  title: string,
  controls: HTMLElement[],
  content: HTMLElement,
): HTMLElement {
  const box = el('div', { className: 'chart-box' }, [content]);
  return el('div', { className: 'panel' }, [
    el('div', { className: 'panel-head' }, [el('h3', { text: title }), ...controls]),
    box,
  ]);
}
