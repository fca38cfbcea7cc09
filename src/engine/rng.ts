/** A small seeded random number generator: the same seed gives the same stream. */

/**
 * sfc32, a 128-bit-state generator: fast, well-mixed, and identical on every
 * JavaScript engine because it uses only 32-bit integer arithmetic.
 */
export class Rng {
  private _a: number;
  private _b: number;
  private _c: number;
  private _d: number;
  private _spare: number | undefined;

  /** A generator whose whole stream is fixed by the integer `seed`. */
  constructor(seed: number) {
    this._a = 0x9e3779b9;
    this._b = 0x243f6a88;
    this._c = 0xb7e15162;
    this._d = seed | 0;
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this._a + this._b) | 0) + this._d) | 0;
    this._d = (this._d + 1) | 0;
    this._a = this._b ^ (this._b >>> 9);
    this._b = (this._c + (this._c << 3)) | 0;
    this._c = (this._c << 21) | (this._c >>> 11);
    this._c = (this._c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.uint32() >>> 5;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A float uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** A standard normal sample (Box-Muller; the second value is kept for the next call). */
  normal(): number {
    if (this._spare !== undefined) {
      const z = this._spare;
      this._spare = undefined;
      return z;
    }
    const u = 1 - this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this._spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** An integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A random permutation of 0..n-1 (Fisher-Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The full state, to resume the same stream later. */
  state(): number[] {
    return [this._a, this._b, this._c, this._d];
  }

  /** Restores a state returned by `state()`. */
  restore(s: number[]): void {
    [this._a, this._b, this._c, this._d] = s;
    this._spare = undefined;
  }
}
