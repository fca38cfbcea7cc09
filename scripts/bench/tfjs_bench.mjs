// The benchmark workloads in TensorFlow.js with its pure-JavaScript CPU backend.
// Usage: node tfjs_bench.mjs WORKLOADS_JSON [NAME ...]; one JSON line per workload.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const tf = createRequire(import.meta.url)('@tensorflow/tfjs');
const GRID_POINTS = 10000;
const GRID_PASSES = 50;

/** Weights (in, out) and biases uniform in ±1/sqrt(in), as PyTorch initialises Linear. */
function makeLayers(sizes) {
  const layers = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const bound = 1 / Math.sqrt(sizes[i]);
    const w = tf.variable(tf.randomUniform([sizes[i], sizes[i + 1]], -bound, bound));
    const b = tf.variable(tf.randomUniform([sizes[i + 1]], -bound, bound));
    layers.push({ w, b });
  }
  return layers;
}

/** The logits of `x` through the layers, `activation` between them. */
function forward(layers, activation, x) {
  let h = x;
  layers.forEach(({ w, b }, i) => {
    if (i > 0) h = activation === 'relu' ? tf.relu(h) : tf.tanh(h);
    h = tf.add(tf.matMul(h, w), b);
  });
  return h;
}

/** Points, targets and the loss of a workload: one-hot classes, or outside the unit circle. */
function makeData(w) {
  const x = tf.randomNormal([w.n, 2]);
  if (w.loss === 'CrossEntropyLoss') {
    const classes = w.sizes.at(-1);
    const y = tf.oneHot(tf.randomUniform([w.n], 0, classes, 'int32'), classes);
    return { x, y, loss: (yb, logits) => tf.losses.softmaxCrossEntropy(yb, logits) };
  }
  const y = tf.cast(tf.greater(tf.norm(x, 'euclidean', 1, true), 1), 'float32');
  return { x, y, loss: (yb, logits) => tf.losses.sigmoidCrossEntropy(yb, logits) };
}

/** Trains workload `w`, then times forward passes over a grid. */
function run(name, w) {
  const layers = makeLayers(w.sizes);
  const { x, y, loss } = makeData(w);
  const optimizer = w.optimizer === 'SGD' ? tf.train.sgd(w.lr) : tf.train.adam(w.lr);
  let steps = 0;
  let last = NaN;
  const start = performance.now();
  for (let epoch = 0; epoch < w.epochs; epoch++) {
    const order = tf.util.createShuffledIndices(w.n);
    for (let first = 0; first < w.n; first += w.batch) {
      const rows = tf.tensor1d(
        Array.from(order.subarray(first, first + w.batch)),
        'int32',
      );
      const [xb, yb] = [tf.gather(x, rows), tf.gather(y, rows)];
      const value = optimizer.minimize(
        () => loss(yb, forward(layers, w.activation, xb)),
        true,
      );
      if (epoch === w.epochs - 1 && first + w.batch >= w.n) last = value.dataSync()[0];
      tf.dispose([rows, xb, yb, value]);
      steps += 1;
    }
  }
  const trainS = (performance.now() - start) / 1000;
  const grid = tf.randomUniform([GRID_POINTS, 2]);
  const gridStart = performance.now();
  for (let pass = 0; pass < GRID_PASSES; pass++) {
    tf.tidy(() => forward(layers, w.activation, grid).dataSync());
  }
  const gridMs = (performance.now() - gridStart) / GRID_PASSES;
  return {
    impl: `tfjs-cpu-${tf.version.tfjs}`,
    workload: name,
    steps,
    train_s: +trainS.toFixed(4),
    steps_per_s: Math.round(steps / trainS),
    samples_per_s: Math.round((steps * w.batch) / trainS),
    grid_ms: +gridMs.toFixed(3),
    final_loss: +last.toFixed(4),
  };
}

await tf.setBackend('cpu');
const workloads = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const names = process.argv.length > 3 ? process.argv.slice(3) : Object.keys(workloads);
for (const name of names) console.log(JSON.stringify(run(name, workloads[name])));
