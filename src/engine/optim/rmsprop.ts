/** RMSprop: divide the gradient by a running root mean square, optionally centred. */
import type { Data } from '../tensor';
import { Optimizer } from './optimizer';

/** torch.optim.RMSprop. */
export class RmsProp extends Optimizer {
  private _sq: Data[] = [];
  private _avg: Data[] = [];
  private _buf: Data[] = [];

  protected update(i: number, p: Data, g: Data): void {
    const c = this._config;
    const alpha = c.alpha ?? 0.99;
    const eps = c.eps ?? 1e-8;
    const wd = c.weightDecay ?? 0;
    const mu = c.momentum ?? 0;
    const sq = (this._sq[i] ??= this.zerosFor(i));
    const avg = c.centered ? (this._avg[i] ??= this.zerosFor(i)) : undefined;
    const buf = mu > 0 ? (this._buf[i] ??= this.zerosFor(i)) : undefined;
    for (let k = 0; k < p.length; k++) {
      const gk = g[k] + wd * p[k];
      // s = α·s + (1-α)·g²; centred: subtract the squared running mean of g
      sq[k] = alpha * sq[k] + (1 - alpha) * gk * gk;
      let meanSq = sq[k];
      if (avg) {
        avg[k] = alpha * avg[k] + (1 - alpha) * gk;
        meanSq -= avg[k] * avg[k];
      }
      const step = gk / (Math.sqrt(meanSq) + eps);
      if (buf) {
        buf[k] = mu * buf[k] + step;
        p[k] -= c.lr * buf[k];
      } else {
        p[k] -= c.lr * step;
      }
    }
  }
}
