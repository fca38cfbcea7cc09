/**
 * Line charts of the loss and accuracy per epoch (Chart.js, registering only the parts used),
 * updated in place as epochs arrive.
 */
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Tooltip,
  Legend,
  type ChartConfiguration,
  type ChartDataset,
  type Scale,
  type ScaleOptions,
} from 'chart.js';
import type { EpochMetrics } from '../protocol/state';
import { decadeRange, logTickLabel } from './log-ticks';
import type { Theme } from './theme';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Tooltip,
  Legend,
);

/** Which metric a chart shows: loss (train and test) or accuracy (train and test). */
export type Metric = 'loss' | 'accuracy';

/** A line chart of one metric over epochs, for the train and test splits. */
export class MetricChart {
  private readonly _chart: Chart<'line', { x: number; y: number }[]>;
  private _shown = 0;
  private _log = false;

  /** Creates the chart of `metric` on `canvas`, coloured by `theme`. */
  constructor(
    private readonly _canvas: HTMLCanvasElement,
    readonly metric: Metric,
    theme: Theme,
  ) {
    this._chart = new Chart(_canvas, chartConfig(metric, theme));
  }

  /** Shows `history`, appending only the epochs not yet shown when it grew. */
  setHistory(history: readonly EpochMetrics[]): void {
    const [train, test] = this._chart.data.datasets;
    if (history.length < this._shown) {
      train.data.length = 0;
      test.data.length = 0;
      this._shown = 0;
    }
    for (let i = this._shown; i < history.length; i++) {
      const m = history[i];
      train.data.push({ x: m.epoch, y: this._value(m, 'train') });
      test.data.push({ x: m.epoch, y: this._value(m, 'test') });
    }
    this._shown = history.length;
    this._canvas.dataset.points = String(history.length);
    this._chart.update('none');
  }

  /** Switches the value axis between linear and logarithmic (whole decades, labelled). */
  setLogScale(log: boolean): void {
    this._log = log;
    setScaleType(this._chart.config.options?.scales?.y, log);
    this._chart.update('none');
  }

  /** Recolours the chart for `theme`, keeping the value axis's scale. */
  setTheme(theme: Theme): void {
    const fresh = chartConfig(this.metric, theme);
    this._chart.options = fresh.options ?? {};
    this.setLogScale(this._log);
    this._chart.data.datasets.forEach((dataset, i) => {
      const colours = fresh.data.datasets[i];
      dataset.borderColor = colours.borderColor;
      dataset.backgroundColor = colours.backgroundColor;
    });
    this._chart.update('none');
  }

  /** Number of epochs drawn. */
  get points(): number {
    return this._shown;
  }

  /** Frees the canvas. */
  dispose(): void {
    this._chart.destroy();
  }

  private _value(m: EpochMetrics, split: 'train' | 'test'): number {
    if (this.metric === 'loss') return split === 'train' ? m.trainLoss : m.testLoss;
    return split === 'train' ? m.trainAccuracy : m.testAccuracy;
  }
}

/** The full configuration of a metric chart, coloured for `theme`. */
function chartConfig(
  metric: Metric,
  theme: Theme,
): ChartConfiguration<'line', { x: number; y: number }[]> {
  const title = metric === 'loss' ? 'loss' : 'accuracy';
  return {
    type: 'line',
    data: {
      datasets: [
        line(`train ${title}`, theme.classes[0], []),
        line(`test ${title}`, theme.classes[1], [5, 4]),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { labels: { color: theme.foreground, boxHeight: 2 } },
        tooltip: {
          callbacks: {
            title: (items) => `epoch ${items[0]?.parsed.x ?? ''}`,
            label: (item) =>
              `${item.dataset.label}: ${formatValue(item.parsed.y ?? NaN)}`,
          },
        },
      },
      scales: {
        x: axis('epoch', theme),
        y: axis(title, theme, metric === 'accuracy' ? { min: 0, max: 1 } : undefined),
      },
    },
  };
}

/** One line of the chart. */
function line(
  label: string,
  colour: string,
  dash: number[],
): ChartDataset<'line', { x: number; y: number }[]> {
  return {
    label,
    data: [],
    borderColor: colour,
    backgroundColor: colour,
    borderDash: dash,
    borderWidth: 2,
    pointRadius: 0,
    pointHitRadius: 6,
    tension: 0,
  };
}

/** A linear axis titled `title`, with optional fixed bounds. */
function axis(title: string, theme: Theme, bounds?: { min: number; max: number }) {
  return {
    type: 'linear' as const,
    ...bounds,
    title: { display: true, text: title, color: theme.muted },
    ticks: { color: theme.muted, maxTicksLimit: 6 },
    grid: { color: theme.grid },
    border: { color: theme.border },
  };
}

/** Makes the value axis `y` (the chart's own options, not the resolved ones) log or linear. */
function setScaleType(y: ScaleOptions | undefined, log: boolean): void {
  if (!y) return;
  Object.assign(y, {
    type: log ? 'logarithmic' : 'linear',
    afterDataLimits: log ? widenToDecades : undefined,
  });
  y.ticks = { ...y.ticks, callback: log ? logTick : undefined, autoSkip: !log };
}

/** Widens a logarithmic axis to the powers of ten around its data. */
function widenToDecades(scale: Scale): void {
  [scale.min, scale.max] = decadeRange(scale.min, scale.max);
}

/** Labels only (some) powers of ten on a logarithmic axis. */
function logTick(this: Scale, value: number | string): string {
  return logTickLabel(Number(value), this.min, this.max);
}

/** A loss or accuracy with four significant digits, in exponent form when tiny. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(3);
  return value.toPrecision(4);
}
