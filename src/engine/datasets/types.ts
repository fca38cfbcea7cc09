/** The shapes of a dataset: labelled points before the split, and the split result. */
import type { DatasetName } from '../config';
import type { Matrix } from '../tensor';

/** What is predicted: one of two classes, one of K classes, or L independent 0/1 labels. */
export type Task = 'binary' | 'multiclass' | 'multilabel';

/** One part of a dataset (train or test). */
export interface Split {
  /** Features, (N, F). */
  x: Matrix;
  /** Class indices (N) for binary and multiclass; an (N, L) 0/1 matrix for multilabel. */
  y: Int32Array | Matrix;
}

/** A dataset ready for training: split, standardised, with names for features and classes. */
export interface Dataset {
  name: DatasetName;
  task: Task;
  features: string[];
  /** Class names; for multilabel, the label names. */
  classNames: string[];
  train: Split;
  test: Split;
  /** Per-feature mean and std used for standardisation (identity 0/1 for synthetic). */
  mean: number[];
  std: number[];
  /** Bounds of each feature in the (standardised) training data, for plotting. */
  extent: { min: number[]; max: number[] };
}

/**
 * Labelled points before the split, in float64. `x` is (n, f) row-major; `y` holds one class
 * index per row (l = 1) or, for multilabel, l 0/1 labels per row, row-major.
 */
export interface Table {
  task: Task;
  features: string[];
  classNames: string[];
  n: number;
  f: number;
  l: number;
  x: Float64Array;
  y: Int32Array;
}
