/**
 * Clean ticks for a logarithmic value axis: the axis spans whole decades, and only powers of
 * ten are labelled, written compactly (0.01, 1, 1000, 1e-5, 1e22).
 */

/** The most decade labels an axis shows; more decades label every second, third, ... one. */
const MAX_LABELS = 6;

/** The widest range, in decades, written as plain decimals (1e-3 ... 1e3). */
const PLAIN_DECADES = 3;

/** `[min, max]` widened to the powers of ten around them; unchanged unless both are > 0. */
export function decadeRange(min: number, max: number): [number, number] {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max))
    return [min, max];
  const low = 10 ** Math.floor(Math.log10(min) + 1e-9);
  let high = 10 ** Math.ceil(Math.log10(max) - 1e-9);
  if (high <= low) high = low * 10;
  return [low, high];
}

/** The decade of `value` when it is a power of ten, else undefined. */
export function decadeOf(value: number): number | undefined {
  if (!(value > 0)) return undefined;
  const k = Math.round(Math.log10(value));
  return Math.abs(value / 10 ** k - 1) < 1e-9 ? k : undefined;
}

/** A power of ten written compactly: `0.001`, `1`, `100`, or `1e-5`, `1e22` past 10^±3. */
export function formatDecade(k: number): string {
  if (Math.abs(k) > PLAIN_DECADES) return `1e${k}`;
  return k < 0 ? (10 ** k).toFixed(-k) : String(10 ** k);
}

/**
 * The label of tick `value` on an axis from `min` to `max`: a power of ten on one of at most
 * MAX_LABELS evenly spaced decades, else '' (an unlabelled grid line).
 */
export function logTickLabel(value: number, min: number, max: number): string {
  const k = decadeOf(value);
  if (k === undefined) return '';
  const decades = Math.max(1, Math.round(Math.log10(max / min)));
  const every = Math.ceil(decades / MAX_LABELS);
  return k % every === 0 ? formatDecade(k) : '';
}
