/**
 * A histogram of predicted probabilities, one stacked bar series per true class: for binary
 * data p(class 1), for multiclass p(true class), for multi-label p(label) of one label.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Legend,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { classColor, type Theme } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Number of bins over [0, 1]. */
export const BINS = 10;

/** Counts per group and bin, with the groups' names and colour classes. */
export interface HistogramData {
  /** What the probabilities are, e.g. `p(class 1)`. */
  title: string;
  /** `colour`: the class whose colour the bars take; -1 for the muted grey. */
  groups: { name: string; colour: number; counts: number[] }[];
}

/** Bins `values[i]` in [0, 1] by `group[i]` into `groups` series of BINS counts. */
export function binProbabilities(
  values: number[],
  group: number[],
  groups: number,
): number[][] {
  const counts = Array.from({ length: groups }, () => Array<number>(BINS).fill(0));
  values.forEach((p, i) => {
    if (!Number.isFinite(p) || group[i] < 0 || group[i] >= groups) return;
    counts[group[i]][Math.min(BINS - 1, Math.floor(p * BINS))] += 1;
  });
  return counts;
}

/** A stacked bar chart of probability counts per true class. */
export class Histogram {
  private readonly _chart: Chart<'bar', number[], string>;

  /** Creates the chart on `canvas`. */
  constructor(canvas: HTMLCanvasElement, theme: Theme) {
    this._chart = new Chart(canvas, histogramConfig(theme));
  }

  /** Shows `data`, coloured by `theme`. */
  show(data: HistogramData, theme: Theme): void {
    const chart = this._chart;
    chart.data.datasets = data.groups.map((g) => ({
      label: g.name,
      data: g.counts,
      backgroundColor: g.colour < 0 ? theme.muted : classColor(theme, g.colour),
      borderColor: theme.background,
      borderWidth: 1,
    }));
    const x = chart.options.scales?.x;
    if (x?.title) x.title.text = data.title;
    chart.update('none');
  }

  /** Recolours axes and legend for `theme`; call `show` again for the bars. */
  setTheme(theme: Theme): void {
    const datasets = this._chart.data.datasets;
    this._chart.options = histogramConfig(theme).options ?? {};
    this._chart.data.datasets = datasets;
    this._chart.update('none');
  }
}

/** The chart's configuration for `theme`, with no data yet. */
function histogramConfig(theme: Theme): ChartConfiguration<'bar', number[], string> {
  const labels = Array.from({ length: BINS }, (_, b) => `${b / BINS}–${(b + 1) / BINS}`);
  const axis = {
    stacked: true,
    ticks: { color: theme.muted },
    grid: { color: theme.grid },
    border: { color: theme.border },
  };
  return {
    type: 'bar',
    data: { labels, datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { color: theme.foreground } } },
      scales: {
        x: { ...axis, title: { display: true, text: 'probability', color: theme.muted } },
        y: { ...axis, title: { display: true, text: 'points', color: theme.muted } },
      },
    },
  };
}
