/**
 * The real datasets shipped in data/: parsed from CSV text (header row, numeric features, the
 * class name in the last column), with every broken row refused by file and line.
 */
import Papa from 'papaparse';
import irisCsv from '../../../data/iris.csv';
import wineCsv from '../../../data/wine.csv';
import breastCancerCsv from '../../../data/breast_cancer.csv';
import type { Table } from './types';

/** How to read one shipped CSV file. */
export interface CsvSpec {
  /** File name, used in error messages. */
  file: string;
  /** Name of the label column (the last one). */
  label: string;
  /** Class names in index order: the class in a row is looked up here. */
  classNames: string[];
}

/** The shipped files. Breast cancer puts malignant = 1, the positive finding (sklearn has 0). */
export const REAL_SPECS = {
  iris: {
    file: 'iris.csv',
    label: 'species',
    classNames: ['setosa', 'versicolor', 'virginica'],
  },
  wine: {
    file: 'wine.csv',
    label: 'cultivar',
    classNames: ['class_0', 'class_1', 'class_2'],
  },
  breast_cancer: {
    file: 'breast_cancer.csv',
    label: 'diagnosis',
    classNames: ['benign', 'malignant'],
  },
} satisfies Record<string, CsvSpec>;

/** The name of a shipped dataset. */
export type RealName = keyof typeof REAL_SPECS;

const TEXTS: Record<RealName, string> = {
  iris: irisCsv,
  wine: wineCsv,
  breast_cancer: breastCancerCsv,
};

const cache = new Map<RealName, Table>();

/** The parsed table of a shipped dataset (parsed once, then shared: do not modify it). */
export function realTable(name: RealName): Table {
  let table = cache.get(name);
  if (table === undefined) {
    table = parseCsv(TEXTS[name], REAL_SPECS[name]);
    cache.set(name, table);
  }
  return table;
}

/** An error naming the file and 1-based line of a broken row. */
function rowError(spec: CsvSpec, line: number, problem: string): Error {
  return new Error(`${spec.file}, line ${line}: ${problem}. Fix or remove that row.`);
}

/** Splits CSV text into rows of fields, refusing text that PapaParse cannot read. */
function readRows(text: string, spec: CsvSpec): string[][] {
  const body = text.replace(/\r?\n$/, '');
  if (body.trim() === '') throw rowError(spec, 1, 'the file is empty');
  const parsed = Papa.parse<string[]>(body, { header: false, delimiter: ',' });
  const error = parsed.errors[0];
  if (error !== undefined) {
    throw rowError(spec, (error.row ?? 0) + 1, `cannot read CSV (${error.message})`);
  }
  return parsed.data;
}

/** Parses a CSV file whose last column is `spec.label` into a float64 table. */
export function parseCsv(text: string, spec: CsvSpec): Table {
  const rows = readRows(text, spec);
  const header = rows[0];
  if (header[header.length - 1] !== spec.label) {
    const last = header[header.length - 1];
    throw rowError(spec, 1, `the last column must be "${spec.label}", got "${last}"`);
  }
  const f = header.length - 1;
  const body = rows.slice(1);
  const x = new Float64Array(body.length * f);
  const y = new Int32Array(body.length);
  body.forEach((row, r) => (y[r] = readRow(row, r + 2, header, spec, x.subarray(r * f))));
  const task = spec.classNames.length === 2 ? 'binary' : 'multiclass';
  const features = header.slice(0, f);
  return { task, features, classNames: spec.classNames, n: body.length, f, l: 1, x, y };
}

/** Reads one data row into `out` and returns its class index; `line` is 1-based. */
function readRow(
  row: string[],
  line: number,
  header: string[],
  spec: CsvSpec,
  out: Float64Array,
): number {
  if (row.length !== header.length) {
    throw rowError(spec, line, `expected ${header.length} fields, got ${row.length}`);
  }
  const f = header.length - 1;
  for (let j = 0; j < f; j++) {
    const v = row[j].trim() === '' ? NaN : Number(row[j]);
    if (!Number.isFinite(v)) {
      throw rowError(spec, line, `${header[j]} is "${row[j]}", not a finite number`);
    }
    out[j] = v;
  }
  const c = spec.classNames.indexOf(row[f].trim());
  if (c < 0) {
    const known = spec.classNames.join(', ');
    throw rowError(spec, line, `${spec.label} is "${row[f]}", expected one of ${known}`);
  }
  return c;
}
