/** The built-in datasets: build one from its config, list them, and count its classes. */
import type { DatasetConfig, DatasetName } from '../config';
import { DATASETS, MAX_CLASSES } from './catalog';
import { Rng } from '../rng';
import type { DType } from '../tensor';
import { realTable } from './real';
import { splitTable } from './split';
import * as synthetic from './synthetic';
import type { Dataset, Table } from './types';

export type { Dataset, Split, Task } from './types';
export { configClassCount, DATASETS, datasetShape, MAX_CLASSES } from './catalog';
export { LABEL_RULES } from './synthetic';
export { parseCsv, REAL_SPECS } from './real';

/**
 * Builds a dataset: generates (synthetic) or parses (real) the points with Rng(seed), then
 * shuffles and splits them with the same stream. Real features are standardised with the
 * training split's mean and std; synthetic ones are left as generated.
 */
export function makeDataset(config: DatasetConfig, dtype: DType): Dataset {
  checkConfig(config);
  const rng = new Rng(config.seed);
  const table = buildTable(config, rng);
  const nTrain = table.n - Math.round(table.n * config.testFraction);
  if (nTrain < 1) {
    const what = `testFraction ${config.testFraction} leaves no training points`;
    throw new Error(`Dataset "${config.name}": ${what} of ${table.n}; lower it`);
  }
  const parts = splitTable(table, config.testFraction, rng, dtype, isReal(config.name));
  const { task, features, classNames } = table;
  return { name: config.name, task, features, classNames, ...parts };
}

/** Number of model outputs a dataset asks for: 2 binary, K multiclass, L multilabel. */
export function classCount(ds: Dataset): number {
  return ds.classNames.length;
}

/** Whether a dataset is shipped as a CSV file rather than generated. */
function isReal(name: DatasetName): name is 'iris' | 'wine' | 'breast_cancer' {
  return name === 'iris' || name === 'wine' || name === 'breast_cancer';
}

/** The unsplit table for a config. */
function buildTable(config: DatasetConfig, rng: Rng): Table {
  const { name, samples: n, noise } = config;
  if (isReal(name)) return realTable(name);
  switch (name) {
    case 'circle':
      return synthetic.circle(n, noise, rng);
    case 'xor':
      return synthetic.xor(n, noise, rng);
    case 'gaussians':
      return synthetic.gaussians(n, noise, rng);
    case 'moons':
      return synthetic.moons(n, noise, rng);
    case 'spiral':
      return synthetic.spiral(n, noise, config.classes ?? 3, rng);
    case 'blobs':
      return synthetic.blobs(n, noise, config.classes ?? 3, rng);
    case 'multilabel':
      return synthetic.multilabel(n, noise, config.labels ?? 3, rng);
  }
}

/** Throws a message naming the bad field, its value and the accepted range. */
function checkConfig(c: DatasetConfig): void {
  const fail = (what: string): never => {
    throw new Error(`Dataset "${c.name}": ${what}`);
  };
  if (!DATASETS.some((d) => d.name === c.name)) {
    fail(`unknown dataset; use one of ${DATASETS.map((d) => d.name).join(', ')}`);
  }
  if (!Number.isInteger(c.seed)) fail(`seed must be an integer, got ${c.seed}`);
  if (!(c.testFraction >= 0 && c.testFraction < 1)) {
    fail(`testFraction must be in [0, 1), got ${c.testFraction}`);
  }
  if (isReal(c.name)) return;
  if (!Number.isInteger(c.samples) || c.samples < 2) {
    fail(`samples must be an integer >= 2, got ${c.samples}`);
  }
  if (!(c.noise >= 0 && Number.isFinite(c.noise))) {
    fail(`noise must be a finite number >= 0, got ${c.noise}`);
  }
  checkCounts(c, fail);
}

/** Checks `classes` (spiral, blobs) and `labels` (multilabel) against what is supported. */
function checkCounts(c: DatasetConfig, fail: (what: string) => never): void {
  const k = c.classes ?? 3;
  const usesK = c.name === 'spiral' || c.name === 'blobs';
  if (usesK && (!Number.isInteger(k) || k < 2 || k > MAX_CLASSES)) {
    fail(`classes must be an integer in [2, ${MAX_CLASSES}], got ${c.classes}`);
  }
  const l = c.labels ?? 3;
  const most = synthetic.LABEL_RULES.length;
  if (c.name === 'multilabel' && (!Number.isInteger(l) || l < 1 || l > most)) {
    fail(`labels must be an integer in [1, ${most}], got ${c.labels}`);
  }
}
