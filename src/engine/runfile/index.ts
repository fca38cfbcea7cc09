/** Saving and loading runs: versioned JSON checked against the run file schema. */
import type { RunConfig } from '../config';
import type { EpochMetrics, StopInfo, Trainer } from '../trainer';
import { RUN_FORMAT_VERSION, TOOL_VERSION } from '../version';
import { RunConfigSchema, type RunFileData, RunFileSchema } from './schema';
import type { LinearWeights } from '../model';

export { runFileJsonSchema, RunConfigSchema } from './schema';

/** A saved run, with its metrics as numbers (NaN where the file has null). */
export interface RunFile extends RunConfig {
  format: 'logit-lab-run';
  formatVersion: number;
  toolVersion: string;
  createdAt: string;
  history: EpochMetrics[];
  weights: { initial: LinearWeights[]; final: LinearWeights[] };
  stopped?: StopInfo;
}

/** A run file that cannot be read; the message names the field and what to do. */
export class RunFileError extends Error {
  override name = 'RunFileError';
}

/** Reads and validates a run file's text; throws RunFileError naming what is wrong. */
export function parseRunFile(text: string): RunFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RunFileError(
      `This run file is not valid JSON (${(e as Error).message}): fix or re-save it.`,
    );
  }
  checkVersion(json);
  const result = RunFileSchema.safeParse(json);
  if (!result.success)
    throw new RunFileError(describeIssues(result.error.issues, 'run file'));
  return fromData(result.data);
}

/** Validates a run configuration (from a file or the CLI); throws naming the field. */
export function parseRunConfig(value: unknown): RunConfig {
  const result = RunConfigSchema.safeParse(value);
  if (!result.success) {
    throw new RunFileError(describeIssues(result.error.issues, 'run configuration'));
  }
  return result.data as RunConfig;
}

/** The saved form of a trainer's run. */
export function toRunFile(
  trainer: Trainer,
  createdAt = new Date().toISOString(),
): RunFile {
  return {
    format: 'logit-lab-run',
    formatVersion: RUN_FORMAT_VERSION,
    toolVersion: TOOL_VERSION,
    createdAt,
    ...trainer.config,
    history: trainer.history.slice(),
    weights: { initial: trainer.initialWeights(), final: trainer.model.weights() },
    ...(trainer.stopped ? { stopped: trainer.stopped } : {}),
  };
}

/** The run file as JSON text: non-finite metrics become null, two-space indent. */
export function stringifyRunFile(run: RunFile): string {
  const replacer = (_key: string, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? null : v;
  return JSON.stringify(run, replacer, 2) + '\n';
}

/** The configuration part of a run file. */
export function configOf(run: RunFile): RunConfig {
  const { name, seed, dtype, dataset, model, loss, optimizer, training } = run;
  return { name, seed, dtype, dataset, model, loss, optimizer, training };
}

/** Refuses files of another kind or of another format version, before any field is read. */
function checkVersion(json: unknown): void {
  const obj = json as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof obj !== 'object' || obj === null || obj.format !== 'logit-lab-run') {
    throw new RunFileError(
      'This is not a Logit Lab run file: "format" must be "logit-lab-run". ' +
        'Open a file saved by Logit Lab (*.logitlab.json).',
    );
  }
  const v = obj.formatVersion;
  if (typeof v === 'number' && v > RUN_FORMAT_VERSION) {
    throw new RunFileError(
      `This run file has format version ${v}, newer than this Logit Lab (${TOOL_VERSION}) reads ` +
        `(version ${RUN_FORMAT_VERSION}): update Logit Lab to open it.`,
    );
  }
  if (v !== RUN_FORMAT_VERSION) {
    throw new RunFileError(
      `This run file has format version ${JSON.stringify(v)}; this Logit Lab reads version ` +
        `${RUN_FORMAT_VERSION} only: re-create the run and save it again.`,
    );
  }
}

/** One line per problem, each naming the field's path. */
function describeIssues(
  issues: { path: PropertyKey[]; message: string }[],
  what: string,
): string {
  const lines = issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}.`);
  const more = issues.length > 5 ? `\n…and ${issues.length - 5} more` : '';
  return `The ${what} is invalid:\n${lines.join('\n')}${more}\nFix these fields.`;
}

/** Metrics from the file, with null read back as NaN. */
function fromData(data: RunFileData): RunFile {
  const num = (v: number | null) => v ?? NaN;
  const history = data.history.map((e) => ({
    ...e,
    trainLoss: num(e.trainLoss),
    testLoss: num(e.testLoss),
    trainAccuracy: num(e.trainAccuracy),
    testAccuracy: num(e.testAccuracy),
  }));
  const { $schema: _unused, ...rest } = data;
  return { ...rest, history } as RunFile;
}
