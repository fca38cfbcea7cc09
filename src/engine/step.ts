/** One optimisation step: forward, loss, backward, update. */
import type { LossConfig } from './config';
import { lossValue, type Target } from './losses';
import type { Mlp } from './model';
import type { Optimizer } from './optim';
import type { Matrix } from './tensor';

/** The loss of a batch before the update; the parameters are updated in place. */
export function trainStep(
  model: Mlp,
  loss: LossConfig,
  optimizer: Optimizer,
  x: Matrix,
  target: Target,
): number {
  const out = model.forward(x);
  const grad = model.outputGrad();
  const value = lossValue(loss, out, target, grad);
  model.backward(grad);
  optimizer.step();
  return value;
}
