/**
 * The decision-boundary heatmap: a probability grid over two features painted on a canvas,
 * with the training and test points on top. Also draws the data preview (points only).
 */
import { classColor, classRgb, type Rgb, type Theme } from './theme';
import { fitCanvas } from './frame';

/** A probability grid as the engine computes it: `resolution²` cells of `classes` probs. */
export interface HeatGrid {
  resolution: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** 1 for binary data (the probability of class 1), else one column per class or label. */
  classes: number;
  /** Row-major, the first row at the top (largest y). */
  probs: ArrayLike<number>;
}

/** Points in the plane of the two plotted features, with a class index each (-1: none). */
export interface PlotPoints {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  labels: ArrayLike<number>;
}

/** A point of one split, by its row index there. */
export interface PointRef {
  split: 'train' | 'test';
  index: number;
}

/** What the heatmap shades: the winning class, or the probability of one class. */
export type ShadeMode = 'winner' | number;

/** The display options of a heatmap. */
export interface HeatmapOptions {
  shade: ShadeMode;
  hardBoundaries: boolean;
  showTest: boolean;
  selected?: PointRef;
}

/** The data-space window shown, in feature units. */
interface Window {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const POINT_RADIUS = 3.5;
const HIT_RADIUS = 9;

/** A canvas that shows a probability grid and points, and finds the point under the cursor. */
export class Heatmap {
  private _grid?: HeatGrid;
  private _train?: PlotPoints;
  private _test?: PlotPoints;
  private _window: Window = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  private readonly _gridImage = document.createElement('canvas');
  private _gridStale = true;
  private _pointsLayer?: HTMLCanvasElement;
  private _size = { width: 1, height: 1 };

  /** Binds the heatmap to `canvas`, drawn with `options`. */
  constructor(
    readonly canvas: HTMLCanvasElement,
    public options: HeatmapOptions,
  ) {}

  /** Sets the probability grid (or none, for the data preview); its extent becomes the window. */
  setGrid(grid: HeatGrid | undefined): void {
    this._grid = grid;
    this._gridStale = true;
    if (grid)
      this._setWindow({
        xMin: grid.xMin,
        xMax: grid.xMax,
        yMin: grid.yMin,
        yMax: grid.yMax,
      });
  }

  /** Sets the points; without a grid, the window is fitted around them. */
  setPoints(train: PlotPoints | undefined, test: PlotPoints | undefined): void {
    this._train = train;
    this._test = test;
    this._pointsLayer = undefined;
    if (!this._grid) this._setWindow(fitWindow([train, test]));
  }

  /** Forgets the cached images, so the next draw repaints them (new options or theme). */
  invalidate(): void {
    this._gridStale = true;
    this._pointsLayer = undefined;
  }

  /** Paints the grid, the boundaries and the points for `theme`. */
  draw(theme: Theme): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const size = fitCanvas(this.canvas);
    if (size.width !== this._size.width || size.height !== this._size.height) {
      this._size = size;
      this._pointsLayer = undefined;
    }
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, size.width, size.height);
    if (this._grid) this._drawGrid(ctx, this._grid, theme, size.width, size.height);
    this._pointsLayer ??= this._paintPoints(theme);
    ctx.drawImage(this._pointsLayer, 0, 0, size.width, size.height);
    this._drawSelection(ctx, theme);
  }

  /** The nearest shown point within a few pixels of CSS position (x, y), if any. */
  pointAt(x: number, y: number): PointRef | undefined {
    let best: PointRef | undefined;
    let bestDistance = HIT_RADIUS * HIT_RADIUS;
    const splits: [PointRef['split'], PlotPoints | undefined][] = [
      ['train', this._train],
      ['test', this.options.showTest ? this._test : undefined],
    ];
    for (const [split, points] of splits) {
      if (!points) continue;
      for (let i = 0; i < points.xs.length; i++) {
        const dx = this._toX(points.xs[i]) - x;
        const dy = this._toY(points.ys[i]) - y;
        const d = dx * dx + dy * dy;
        if (d < bestDistance) [best, bestDistance] = [{ split, index: i }, d];
      }
    }
    return best;
  }

  private _setWindow(next: Window): void {
    const w = this._window;
    const same =
      w.xMin === next.xMin &&
      w.xMax === next.xMax &&
      w.yMin === next.yMin &&
      w.yMax === next.yMax;
    if (same) return;
    this._window = next;
    this._pointsLayer = undefined;
  }

  private _toX(x: number): number {
    const w = this._window;
    return ((x - w.xMin) / (w.xMax - w.xMin)) * this._size.width;
  }

  private _toY(y: number): number {
    const w = this._window;
    return ((w.yMax - y) / (w.yMax - w.yMin)) * this._size.height;
  }

  /** The points on a transparent layer the size of the canvas, drawn once per change. */
  private _paintPoints(theme: Theme): HTMLCanvasElement {
    const layer = document.createElement('canvas');
    layer.width = this.canvas.width;
    layer.height = this.canvas.height;
    const ctx = layer.getContext('2d') as CanvasRenderingContext2D;
    ctx.scale(layer.width / this._size.width, layer.height / this._size.height);
    if (this._test && this.options.showTest)
      this._drawPoints(ctx, this._test, 'test', theme);
    if (this._train) this._drawPoints(ctx, this._train, 'train', theme);
    return layer;
  }

  private _drawGrid(
    ctx: CanvasRenderingContext2D,
    grid: HeatGrid,
    theme: Theme,
    width: number,
    height: number,
  ): void {
    if (this._gridStale) paintGrid(this._gridImage, grid, this.options, theme);
    this._gridStale = false;
    ctx.imageSmoothingEnabled = !this.options.hardBoundaries;
    ctx.drawImage(this._gridImage, 0, 0, width, height);
    if (this.options.hardBoundaries)
      drawBoundaries(ctx, grid, this.options.shade, theme, width, height);
  }

  private _drawPoints(
    ctx: CanvasRenderingContext2D,
    points: PlotPoints,
    split: PointRef['split'],
    theme: Theme,
  ): void {
    // Train points are ringed in the foreground colour, test points in the background's; high
    // contrast swaps them, since a white ring on a small dot would hide its colour.
    const ringed = (split === 'train') !== (theme.kind === 'high-contrast');
    ctx.lineWidth = 1;
    ctx.strokeStyle = ringed ? theme.foreground : theme.background;
    for (let i = 0; i < points.xs.length; i++) {
      const label = points.labels[i];
      ctx.fillStyle = label < 0 ? theme.muted : classColor(theme, label);
      ctx.beginPath();
      const x = this._toX(points.xs[i]);
      const y = this._toY(points.ys[i]);
      if (split === 'train') ctx.arc(x, y, POINT_RADIUS, 0, 2 * Math.PI);
      else
        ctx.rect(x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
      ctx.fill();
      ctx.stroke();
    }
  }

  private _drawSelection(ctx: CanvasRenderingContext2D, theme: Theme): void {
    const selected = this.options.selected;
    const points = selected?.split === 'test' ? this._test : this._train;
    if (!selected || !points || selected.index >= points.xs.length) return;
    ctx.strokeStyle = theme.foreground;
    ctx.lineWidth = 2;
    ctx.beginPath();
    const x = this._toX(points.xs[selected.index]);
    const y = this._toY(points.ys[selected.index]);
    ctx.arc(x, y, POINT_RADIUS + 4, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

/** The probabilities of every class in cell `c`; binary grids hold only p(class 1). */
export function cellProbs(grid: HeatGrid, c: number, out: number[]): number[] {
  if (grid.classes === 1) {
    const p = grid.probs[c];
    out[0] = 1 - p;
    out[1] = p;
    out.length = 2;
    return out;
  }
  out.length = grid.classes;
  for (let k = 0; k < grid.classes; k++) out[k] = grid.probs[c * grid.classes + k];
  return out;
}

/** The index of the largest value (the first on ties), as torch.argmax. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

/** Renders the grid into a `resolution`-pixel canvas, one pixel per cell. */
function paintGrid(
  image: HTMLCanvasElement,
  grid: HeatGrid,
  options: HeatmapOptions,
  theme: Theme,
): void {
  const n = grid.resolution;
  if (image.width !== n) image.width = n;
  if (image.height !== n) image.height = n;
  const ctx = image.getContext('2d') as CanvasRenderingContext2D;
  const pixels = ctx.createImageData(n, n);
  const background = theme.backgroundRgb;
  const probs: number[] = [];
  for (let c = 0; c < n * n; c++) {
    cellProbs(grid, c, probs);
    const [rgb, alpha] = cellColour(probs, options, theme);
    for (let i = 0; i < 3; i++) {
      pixels.data[4 * c + i] = Math.round(
        background[i] + (rgb[i] - background[i]) * alpha,
      );
    }
    pixels.data[4 * c + 3] = 255;
  }
  ctx.putImageData(pixels, 0, 0);
}

const MAX_ALPHA = 0.7;

/** The colour of one cell and how strongly it covers the background, in [0, MAX_ALPHA]. */
function cellColour(
  probs: number[],
  options: HeatmapOptions,
  theme: Theme,
): [Rgb, number] {
  if (options.shade !== 'winner') {
    const k = Math.min(options.shade, probs.length - 1);
    return [classRgb(theme, k), MAX_ALPHA * probs[k]];
  }
  const k = argmax(probs);
  if (options.hardBoundaries) return [classRgb(theme, k), MAX_ALPHA * 0.6];
  const chance = 1 / probs.length;
  const confidence = (probs[k] - chance) / (1 - chance);
  return [classRgb(theme, k), MAX_ALPHA * Math.max(0, Math.min(1, confidence))];
}

/**
 * The region of every cell: its winning class, or when shading one class's probability
 * whether that probability is at least 0.5 (1) or not (0).
 */
export function regions(grid: HeatGrid, shade: ShadeMode): Int32Array {
  const n = grid.resolution;
  const region = new Int32Array(n * n);
  const probs: number[] = [];
  for (let c = 0; c < n * n; c++) {
    cellProbs(grid, c, probs);
    region[c] =
      shade === 'winner'
        ? argmax(probs)
        : probs[Math.min(shade, probs.length - 1)] >= 0.5
          ? 1
          : 0;
  }
  return region;
}

/**
 * Draws the edges between neighbouring cells of different regions: the borders of the
 * winning classes, or the p = 0.5 contour of the shaded class.
 */
function drawBoundaries(
  ctx: CanvasRenderingContext2D,
  grid: HeatGrid,
  shade: ShadeMode,
  theme: Theme,
  width: number,
  height: number,
): void {
  const n = grid.resolution;
  const region = regions(grid, shade);
  const cw = width / n;
  const ch = height / n;
  ctx.strokeStyle = theme.foreground;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const c = row * n + col;
      if (col + 1 < n && region[c] !== region[c + 1]) {
        ctx.moveTo((col + 1) * cw, row * ch);
        ctx.lineTo((col + 1) * cw, (row + 1) * ch);
      }
      if (row + 1 < n && region[c] !== region[c + n]) {
        ctx.moveTo(col * cw, (row + 1) * ch);
        ctx.lineTo((col + 1) * cw, (row + 1) * ch);
      }
    }
  }
  ctx.stroke();
}

/** A window around all points with a 10% margin; the unit square when there are none. */
function fitWindow(sets: (PlotPoints | undefined)[]): Window {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const points of sets) {
    if (!points) continue;
    for (let i = 0; i < points.xs.length; i++) {
      xMin = Math.min(xMin, points.xs[i]);
      xMax = Math.max(xMax, points.xs[i]);
      yMin = Math.min(yMin, points.ys[i]);
      yMax = Math.max(yMax, points.ys[i]);
    }
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const dx = (xMax - xMin || 1) * 0.1;
  const dy = (yMax - yMin || 1) * 0.1;
  return { xMin: xMin - dx, xMax: xMax + dx, yMin: yMin - dy, yMax: yMax + dy };
}
