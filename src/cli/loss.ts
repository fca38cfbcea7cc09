/** `logit-lab loss`: one loss on numbers from the command line, with its value and gradient. */
import { lossConfigFrom } from '../engine/conformance';
import { computeLoss, LossError, lossExpects, type Target } from '../engine/losses';
import { takesIndices } from '../engine/targets';
import { type DType, fromColumn, fromRows, type Matrix, toRows } from '../engine/tensor';
import { integer, number, numberList, UsageError } from './io';

/** The options commander collects for `loss`. */
export type LossFlags = Record<string, string | undefined>;

/** Prints the loss, per-element values for reduction none, and d loss / d input. */
export function loss(name: string, f: LossFlags): number {
  const dtype = (f.dtype ?? 'float64') as DType;
  const config = lossConfigFrom(name, {
    reduction: f.reduction ?? 'mean',
    weight: f.weight ? numberList('--weight', f.weight, '1,2,0.5') : undefined,
    pos_weight: f.posWeight ? numberList('--pos-weight', f.posWeight, '3') : undefined,
    ignore_index: f.ignoreIndex ? integer('--ignore-index', f.ignoreIndex) : undefined,
    label_smoothing: f.labelSmoothing
      ? number('--label-smoothing', f.labelSmoothing)
      : undefined,
  });
  const input = matrix('--input', f.input, dtype);
  const vector = !Array.isArray(parse('--input', f.input)[0]);
  const target = targetOf(f.target, takesIndices(config.name) && input.cols > 1, dtype);
  const expects = lossExpects(config);
  console.log(`${name} expects input: ${expects.input}; target: ${expects.target}`);
  try {
    const result = computeLoss(config, input, target);
    const values = result.values && JSON.stringify(Array.from(result.values));
    if (values) console.log(`loss per element (reduction none): ${values}`);
    if (values) console.log(`their sum: ${result.value}`);
    else console.log(`loss (${config.reduction}): ${result.value}`);
    const grad = vector ? Array.from(result.grad.data) : toRows(result.grad);
    const of = values ? 'the sum of the losses' : 'loss';
    console.log(`gradient d ${of} / d input: ${JSON.stringify(grad)}`);
  } catch (e) {
    if (e instanceof LossError) throw new UsageError(e.message);
    throw e;
  }
  return 0;
}

/** A JSON vector or matrix from a flag; a vector becomes one column. */
function matrix(flag: string, text: string | undefined, dtype: DType): Matrix {
  const v = parse(flag, text);
  if (v.every((x) => typeof x === 'number')) return fromColumn(v as number[], dtype);
  if (v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))) {
    return fromRows(v as number[][], dtype);
  }
  throw new UsageError(
    `${flag} takes a JSON vector or matrix of numbers, e.g. [[2.0, -1.0], [0.5, 0.1]]`,
  );
}

/** Class indices when the loss takes them, else floats shaped like the input. */
function targetOf(text: string | undefined, indices: boolean, dtype: DType): Target {
  if (!indices) return { kind: 'float', values: matrix('--target', text, dtype) };
  const v = parse('--target', text);
  if (!v.every((x) => Number.isInteger(x))) {
    throw new UsageError('--target takes class indices for this loss, e.g. [2, 0]');
  }
  return { kind: 'index', index: Int32Array.from(v as number[]) };
}

/** The JSON array in a flag, or a UsageError saying how to write it. */
function parse(flag: string, text: string | undefined): unknown[] {
  if (text === undefined)
    throw new UsageError(`${flag} is required, e.g. ${flag} "[0.3, -1.2]"`);
  try {
    const v = JSON.parse(text);
    if (Array.isArray(v) && v.length > 0) return v;
  } catch {
    // fall through to the message below
  }
  throw new UsageError(`${flag} takes a JSON array, e.g. "[0.3, -1.2]"; got ${text}`);
}
