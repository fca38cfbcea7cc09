/** Adam and AdamW: moment estimates with bias correction, coupled or decoupled weight decay. */
import { kernelPath } from '../kernels';
import type { Data } from '../tensor';
import { type AdamScalars, wasmAdam } from '../wasm/runtime';
import { Optimizer } from './optimizer';

/** PyTorch's default (β1, β2). */
const defaultBetas = [0.9, 0.999];

/** The scalars of one step, read from the options once per parameter. */
interface Step {
  beta1: number;
  beta2: number;
  eps: number;
  lr: number;
  weightDecay: number;
  /** lr / (1 - β1ᵗ) */
  stepSize: number;
  /** sqrt(1 - β2ᵗ) */
  sqrtBc2: number;
}

/** torch.optim.Adam; `decoupled` makes it torch.optim.AdamW. */
export class Adam extends Optimizer {
  private _m: Data[] = [];
  private _v: Data[] = [];
  private _vMax: Data[] = [];
  protected readonly _decoupled: boolean = false;

  protected update(i: number, p: Data, g: Data): void {
    const c = this._config;
    const betas = c.betas ?? defaultBetas;
    const beta1 = betas[0];
    const beta2 = betas[1];
    const decoupled = this._decoupled;
    const s: Step = {
      beta1,
      beta2,
      eps: c.eps ?? 1e-8,
      lr: c.lr,
      weightDecay: c.weightDecay ?? (decoupled ? 0.01 : 0),
      stepSize: c.lr / (1 - beta1 ** this._t),
      sqrtBc2: Math.sqrt(1 - beta2 ** this._t),
    };
    const m = (this._m[i] ??= this.zerosFor(i));
    const v = (this._v[i] ??= this.zerosFor(i));
    const amsgrad = c.amsgrad === true;
    if (!decoupled && !amsgrad) adamStep(p, g, m, v, s);
    else {
      const vMax = amsgrad ? (this._vMax[i] ??= this.zerosFor(i)) : v;
      anyAdamStep(p, g, m, v, vMax, s, decoupled, amsgrad);
    }
  }
}

/** torch.optim.AdamW: weight decay applied to the weights, not through the gradient. */
export class AdamW extends Adam {
  protected override readonly _decoupled: boolean = true;
}

/** From this many values up, Adam's common case runs in WebAssembly (same numbers). */
export const WASM_MIN_VALUES = 64;

/** One Adam step of every value: the common case, in WebAssembly for long tensors. */
function adamStep(p: Data, g: Data, m: Data, v: Data, s: Step): void {
  const forced = kernelPath();
  const wasm = forced === 'auto' ? p.length >= WASM_MIN_VALUES : forced === 'wasm';
  if (wasm && wasmAdam(p, g, m, v, scalarsOf(s))) return;
  adamLoop(p, g, m, v, s);
}

/** The scalars of a step as the WebAssembly kernel reads them. */
function scalarsOf(s: Step): AdamScalars {
  const { beta1, beta2, eps, weightDecay, stepSize, sqrtBc2 } = s;
  const [oneMinusBeta1, oneMinusBeta2] = [1 - beta1, 1 - beta2];
  return {
    weightDecay,
    beta1,
    oneMinusBeta1,
    beta2,
    oneMinusBeta2,
    stepSize,
    sqrtBc2,
    eps,
  };
}

/** One Adam step in a loop with no option left to test. */
function adamLoop(p: Data, g: Data, m: Data, v: Data, s: Step): void {
  const { beta1, beta2, eps, weightDecay: wd, stepSize, sqrtBc2 } = s;
  for (let k = 0; k < p.length; k++) {
    const gk = g[k] + wd * p[k];
    // m = β1·m + (1-β1)·g,  v = β2·v + (1-β2)·g²
    m[k] = beta1 * m[k] + (1 - beta1) * gk;
    v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
    // p -= lr/(1-β1ᵗ) · m / (sqrt(v)/sqrt(1-β2ᵗ) + eps)
    p[k] -= (stepSize * m[k]) / (Math.sqrt(v[k]) / sqrtBc2 + eps);
  }
}

/** One step of Adam, AdamW (`decoupled`) or either with AMSGrad (`vMax` then kept apart). */
function anyAdamStep(
  p: Data,
  g: Data,
  m: Data,
  v: Data,
  vMax: Data,
  s: Step,
  decoupled: boolean,
  amsgrad: boolean,
): void {
  const { beta1, beta2, eps, lr, weightDecay: wd, stepSize, sqrtBc2 } = s;
  for (let k = 0; k < p.length; k++) {
    if (decoupled) p[k] *= 1 - lr * wd;
    const gk = decoupled ? g[k] : g[k] + wd * p[k];
    m[k] = beta1 * m[k] + (1 - beta1) * gk;
    v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
    if (amsgrad) vMax[k] = Math.max(vMax[k], v[k]);
    p[k] -= (stepSize * m[k]) / (Math.sqrt(vMax[k]) / sqrtBc2 + eps);
  }
}
