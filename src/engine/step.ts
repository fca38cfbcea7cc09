/** One optimisation step: forward, loss, backward, update. */
import type { LossConfig } from './config';
import { computeLoss, type Target } from './losses';
import type { Mlp } from './model';
import type { Optimizer } from './optim';
import { type Matrix, zeros } from './tensor';

/** A preallocated gradient of the loss with respect to the model's output. */
const gradBuffers = new WeakMap<Mlp, Map<number, Matrix>>();

/** The loss of a batch before the update; the parameters are updated in place. */
export function trainStep(
  model: Mlp,
  loss: LossConfig,
  optimizer: Optimizer,
  x: Matrix,
  target: Target,
): number {
  const out = model.forward(x);
  const grad = gradFor(model, out);
  const result = computeLoss(loss, out, target, grad);
  model.backward(result.grad);
  optimizer.step();
  return result.value;
}

/** The loss of a batch without touching the parameters. */
export function evaluateLoss(
  model: Mlp,
  loss: LossConfig,
  x: Matrix,
  target: Target,
): number {
  const out = model.forward(x);
  return computeLoss(loss, out, target, gradFor(model, out)).value;
}

/** The gradient buffer for an output of this shape, made once and reused. */
function gradFor(model: Mlp, out: Matrix): Matrix {
  let byRows = gradBuffers.get(model);
  if (!byRows) gradBuffers.set(model, (byRows = new Map()));
  let g = byRows.get(out.rows);
  if (!g) byRows.set(out.rows, (g = zeros(out.rows, out.cols, out.dtype)));
  return g;
}
