/**
 * Synthetic 2-D datasets generated from a seeded Rng. Points live in roughly [-3, 3] with a
 * per-coordinate std near 1, so they need no standardisation; `noise` is the std of Gaussian
 * jitter added to each coordinate after the label is fixed (0 to 1 is a useful range).
 */
import type { Rng } from '../rng';
import type { Table } from './types';

/** A 2-D point before jitter. */
type Point = [number, number];

const FEATURES = ['x1', 'x2'];

/** Half-width of the square that xor and multilabel points fill. */
const HALF = 2;

/** Names `prefix 0`, `prefix 1`, ... for k classes. */
function names(prefix: string, k: number): string[] {
  return Array.from({ length: k }, (_, c) => `${prefix} ${c}`);
}

/** Adds Gaussian jitter of std `noise` to a point; the draws come after the point's own. */
function jitter(p: Point, noise: number, rng: Rng): Point {
  const dx = rng.normal();
  const dy = rng.normal();
  return [p[0] + noise * dx, p[1] + noise * dy];
}

/** A table of n points where row i has class i mod k (exactly balanced before the split). */
function classTable(
  n: number,
  classNames: string[],
  noise: number,
  rng: Rng,
  point: (c: number) => Point,
): Table {
  const k = classNames.length;
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    const p = jitter(point(c), noise, rng);
    x[2 * i] = p[0];
    x[2 * i + 1] = p[1];
    y[i] = c;
  }
  const task = k === 2 ? 'binary' : 'multiclass';
  return { task, features: FEATURES, classNames, n, f: 2, l: 1, x, y };
}

/** The point at radius r and angle a (radians). */
function polar(r: number, a: number): Point {
  return [r * Math.cos(a), r * Math.sin(a)];
}

/**
 * Uniform points in a disc of radius 2: label 0 inside radius sqrt(2), label 1 outside.
 * The two parts have equal area, so the density is uniform across the boundary.
 */
export function circle(n: number, noise: number, rng: Rng): Table {
  return classTable(n, ['inside', 'outside'], noise, rng, (c) => {
    const u = rng.uniform();
    const r = c === 0 ? Math.sqrt(2 * u) : Math.sqrt(2 + 2 * u);
    return polar(r, 2 * Math.PI * rng.uniform());
  });
}

/** Uniform points in [-2, 2]^2: label 1 when the two coordinates have opposite signs. */
export function xor(n: number, noise: number, rng: Rng): Table {
  return classTable(n, ['same sign', 'opposite sign'], noise, rng, (c) => {
    const s = rng.uniform() < 0.5 ? -1 : 1;
    const a = rng.between(0, HALF);
    const b = rng.between(0, HALF);
    return [s * a, (c === 0 ? s : -s) * b];
  });
}

/** Two Gaussian clusters of std 0.6 centred at (-1, -1) (label 0) and (1, 1) (label 1). */
export function gaussians(n: number, noise: number, rng: Rng): Table {
  return classTable(n, names('cluster', 2), noise, rng, (c) => {
    const m = c === 0 ? -1 : 1;
    const dx = rng.normal();
    const dy = rng.normal();
    return [m + 0.6 * dx, m + 0.6 * dy];
  });
}

/**
 * Two interleaving half-circles of radius 1.5: the upper one (label 0) and the lower one
 * shifted right (label 1), centred on the origin.
 */
export function moons(n: number, noise: number, rng: Rng): Table {
  return classTable(n, names('moon', 2), noise, rng, (c) => {
    const t = Math.PI * rng.uniform();
    const p: Point =
      c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [1.5 * (p[0] - 0.5), 1.5 * (p[1] - 0.25)];
  });
}

/** K spiral arms, one per class, each turning 4 radians from radius 0.2 out to radius 2.5. */
export function spiral(n: number, noise: number, k: number, rng: Rng): Table {
  return classTable(n, names('arm', k), noise, rng, (c) => {
    const t = rng.uniform();
    return polar(0.2 + 2.3 * t, (2 * Math.PI * c) / k + 4 * t);
  });
}

/** K Gaussian blobs of std 0.5 with centres spread evenly on the circle of radius 2. */
export function blobs(n: number, noise: number, k: number, rng: Rng): Table {
  return classTable(n, names('blob', k), noise, rng, (c) => {
    const [cx, cy] = polar(2, (2 * Math.PI * c) / k + Math.PI / 4);
    const dx = rng.normal();
    const dy = rng.normal();
    return [cx + 0.5 * dx, cy + 0.5 * dy];
  });
}

/** One multi-label rule: a name and the side of a line or circle that has the label. */
interface Rule {
  name: string;
  has: (x: number, y: number) => boolean;
}

/** The fixed rules of the multilabel dataset, in order; each holds for about half the square. */
export const LABEL_RULES: readonly Rule[] = [
  { name: 'right', has: (x) => x > 0 },
  { name: 'upper', has: (_x, y) => y > 0 },
  { name: 'disc', has: (x, y) => x * x + y * y < 8 / Math.PI },
  { name: 'above diagonal', has: (x, y) => y > x },
  { name: 'near (1, -1)', has: (x, y) => (x - 1) ** 2 + (y + 1) ** 2 < 4 },
  { name: 'above anti-diagonal', has: (x, y) => x + y > 0 },
];

/** Uniform points in [-2, 2]^2, each with l 0/1 labels from the first l rules of LABEL_RULES. */
export function multilabel(n: number, noise: number, l: number, rng: Rng): Table {
  const rules = LABEL_RULES.slice(0, l);
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n * l);
  for (let i = 0; i < n; i++) {
    const a = rng.between(-HALF, HALF);
    const b = rng.between(-HALF, HALF);
    for (let k = 0; k < l; k++) y[i * l + k] = rules[k].has(a, b) ? 1 : 0;
    const p = jitter([a, b], noise, rng);
    x[2 * i] = p[0];
    x[2 * i + 1] = p[1];
  }
  const classNames = rules.map((r) => r.name);
  return { task: 'multilabel', features: FEATURES, classNames, n, f: 2, l, x, y };
}
