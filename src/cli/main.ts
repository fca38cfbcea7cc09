/** The `logit-lab` command line: conformance, train, loss and bench. */
import { Command, CommanderError, Option } from 'commander';
import { runFileJsonSchema } from '../engine/runfile';
import { TEMPLATES } from '../engine/templates';
import { TOOL_VERSION } from '../engine/version';
import { bench } from './bench';
import { conformance } from './conformance';
import { UsageError } from './io';
import { loss } from './loss';
import { train } from './train';

const LOSSES = ['BCELoss', 'BCEWithLogitsLoss', 'CrossEntropyLoss', 'NLLLoss', 'MSELoss'];
const HEADS = ['none', 'sigmoid', 'softmax', 'log_softmax'];
const OPTIMIZERS = ['SGD', 'Adam', 'AdamW', 'RMSprop'];
const DTYPES = ['float32', 'float64'];
const REDUCTIONS = ['mean', 'sum', 'none'];

/** The program with its four commands; each action sets `process.exitCode`. */
function program(): Command {
  const p = new Command('logit-lab')
    .description(
      'Train classifiers with PyTorch-exact heads and losses, from the terminal.',
    )
    .version(TOOL_VERSION)
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`logit-lab: ${s.replace(/^error: /, '')}`),
    });
  p.command('conformance')
    .description(
      'run PyTorch reference cases (losses, heads, training runs) and report failures',
    )
    .argument('<file...>', 'reference files in the test/golden format')
    .action((files: string[]) => {
      process.exitCode = conformance(files);
    });
  trainCommand(p);
  lossCommand(p);
  p.command('bench')
    .description('train the benchmark workloads and print one JSON line each')
    .option('--workload <name>', 'only this workload (tfp, multiclass, wide)')
    .addOption(
      new Option('--dtype <dtype>', 'floating-point type')
        .choices(DTYPES)
        .default('float32'),
    )
    .option('--json', 'JSON lines only (the default output is also JSON lines)')
    .action((o) => {
      process.exitCode = bench(o.workload, o.dtype);
    });
  p.command('schema')
    .description('print the JSON Schema of run files')
    .action(() => console.log(JSON.stringify(runFileJsonSchema(), null, 2)));
  return p;
}

/** `train` and its flags, grouped as the run configuration is. */
function trainCommand(p: Command): void {
  p.command('train')
    .description(
      'train a run described by a run file, a template or flags; save it as a run file',
    )
    .option('--run <file>', 'start from the configuration of this run file')
    .option(
      '--template <id>',
      `start from a template: ${TEMPLATES.map((t) => t.id).join(', ')}`,
    )
    .option('--name <name>', 'run name')
    .option(
      '--dataset <name>',
      'circle, xor, gaussians, moons, spiral, blobs, multilabel, iris, wine, breast_cancer',
    )
    .option('--samples <n>', 'number of points (synthetic data)')
    .option('--noise <x>', 'noise level (synthetic data)')
    .option('--test-fraction <x>', 'fraction held out for testing')
    .option('--data-seed <n>', 'seed of the data and its split')
    .option('--classes <k>', 'spiral arms or blobs')
    .option('--labels <l>', 'labels per point (multilabel)')
    .option('--hidden <widths>', 'hidden layer widths, e.g. 16,16 ("" for none)')
    .option(
      '--activation <names>',
      'relu, leaky_relu, tanh, sigmoid, identity; one or one per layer',
    )
    .option('--negative-slope <x>', 'LeakyReLU slope')
    .option(
      '--threshold <p>',
      'probability above which a binary or multi-label output is positive',
    )
    .option('--outputs <n>', 'output units (default: what the data and loss need)')
    .addOption(new Option('--head <head>', 'output head').choices(HEADS))
    .addOption(new Option('--loss <loss>', 'loss module').choices(LOSSES))
    .addOption(new Option('--reduction <r>', 'loss reduction').choices(REDUCTIONS))
    .option('--weight <list>', 'per-class weights')
    .option('--pos-weight <list>', 'BCEWithLogitsLoss pos_weight')
    .option('--ignore-index <i>', 'class index to ignore')
    .option('--label-smoothing <x>', 'CrossEntropyLoss label smoothing')
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(OPTIMIZERS))
    .option('--lr <x>', 'learning rate')
    .option('--momentum <x>', 'SGD or RMSprop momentum')
    .option('--dampening <x>', 'SGD dampening')
    .option('--nesterov', 'SGD Nesterov momentum')
    .option('--weight-decay <x>', 'weight decay')
    .option('--betas <b1,b2>', 'Adam betas')
    .option('--eps <x>', 'Adam or RMSprop eps')
    .option('--amsgrad', 'Adam AMSGrad')
    .option('--alpha <x>', 'RMSprop alpha')
    .option('--centered', 'centred RMSprop')
    .option('--l1 <x>', 'L1 penalty on the weights')
    .option('--epochs <n>', 'epochs')
    .option('--batch-size <n>', 'mini-batch size')
    .option('--no-shuffle', 'keep the data order every epoch')
    .option('--target-loss <x>', 'stop when the train loss reaches this')
    .option('--seed <n>', 'seed of the initial weights and batch order')
    .addOption(new Option('--dtype <dtype>', 'floating-point type').choices(DTYPES))
    .option('--out <file>', 'where to save the run (default: NAME.logitlab.json)')
    .option('--json', 'print the final metrics as one JSON line')
    .option('--quiet', 'no progress')
    .action((o) => {
      process.exitCode = train(o);
    });
}

/** `loss` and its flags. */
function lossCommand(p: Command): void {
  p.command('loss')
    .description(
      'evaluate one loss on an input and a target; print the value and the gradient',
    )
    .addArgument(new Command().createArgument('<loss>', 'loss module').choices(LOSSES))
    .requiredOption(
      '--input <json>',
      'logits or probabilities, e.g. "[[2, -1], [0.5, 0.1]]"',
    )
    .requiredOption(
      '--target <json>',
      'class indices "[1, 0]" or floats shaped like the input',
    )
    .addOption(
      new Option('--reduction <r>', 'reduction').choices(REDUCTIONS).default('mean'),
    )
    .option('--weight <list>', 'per-class weights')
    .option('--pos-weight <list>', 'BCEWithLogitsLoss pos_weight')
    .option('--ignore-index <i>', 'class index to ignore')
    .option('--label-smoothing <x>', 'label smoothing')
    .addOption(
      new Option('--dtype <dtype>', 'floating-point type')
        .choices(DTYPES)
        .default('float64'),
    )
    .action((name: string, o) => {
      process.exitCode = loss(name, o);
    });
}

/** Runs the CLI; user errors print one line and exit with code 2. */
function main(argv: string[]): void {
  try {
    program().parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
    } else if (e instanceof UsageError) {
      console.error(`logit-lab: ${e.message}`);
      process.exitCode = 2;
    } else {
      console.error(`logit-lab: unexpected error: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
}

main(process.argv);
