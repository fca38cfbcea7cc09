/**
 * What each built-in dataset is, without its data: names, labels, tasks and class counts.
 * Light enough for the page, which must not bundle the shipped CSV files.
 */
import type { DatasetConfig, DatasetName } from '../config';
import type { Task } from './types';

/** What the UI shows for each dataset, and the class count it defaults to where K is free. */
export const DATASETS: {
  name: DatasetName;
  label: string;
  task: Task;
  real: boolean;
  defaultClasses?: number;
  defaultLabels?: number;
}[] = [
  { name: 'circle', label: 'Circle', task: 'binary', real: false },
  { name: 'xor', label: 'XOR', task: 'binary', real: false },
  { name: 'gaussians', label: 'Two Gaussians', task: 'binary', real: false },
  { name: 'moons', label: 'Moons', task: 'binary', real: false },
  { name: 'spiral', label: 'Spiral', task: 'multiclass', real: false, defaultClasses: 3 },
  { name: 'blobs', label: 'Blobs', task: 'multiclass', real: false, defaultClasses: 3 },
  {
    name: 'multilabel',
    label: 'Multi-label',
    task: 'multilabel',
    real: false,
    defaultLabels: 3,
  },
  { name: 'iris', label: 'Iris', task: 'multiclass', real: true },
  { name: 'wine', label: 'Wine', task: 'multiclass', real: true },
  { name: 'breast_cancer', label: 'Breast cancer', task: 'binary', real: true },
];

/** Largest K for spiral and blobs. */
export const MAX_CLASSES = 10;

/** The class (or label) count a config will produce, without building the dataset. */
export function configClassCount(config: DatasetConfig): number {
  switch (config.name) {
    case 'spiral':
    case 'blobs':
      return config.classes ?? 3;
    case 'multilabel':
      return config.labels ?? 3;
    case 'iris':
    case 'wine':
      return 3;
    default:
      return 2;
  }
}

/** The task and class (or label) count a config will produce; K = 2 spirals or blobs are binary. */
export function datasetShape(config: DatasetConfig): { task: Task; classes: number } {
  const entry = DATASETS.find((d) => d.name === config.name);
  if (!entry) throw new Error(`Unknown dataset "${config.name}"`);
  const classes = configClassCount(config);
  const task = entry.task === 'multiclass' && classes === 2 ? 'binary' : entry.task;
  return { task, classes };
}
