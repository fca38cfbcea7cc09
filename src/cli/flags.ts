/** Turning `logit-lab train` flags into a run configuration, on top of a run file or template. */
import type { ActivationName, HeadName, LossName, RunConfig } from '../engine/config';
import { configClassCount, DATASETS } from '../engine/datasets';
import { parseRunConfig } from '../engine/runfile';
import { outputChoices } from '../engine/targets';
import { number, numberList, integer, UsageError } from './io';

/** The raw option values commander collects for `train`. */
export type TrainFlags = Record<string, string | boolean | undefined>;

/** The head each loss expects when the user names a loss but no head. */
const HEAD_FOR_LOSS: Record<LossName, HeadName> = {
  BCELoss: 'sigmoid',
  BCEWithLogitsLoss: 'none',
  CrossEntropyLoss: 'none',
  NLLLoss: 'log_softmax',
  MSELoss: 'sigmoid',
};

/** `base` with every given flag applied, validated by the run schema. */
export function applyFlags(base: RunConfig, f: TrainFlags): RunConfig {
  const c: RunConfig = structuredClone(base);
  applyData(c, f);
  applyModel(c, f);
  applyLoss(c, f);
  applyOptimizer(c, f);
  applyTraining(c, f);
  if (f.outputs === undefined && (f.dataset || f.loss || f.classes || f.labels)) {
    const task = DATASETS.find((d) => d.name === c.dataset.name)!.task;
    c.model.outputs = outputChoices(task, configClassCount(c.dataset), c.loss.name)[0];
  }
  try {
    return parseRunConfig(c);
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\n/g, ' '));
  }
}

/** A flag's text, if given. */
function str(f: TrainFlags, key: string): string | undefined {
  const v = f[key];
  return typeof v === 'string' ? v : undefined;
}

function applyData(c: RunConfig, f: TrainFlags): void {
  const name = str(f, 'dataset');
  if (name) {
    if (!DATASETS.some((d) => d.name === name)) {
      const names = DATASETS.map((d) => d.name).join(', ');
      throw new UsageError(`--dataset: unknown dataset "${name}": use one of ${names}`);
    }
    c.dataset.name = name as RunConfig['dataset']['name'];
    if (!str(f, 'name')) c.name = DATASETS.find((d) => d.name === name)!.label;
  }
  const d = c.dataset;
  if (str(f, 'samples')) d.samples = integer('--samples', str(f, 'samples')!);
  if (str(f, 'noise')) d.noise = number('--noise', str(f, 'noise')!);
  if (str(f, 'testFraction'))
    d.testFraction = number('--test-fraction', str(f, 'testFraction')!);
  if (str(f, 'dataSeed')) d.seed = integer('--data-seed', str(f, 'dataSeed')!);
  if (str(f, 'classes')) d.classes = integer('--classes', str(f, 'classes')!);
  if (str(f, 'labels')) d.labels = integer('--labels', str(f, 'labels')!);
}

function applyModel(c: RunConfig, f: TrainFlags): void {
  const hidden = str(f, 'hidden');
  const acts = str(f, 'activation')?.split(',');
  if (hidden !== undefined) {
    const units = hidden.trim() === '' ? [] : numberList('--hidden', hidden, '16,16');
    checkActivationCount(acts, units.length);
    c.model.hidden = units.map((u, i) => ({
      units: u,
      activation: (acts?.[Math.min(i, acts.length - 1)] ?? 'relu') as ActivationName,
    }));
  } else if (acts) {
    checkActivationCount(acts, c.model.hidden.length);
    c.model.hidden.forEach(
      (l, i) => (l.activation = acts[Math.min(i, acts.length - 1)] as ActivationName),
    );
  }
  if (str(f, 'outputs')) c.model.outputs = integer('--outputs', str(f, 'outputs')!);
  if (str(f, 'head')) c.model.head = str(f, 'head') as HeadName;
  if (str(f, 'threshold'))
    c.model.threshold = number('--threshold', str(f, 'threshold')!);
  if (str(f, 'negativeSlope'))
    c.model.negativeSlope = number('--negative-slope', str(f, 'negativeSlope')!);
}

/** One activation for every layer, or one per layer: anything else is a mistake. */
function checkActivationCount(acts: string[] | undefined, layers: number): void {
  if (!acts || acts.length === 1 || acts.length === layers) return;
  throw new UsageError(
    `--activation: ${acts.length} activations for ${layers} hidden layers: ` +
      'give one for every layer, or one per layer',
  );
}

function applyLoss(c: RunConfig, f: TrainFlags): void {
  const loss = str(f, 'loss') as LossName | undefined;
  if (loss) {
    c.loss = { name: loss, reduction: c.loss.reduction };
    if (!str(f, 'head') && HEAD_FOR_LOSS[loss]) c.model.head = HEAD_FOR_LOSS[loss];
  }
  const l = c.loss;
  if (str(f, 'reduction'))
    l.reduction = str(f, 'reduction') as RunConfig['loss']['reduction'];
  if (str(f, 'weight')) l.weight = numberList('--weight', str(f, 'weight')!);
  if (str(f, 'posWeight')) l.posWeight = numberList('--pos-weight', str(f, 'posWeight')!);
  if (str(f, 'ignoreIndex'))
    l.ignoreIndex = integer('--ignore-index', str(f, 'ignoreIndex')!);
  if (str(f, 'labelSmoothing')) {
    l.labelSmoothing = number('--label-smoothing', str(f, 'labelSmoothing')!);
  }
}

function applyOptimizer(c: RunConfig, f: TrainFlags): void {
  const name = str(f, 'optimizer');
  if (name)
    c.optimizer = { name: name as RunConfig['optimizer']['name'], lr: c.optimizer.lr };
  const o = c.optimizer;
  if (str(f, 'lr')) o.lr = number('--lr', str(f, 'lr')!);
  if (str(f, 'momentum')) o.momentum = number('--momentum', str(f, 'momentum')!);
  if (str(f, 'dampening')) o.dampening = number('--dampening', str(f, 'dampening')!);
  if (f.nesterov) o.nesterov = true;
  if (str(f, 'weightDecay'))
    o.weightDecay = number('--weight-decay', str(f, 'weightDecay')!);
  if (str(f, 'betas'))
    o.betas = numberList('--betas', str(f, 'betas')!, '0.9,0.999') as [number, number];
  if (str(f, 'eps')) o.eps = number('--eps', str(f, 'eps')!);
  if (f.amsgrad) o.amsgrad = true;
  if (str(f, 'alpha')) o.alpha = number('--alpha', str(f, 'alpha')!);
  if (f.centered) o.centered = true;
  if (str(f, 'l1')) o.l1 = number('--l1', str(f, 'l1')!);
}

function applyTraining(c: RunConfig, f: TrainFlags): void {
  const t = c.training;
  if (str(f, 'epochs')) t.epochs = integer('--epochs', str(f, 'epochs')!);
  if (str(f, 'batchSize')) t.batchSize = integer('--batch-size', str(f, 'batchSize')!);
  if (f.shuffle === false) t.shuffle = false;
  if (str(f, 'targetLoss')) t.targetLoss = number('--target-loss', str(f, 'targetLoss')!);
  if (str(f, 'seed')) c.seed = integer('--seed', str(f, 'seed')!);
  if (str(f, 'dtype')) c.dtype = str(f, 'dtype') as RunConfig['dtype'];
  if (str(f, 'name')) c.name = str(f, 'name')!;
}
