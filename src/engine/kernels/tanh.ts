/**
 * tanh for float32 runs, about twice as fast as Math.tanh and as exact once rounded: for
 * every float32 x, Math.fround(tanh32(x)) equals Math.fround(Math.tanh(x)) (checked over all
 * 2^32 bit patterns). The work is in float64, from a table of tanh on a grid of 1/64.
 */

/** Grid points per unit of x. */
const STEPS = 64;

/** From 13 ln 2 ≈ 9.01 up, tanh rounds to ±1 in float32 (and tanh(9.5) does). */
const SATURATED = 9.5;

/** Adding and subtracting 1.5 · 2^52 rounds a float64 of magnitude < 2^51 to an integer. */
const ROUNDING = 6755399441055744;

/** Grid points on each side of 0. */
const HALF = Math.ceil(SATURATED * STEPS);

/** tanh(j / STEPS) for j in [-HALF, HALF], at index j + HALF. */
const GRID = Float64Array.from({ length: 2 * HALF + 1 }, (_, i) =>
  Math.tanh((i - HALF) / STEPS),
);

/**
 * tanh(x) to within 1e-15 relative, for a result stored in float32: with x = x0 + d, x0 on
 * the grid and |d| <= 1/128, tanh x = (tanh x0 + tanh d) / (1 + tanh x0 · tanh d).
 */
export function tanh32(x: number): number {
  // Clamped rather than branched on: a branch first taken late in a run would cost the
  // compiled code of every caller (a deoptimisation); tanh(±9.5) rounds to ±1 as well.
  const c = Math.min(Math.max(x, -SATURATED), SATURATED);
  const j = c * STEPS + ROUNDING - ROUNDING;
  const d = c - j / STEPS;
  // tanh d = d (1 - d²/3 + 2d⁴/15 - 17d⁶/315), to 1e-20 relative for |d| <= 1/128
  const u = d * d;
  const t = d * (1 + u * (-1 / 3 + u * (2 / 15 + u * (-17 / 315))));
  if (j === 0) return t;
  const a = GRID[j + HALF];
  return (a + t) / (1 + a * t);
}
