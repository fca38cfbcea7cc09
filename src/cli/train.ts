/** `logit-lab train`: trains a run from a run file, a template or flags, and saves it. */
import { existsSync } from 'node:fs';
import type { RunConfig } from '../engine/config';
import { diagnose } from '../engine/diagnose';
import { LossError } from '../engine/losses';
import { configOf, parseRunFile, stringifyRunFile, toRunFile } from '../engine/runfile';
import { DEFAULT_RUN, TEMPLATES } from '../engine/templates';
import { Trainer, type EpochMetrics } from '../engine/trainer';
import { applyFlags, type TrainFlags } from './flags';
import { readText, UsageError, writeAtomically } from './io';

/** Trains, prints progress to stderr and the final metrics to stdout; returns the exit code. */
export function train(flags: TrainFlags): number {
  const config = applyFlags(baseConfig(flags), flags);
  let trainer: Trainer;
  try {
    trainer = new Trainer(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const quiet = flags.quiet === true;
  if (!quiet) console.error(`Training "${config.name}": ${describe(config)}`);
  for (const d of diagnose(config)) console.error(`${d.level}: ${d.message}`);
  trainAll(trainer, quiet);
  const out = typeof flags.out === 'string' ? flags.out : freeName(slug(config.name));
  const text = stringifyRunFile(toRunFile(trainer));
  parseRunFile(text);
  writeAtomically(out, text);
  report(trainer, out, flags.json === true);
  return trainer.stopped?.reason === 'diverged' ? 1 : 0;
}

/** Trains every epoch; a loss that refuses its input stops the CLI with that message. */
function trainAll(trainer: Trainer, quiet: boolean): void {
  try {
    while (!trainer.done) {
      const metrics = trainer.runEpoch();
      if (metrics && !quiet) progress(metrics, trainer.config.training.epochs);
    }
  } catch (e) {
    if (!(e instanceof LossError)) throw e;
    throw new UsageError(`training stopped at epoch ${trainer.epoch + 1}: ${e.message}`);
  } finally {
    if (!quiet && process.stderr.isTTY) process.stderr.write('\n');
  }
}

/** `base.logitlab.json`, or `base-2.logitlab.json` and so on: never an existing file. */
function freeName(base: string): string {
  let name = `${base}.logitlab.json`;
  for (let i = 2; existsSync(name); i++) name = `${base}-${i}.logitlab.json`;
  return name;
}

/** The run file's configuration, a template's, or the default run. */
function baseConfig(flags: TrainFlags): RunConfig {
  if (typeof flags.run === 'string' && typeof flags.template === 'string') {
    throw new UsageError(
      'give --run or --template, not both: flags then change what you start from',
    );
  }
  if (typeof flags.run === 'string') {
    try {
      return configOf(parseRunFile(readText(flags.run)));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${flags.run}: ${(e as Error).message.replace(/\n/g, ' ')}`);
    }
  }
  if (typeof flags.template === 'string') {
    const t = TEMPLATES.find((x) => x.id === flags.template);
    if (!t) {
      const ids = TEMPLATES.map((x) => x.id).join(', ');
      throw new UsageError(
        `--template: unknown template "${flags.template}": use one of ${ids}`,
      );
    }
    return t.config;
  }
  return DEFAULT_RUN;
}

/** One line: data, model, head, loss, optimizer. */
function describe(c: RunConfig): string {
  const widths = [
    ...c.model.hidden.map((l) => `${l.units} ${l.activation}`),
    `${c.model.outputs}`,
  ];
  return (
    `${c.dataset.name}, [${widths.join(', ')}], head ${c.model.head}, ${c.loss.name}, ` +
    `${c.optimizer.name} lr=${c.optimizer.lr}, ${c.training.epochs} epochs, ${c.dtype}`
  );
}

/** An epoch's progress: redrawn in place on a terminal, every tenth of the run otherwise. */
function progress(m: EpochMetrics, epochs: number): void {
  const line =
    `epoch ${m.epoch}/${epochs}  train loss ${m.trainLoss.toFixed(4)}  ` +
    `acc ${pct(m.trainAccuracy)}  test acc ${pct(m.testAccuracy)}  ` +
    `${Math.round(m.steps / Math.max(m.elapsedMs / 1000, 1e-9))} steps/s`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  else if (m.epoch % Math.max(1, Math.floor(epochs / 10)) === 0) console.error(line);
}

/** The final metrics, as text or one JSON line. */
function report(trainer: Trainer, out: string, json: boolean): void {
  const last = trainer.history.at(-1);
  const summary = {
    name: trainer.config.name,
    stopped: trainer.stopped?.reason,
    message: trainer.stopped?.message,
    epochs: trainer.epoch,
    trainLoss: last?.trainLoss,
    testLoss: last?.testLoss,
    trainAccuracy: last?.trainAccuracy,
    testAccuracy: last?.testAccuracy,
    seconds: (last?.elapsedMs ?? 0) / 1000,
    runFile: out,
  };
  if (json) return console.log(JSON.stringify(summary));
  console.log(trainer.stopped?.message);
  if (last) {
    console.log(
      `train loss ${last.trainLoss.toFixed(6)}   test loss ${last.testLoss.toFixed(6)}`,
    );
    console.log(
      `train accuracy ${pct(last.trainAccuracy)}   test accuracy ${pct(last.testAccuracy)}`,
    );
  }
  console.log(`Saved the run to ${out}`);
}

/** A fraction as a percentage with one decimal, or "n/a". */
function pct(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a';
}

/** A file-name-safe form of a run's name. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'run'
  );
}
