// Trains the benchmark workloads in Logit Lab, TensorFlow.js and (when installed) PyTorch,
// one process per workload and implementation, and prints steps/s and the ratios to targets.
// Each implementation runs `--repeat` times (3 by default), interleaved, and keeps its best
// steps/s: on a shared machine the best run is the one least disturbed by other work.
// Usage: node scripts/bench.mjs [--dtype float32|float64] [--repeat N] [--json]
//          [--skip torch,tfjs] [NAME...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const WORKLOADS_FILE = 'src/engine/workloads.json';
const PYTHON = '/usr/bin/python3';

/** Minimum ratios of our steps/s to each anchor's, per workload. */
const TARGETS = {
  pytorch: { tfp: 20, multiclass: 5, wide: 1 },
  tfjs: { tfp: 10, multiclass: 10, wide: 10 },
};

/** The command line: dtype, output format, anchors to skip and workload names. */
function parseArgs(argv) {
  const args = { dtype: 'float32', repeat: 3, json: false, skip: [], names: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dtype') args.dtype = argv[++i];
    else if (argv[i] === '--repeat') args.repeat = Number(argv[++i]);
    else if (argv[i] === '--json') args.json = true;
    else if (argv[i] === '--skip') args.skip = argv[++i].split(',');
    else args.names.push(argv[i]);
  }
  if (!['float32', 'float64'].includes(args.dtype)) {
    throw new Error(`bench: --dtype must be float32 or float64, got ${args.dtype}`);
  }
  if (!(Number.isInteger(args.repeat) && args.repeat >= 1)) {
    throw new Error(
      `bench: --repeat must be a whole number of runs >= 1, got ${args.repeat}`,
    );
  }
  return args;
}

/** The JSON lines a command printed; throws with its stderr when it failed. */
function jsonLines(command, args, env = {}) {
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) {
    throw new Error(`bench: ${command} ${args.join(' ')} failed:\n${run.stderr}`);
  }
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

/** Whether PyTorch can be imported by the system Python. */
function hasTorch() {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch']).status === 0;
}

/** The best of `args.repeat` rounds of runAll: most steps/s, least grid time. */
function runBest(name, args, torch) {
  const best = {};
  for (let round = 0; round < args.repeat; round++) {
    for (const [impl, r] of Object.entries(runAll(name, args, torch))) {
      const prev = best[impl];
      if (!prev) best[impl] = r;
      else if (r.steps_per_s > prev.steps_per_s)
        best[impl] = { ...r, grid_ms: prev.grid_ms };
      best[impl].grid_ms = Math.min(best[impl].grid_ms, r.grid_ms);
    }
  }
  return best;
}

/** One result per implementation for workload `name`. */
function runAll(name, args, torch) {
  const results = {};
  [results.ours] = jsonLines('node', [
    ...['dist/cli.js', 'bench', '--workload', name, '--dtype', args.dtype, '--json'],
  ]);
  if (!args.skip.includes('tfjs')) {
    [results.tfjs] = jsonLines('node', [
      'scripts/bench/tfjs_bench.mjs',
      WORKLOADS_FILE,
      name,
    ]);
  }
  if (torch) {
    const env = { THREADS: '1', DTYPE: args.dtype };
    const script = ['scripts/bench/torch_bench.py', WORKLOADS_FILE, name];
    [results.pytorch] = jsonLines(PYTHON, script, env);
  }
  return results;
}

/** Our steps/s over each anchor's, with its target and whether it is met. */
function ratios(name, results) {
  const out = {};
  for (const anchor of ['pytorch', 'tfjs']) {
    if (!results[anchor]) continue;
    const ratio = results.ours.steps_per_s / results[anchor].steps_per_s;
    const target = TARGETS[anchor][name];
    const met = target === undefined || ratio >= target;
    out[anchor] = { ratio: +ratio.toFixed(2), target, met };
  }
  return out;
}

/** A fixed-width table row. */
function row(cells, widths) {
  return cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
}

/** Prints the results and ratios of every workload as two tables. */
function printTables(all) {
  const w1 = [11, 34, 9, 9, 10];
  console.log(
    row(['workload', 'implementation', 'steps/s', 'grid ms', 'final loss'], w1),
  );
  for (const { name, results } of all) {
    for (const r of Object.values(results)) {
      console.log(row([name, r.impl, r.steps_per_s, r.grid_ms, r.final_loss], w1));
    }
  }
  console.log();
  const w2 = [11, 9, 16, 16];
  console.log(row(['workload', 'anchor', 'ours / anchor', 'target'], w2));
  for (const { name, ratios: rs } of all) {
    for (const [anchor, r] of Object.entries(rs)) {
      const verdict = `>= ${r.target}x ${r.met ? 'met' : 'NOT met'}`;
      console.log(row([name, anchor, `${r.ratio}x`, verdict], w2));
    }
  }
}

const args = parseArgs(process.argv.slice(2));
const workloads = JSON.parse(readFileSync(WORKLOADS_FILE, 'utf8'));
const names = args.names.length ? args.names : Object.keys(workloads);
if (!existsSync('dist/cli.js'))
  throw new Error('bench: dist/cli.js is missing: run npm run build');
const torch = !args.skip.includes('torch') && hasTorch();
if (!torch && !args.skip.includes('torch') && !args.json) {
  console.log(
    `PyTorch is not importable by ${PYTHON}: comparing with TensorFlow.js only.\n`,
  );
}
const all = names.map((name) => {
  const results = runBest(name, args, torch);
  return { name, results, ratios: ratios(name, results) };
});
if (args.json) console.log(JSON.stringify(all, null, 2));
else {
  console.log(`${args.dtype}, best of ${args.repeat} run(s) per implementation\n`);
  printTables(all);
}
