/**
 * Adam's update in WebAssembly SIMD, two values at a time in float64 arithmetic, operation for
 * operation as the JavaScript loop does it (float32 values widened on load and rounded on
 * store, the stored moments read back rounded), so that both give the same numbers.
 */
import { type FunctionSpec, I32, V128, op } from './encode';

/** The scalars `adam` reads, as float64 at consecutive offsets of its `scalars` pointer. */
export const ADAM_SCALARS = [
  'weightDecay',
  'beta1',
  'oneMinusBeta1',
  'beta2',
  'oneMinusBeta2',
  'stepSize',
  'sqrtBc2',
  'eps',
] as const;

// Parameters (i32 byte pointers and sizes), then locals: the offset, then v128 values.
const [P, G, M, V, N_BYTES, SCALARS, I] = [0, 1, 2, 3, 4, 5, 6];
const SCALAR = (s: number) => 7 + s;
const [GK, MD, VD] = [15, 16, 17];

/**
 * adam(p, g, m, v, nBytes, scalars) over `nBytes` of each array (a positive multiple of two
 * values, 8 bytes in float32, 16 in float64): g' = g + wd·p, m = β1·m + (1-β1)·g',
 * v = β2·v + (1-β2)·g'·g', p -= stepSize·m / (sqrt(v)/sqrtBc2 + eps).
 */
export function adam(float32: boolean): FunctionSpec {
  const es = float32 ? 4 : 8;
  const load = (array: number) => [
    ...[...op.get(array), ...op.get(I), ...op.i32Add],
    ...(float32 ? [...op.load64Zero(0), ...op.f64x2PromoteLowF32x4] : op.v128Load(0)),
  ];
  // Stores the value of `local` into `array`, rounded to float32 (and kept so) in float32.
  const store = (array: number, local: number) => [
    ...(float32
      ? [...op.get(local), ...op.f32x4DemoteF64x2Zero, ...op.f64x2PromoteLowF32x4]
      : op.get(local)),
    ...op.set(local),
    ...[...op.get(array), ...op.get(I), ...op.i32Add, ...op.get(local)],
    ...(float32 ? [...op.f32x4DemoteF64x2Zero, ...op.store64Low(0)] : op.v128Store(0)),
  ];
  const s = (name: (typeof ADAM_SCALARS)[number]) =>
    op.get(SCALAR(ADAM_SCALARS.indexOf(name)));
  const body = [
    ...ADAM_SCALARS.flatMap((_, k) => [
      ...[...op.get(SCALARS), ...op.load64Splat(8 * k), ...op.set(SCALAR(k))],
    ]),
    ...[...op.i32(0), ...op.set(I), ...op.loop],
    // g' = g + wd·p
    ...[...load(G), ...s('weightDecay'), ...load(P), ...op.f64x2Mul, ...op.f64x2Add],
    ...op.set(GK),
    // m = β1·m + (1-β1)·g'
    ...[...s('beta1'), ...load(M), ...op.f64x2Mul],
    ...[
      ...s('oneMinusBeta1'),
      ...op.get(GK),
      ...op.f64x2Mul,
      ...op.f64x2Add,
      ...op.set(MD),
    ],
    ...store(M, MD),
    // v = β2·v + (1-β2)·g'·g'
    ...[...s('beta2'), ...load(V), ...op.f64x2Mul, ...s('oneMinusBeta2'), ...op.get(GK)],
    ...[...op.f64x2Mul, ...op.get(GK), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(VD)],
    ...store(V, VD),
    // p = p - stepSize·m / (sqrt(v)/sqrtBc2 + eps), into GK, which is free again
    ...[...load(P), ...s('stepSize'), ...op.get(MD), ...op.f64x2Mul],
    ...[...op.get(VD), ...op.f64x2Sqrt, ...s('sqrtBc2'), ...op.f64x2Div, ...s('eps')],
    ...[...op.f64x2Add, ...op.f64x2Div, ...op.f64x2Sub, ...op.set(GK)],
    ...store(P, GK),
    ...[...op.get(I), ...op.i32(2 * es), ...op.i32Add, ...op.tee(I)],
    ...[...op.get(N_BYTES), ...op.i32LtS, ...op.brIf(0), ...op.end],
  ];
  const locals = [
    { count: 1, type: I32 },
    { count: ADAM_SCALARS.length + 3, type: V128 },
  ];
  return { name: 'adam', params: 6, locals, body };
}
