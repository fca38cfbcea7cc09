/** What every optimizer shares: the parameters it updates and one step of the update. */
import type { OptimizerConfig } from '../config';
import type { Parameter } from '../model';
import { alloc, type Data } from '../tensor';

/** An optimizer over a fixed list of parameters, as in torch.optim. */
export abstract class Optimizer {
  protected readonly _params: Parameter[];
  protected readonly _config: OptimizerConfig;
  protected _t = 0;

  /** An optimizer with PyTorch's defaults where `config` leaves a value out. */
  constructor(params: Parameter[], config: OptimizerConfig) {
    this._params = params;
    this._config = config;
  }

  /** One update of every parameter from its `grad`. */
  step(): void {
    this._t += 1;
    const l1 = this._config.l1 ?? 0;
    for (let i = 0; i < this._params.length; i++) {
      const p = this._params[i];
      if (l1 > 0 && p.name.endsWith('weight')) addL1(p.value.data, p.grad.data, l1);
      this.update(i, p.value.data, p.grad.data);
    }
  }

  /** The update of parameter `i`: value `p` in place, from gradient `g`. */
  protected abstract update(i: number, p: Data, g: Data): void;

  /** A zero buffer shaped like parameter `i`. */
  protected zerosFor(i: number): Data {
    const v = this._params[i].value;
    return alloc(v.data.length, v.dtype);
  }
}

/** g += l1 · sign(p): the gradient of the L1 penalty l1 · Σ|p| (weights only). */
function addL1(p: Data, g: Data, l1: number): void {
  for (let k = 0; k < p.length; k++) g[k] += l1 * Math.sign(p[k]);
}
