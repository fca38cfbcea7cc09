/** Stochastic gradient descent with momentum, dampening, Nesterov and weight decay. */
import { alloc, type Data } from '../tensor';
import { Optimizer } from './optimizer';

/** torch.optim.SGD. */
export class Sgd extends Optimizer {
  private _buf: (Data | undefined)[] = [];

  protected update(i: number, p: Data, g: Data): void {
    const {
      lr,
      momentum = 0,
      dampening = 0,
      nesterov = false,
      weightDecay = 0,
    } = this._config;
    const d =
      momentum === 0 ? g : this._momentum(i, p, g, momentum, dampening, weightDecay);
    for (let k = 0; k < p.length; k++) {
      // d = g + λp without momentum; with it, the buffer (Nesterov: g + μ·buf).
      let dk = momentum === 0 ? g[k] + weightDecay * p[k] : d[k];
      if (nesterov) dk = g[k] + weightDecay * p[k] + momentum * d[k];
      p[k] -= lr * dk;
    }
  }

  /** buf = μ·buf + (1 - dampening)·(g + λp); the first step takes g + λp as it is. */
  private _momentum(
    i: number,
    p: Data,
    g: Data,
    mu: number,
    damp: number,
    wd: number,
  ): Data {
    const first = this._buf[i] === undefined;
    const buf = (this._buf[i] ??= alloc(
      p.length,
      p instanceof Float32Array ? 'float32' : 'float64',
    ));
    for (let k = 0; k < p.length; k++) {
      const gk = g[k] + wd * p[k];
      buf[k] = first ? gk : mu * buf[k] + (1 - damp) * gk;
    }
    return buf;
  }
}
