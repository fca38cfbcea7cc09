/**
 * What the loss expects, what the head and the data give it, and a diagnostic when the two
 * disagree (a softmax head before CrossEntropyLoss softmaxes twice, and so on). Pure: the
 * playground page and the CLI both show these.
 */
import type { HeadName, LossName, RunConfig } from './config';
import { datasetShape } from './datasets/catalog';
import type { Task } from './datasets/types';
import { takesIndices } from './targets';

/**
 * One finding about a configuration: an error is a combination the loss refuses (training
 * fails); a warning trains, but badly; info is a remark.
 */
export interface Diagnostic {
  level: 'error' | 'warning' | 'info';
  message: string;
}

/** What a loss wants as its input, in words. */
const LOSS_INPUT: Record<LossName, string> = {
  BCEWithLogitsLoss: 'logits (it applies the sigmoid itself)',
  BCELoss: 'probabilities in [0, 1]',
  CrossEntropyLoss: 'logits (it applies log_softmax itself)',
  NLLLoss: 'log-probabilities (e.g. from LogSoftmax)',
  MSELoss: 'any real numbers, compared with the target',
};

/** What each head gives the loss, in words. */
const HEAD_OUTPUT: Record<HeadName, string> = {
  none: 'logits (any real number)',
  sigmoid: 'probabilities in (0, 1), one per unit',
  softmax: 'probabilities that sum to 1 over the units',
  log_softmax: 'log-probabilities (<= 0)',
};

/** What a loss wants as its input and target, given the run's output width. */
export function lossContract(config: RunConfig): { input: string; target: string } {
  const loss = config.loss.name;
  const n = config.model.outputs;
  const target = takesIndices(loss)
    ? `a class index in 0..${n - 1} per point (int64)`
    : `${n} float value${n === 1 ? '' : 's'} per point (0/1 labels or one-hot)`;
  return {
    input: `${n} value${n === 1 ? '' : 's'} per point: ${LOSS_INPUT[loss]}`,
    target,
  };
}

/** What the data and the head provide, in words. */
export function dataProvides(config: RunConfig): { input: string; target: string } {
  const { task, classes } = datasetShape(config.dataset);
  const labels: Record<Task, string> = {
    binary: 'one 0/1 label per point (2 classes)',
    multiclass: `one class in 0..${classes - 1} per point (${classes} classes)`,
    multilabel: `${classes} independent 0/1 labels per point`,
  };
  return { input: HEAD_OUTPUT[config.model.head], target: labels[task] };
}

/** Every disagreement between head, loss, output width, options and data. */
export function diagnose(config: RunConfig): Diagnostic[] {
  const found = [
    ...headAndLoss(config.model.head, config.loss.name, config.model.outputs),
  ];
  found.push(...lossAndTask(config));
  found.push(...lossOptions(config));
  return found;
}

/**
 * Findings about the head placed before the loss. Errors are the pairs the loss refuses
 * (values outside what it accepts); warnings train, but badly, and say why.
 */
function headAndLoss(head: HeadName, loss: LossName, outputs: number): Diagnostic[] {
  const key = `${head}+${loss}`;
  const table: Record<string, () => Diagnostic> = {
    'softmax+CrossEntropyLoss': () => doubleSoftmax(outputs),
    'sigmoid+CrossEntropyLoss': () =>
      warn(
        'CrossEntropyLoss applies log_softmax to sigmoid outputs in (0, 1): the classes can ' +
          'never separate by more than 1 logit, so the probabilities the loss computes stay ' +
          'squashed near uniform. Set the head to None.',
      ),
    'log_softmax+CrossEntropyLoss': () =>
      info(
        'LogSoftmax then CrossEntropyLoss equals NLLLoss (log_softmax is idempotent): ' +
          'correct, but redundant.',
      ),
    'sigmoid+BCEWithLogitsLoss': () =>
      warn(
        'Double sigmoid: BCEWithLogitsLoss applies the sigmoid itself, so the probability ' +
          'the loss computes inside, sigmoid(sigmoid(z)), stays in (0.5, 0.73). The ' +
          "model's own outputs still span (0, 1), but the loss cannot fall near 0 and its " +
          'gradients shrink. Set the head to None, or use BCELoss.',
      ),
    'softmax+BCEWithLogitsLoss': () =>
      warn(
        'BCEWithLogitsLoss wants logits, but the Softmax head gives probabilities: the ' +
          'probability the loss computes inside, sigmoid(p), stays in (0.5, 0.73), so ' +
          'gradients shrink and the loss cannot fall near 0. Set the head to None.',
      ),
    'log_softmax+BCEWithLogitsLoss': () =>
      warn(
        'BCEWithLogitsLoss wants logits, but LogSoftmax gives log-probabilities <= 0: the ' +
          'probability the loss computes inside, sigmoid(log p), never exceeds 0.5, so no ' +
          'point is ever predicted positive. Set the head to None.',
      ),
    'none+BCELoss': () =>
      error(
        'BCELoss needs probabilities in [0, 1], but logits can be any number: training ' +
          'fails on the first value outside. Add a Sigmoid head, or use BCEWithLogitsLoss.',
      ),
    'log_softmax+BCELoss': () =>
      error(
        'BCELoss needs probabilities in [0, 1], but LogSoftmax gives values <= 0: training ' +
          'fails on the first negative one. Use a Sigmoid head.',
      ),
    'none+NLLLoss': () =>
      warn(
        'NLLLoss on raw logits is unbounded below: it pushes the target logit up forever, ' +
          'so the loss goes negative without end and the run diverges. Add a LogSoftmax ' +
          'head, or use CrossEntropyLoss.',
      ),
    'softmax+NLLLoss': () =>
      warn(
        'NLLLoss wants log-probabilities; on probabilities it only maximises p(target), ' +
          'whose gradients vanish as p saturates, so training stalls. Use a LogSoftmax head.',
      ),
    'sigmoid+NLLLoss': () =>
      warn(
        'NLLLoss wants log-probabilities; on sigmoid outputs it maximises each target unit ' +
          'on its own, and the loss is not a likelihood. Use a LogSoftmax head.',
      ),
  };
  const found = table[key];
  return found ? [found()] : [];
}

/** The double softmax, with the highest probability the loss can reach for `classes`. */
function doubleSoftmax(classes: number): Diagnostic {
  const best = Math.E / (Math.E + Math.max(1, classes - 1));
  return warn(
    "Double softmax: CrossEntropyLoss applies log_softmax itself, so the Softmax head's " +
      'probabilities are squashed again. The probability the loss computes inside for the ' +
      `target can never exceed e/(e + ${classes - 1}) = ${best.toFixed(2)}, so the loss ` +
      'stays high and gradients shrink as the model grows confident. Set the head to None.',
  );
}

/** Findings about the loss and the kind of labels. */
function lossAndTask(config: RunConfig): Diagnostic[] {
  const { task } = datasetShape(config.dataset);
  const loss = config.loss.name;
  const found: Diagnostic[] = [];
  if (task === 'multilabel' && takesIndices(loss)) {
    found.push(
      error(
        `${loss} picks one class per point, but multi-label points have several labels. ` +
          'Use BCEWithLogitsLoss.',
      ),
    );
  }
  if (task === 'multilabel' && config.model.head === 'softmax') {
    found.push(
      warn(
        'Softmax makes the labels compete (they sum to 1), but they are independent here.',
      ),
    );
  }
  if (task === 'multiclass' && !takesIndices(loss) && loss !== 'MSELoss') {
    found.push(
      info(
        `${loss} on one-hot targets trains one-vs-rest: each class is a separate yes/no.`,
      ),
    );
  }
  if (loss === 'MSELoss') {
    found.push(
      info('MSELoss treats classes as numbers to regress: it works, but slowly.'),
    );
  }
  return found;
}

/** Findings about the loss options. */
function lossOptions(config: RunConfig): Diagnostic[] {
  const { weight, posWeight, labelSmoothing } = config.loss;
  const n = config.model.outputs;
  const found: Diagnostic[] = [];
  if (
    weight &&
    weight.length !== n &&
    !(weight.length === 1 && !takesIndices(config.loss.name))
  ) {
    found.push(error(`weight has ${weight.length} values, the model has ${n} outputs.`));
  }
  if (posWeight && posWeight.length !== n && posWeight.length !== 1) {
    found.push(
      error(`pos_weight has ${posWeight.length} values, the model has ${n} outputs.`),
    );
  }
  if (labelSmoothing !== undefined && (labelSmoothing < 0 || labelSmoothing > 1)) {
    found.push(error(`label_smoothing must be in [0, 1], got ${labelSmoothing}.`));
  }
  return found;
}

function error(message: string): Diagnostic {
  return { level: 'error', message };
}

function warn(message: string): Diagnostic {
  return { level: 'warning', message };
}

function info(message: string): Diagnostic {
  return { level: 'info', message };
}
