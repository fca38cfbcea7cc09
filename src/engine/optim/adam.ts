/** Adam and AdamW: moment estimates with bias correction, coupled or decoupled weight decay. */
import type { Data } from '../tensor';
import { Optimizer } from './optimizer';

/** torch.optim.Adam; `decoupled` makes it torch.optim.AdamW. */
export class Adam extends Optimizer {
  private _m: Data[] = [];
  private _v: Data[] = [];
  private _vMax: Data[] = [];
  protected readonly _decoupled: boolean = false;

  protected update(i: number, p: Data, g: Data): void {
    const c = this._config;
    const [beta1, beta2] = c.betas ?? [0.9, 0.999];
    const eps = c.eps ?? 1e-8;
    const lr = c.lr;
    const decoupled = this._decoupled;
    const amsgrad = c.amsgrad === true;
    const wd = c.weightDecay ?? (decoupled ? 0.01 : 0);
    const m = (this._m[i] ??= this.zerosFor(i));
    const v = (this._v[i] ??= this.zerosFor(i));
    const vMax = amsgrad ? (this._vMax[i] ??= this.zerosFor(i)) : v;
    const bc1 = 1 - beta1 ** this._t;
    const sqrtBc2 = Math.sqrt(1 - beta2 ** this._t);
    const stepSize = lr / bc1;
    for (let k = 0; k < p.length; k++) {
      if (decoupled) p[k] *= 1 - lr * wd;
      const gk = decoupled ? g[k] : g[k] + wd * p[k];
      // m = β1·m + (1-β1)·g,  v = β2·v + (1-β2)·g²
      m[k] = beta1 * m[k] + (1 - beta1) * gk;
      v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
      if (amsgrad) vMax[k] = Math.max(vMax[k], v[k]);
      // p -= lr/(1-β1ᵗ) · m / (sqrt(v)/sqrt(1-β2ᵗ) + eps)
      p[k] -= (stepSize * m[k]) / (Math.sqrt(vMax[k]) / sqrtBc2 + eps);
    }
  }
}

/** torch.optim.AdamW: weight decay applied to the weights, not through the gradient. */
export class AdamW extends Adam {
  protected override readonly _decoupled: boolean = true;
}
