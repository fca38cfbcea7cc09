// The `logit-lab` CLI as a user runs it: a fresh bundle, real processes, real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'logit-lab-cli-'));
const cli = join(dir, 'cli.js');
const golden = (f: string) => new URL(`../golden/${f}`, import.meta.url).pathname;
const schema = JSON.parse(
  readFileSync(new URL('../../schemas/run.schema.json', import.meta.url), 'utf8'),
);

/** Runs the CLI with `args`; returns its exit code and output. */
function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  await build({
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: cli,
    loader: { '.csv': 'text' },
    logLevel: 'error',
  });
}, 60_000);

describe('logit-lab conformance', () => {
  it('passes every golden case and says so on its last line', () => {
    const r = run(
      'conformance',
      golden('losses.json'),
      golden('heads.json'),
      golden('training.json'),
    );
    expect(r.out.trim().split('\n').at(-1)).toBe('118 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('prints a failing case with expected and actual values, and exits non-zero', () => {
    const file = join(dir, 'bad.json');
    const cases = JSON.parse(readFileSync(golden('heads.json'), 'utf8')).cases.slice(
      0,
      2,
    );
    cases[1].expected.value[0][0] = 42;
    writeFileSync(file, JSON.stringify({ cases }));
    const r = run('conformance', file);
    expect(r.out).toMatch(/FAIL .*bad\.json .*: value\[0\]: expected 42, got /);
    expect(r.out.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
    expect(r.code).toBe(1);
  });
});

describe('logit-lab train', () => {
  it('trains a 3-arm spiral with logits + CrossEntropyLoss to >= 95% and writes a valid run file', () => {
    const out = join(dir, 'spiral.logitlab.json');
    const r = run(
      'train',
      '--dataset',
      'spiral',
      '--classes',
      '3',
      '--hidden',
      '32,32',
      '--loss',
      'CrossEntropyLoss',
      '--head',
      'none',
      '--epochs',
      '150',
      '--out',
      out,
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).trainAccuracy).toBeGreaterThanOrEqual(0.95);
    const validate = new Ajv({ strict: false }).compile(schema);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.model.outputs).toBe(3);
  });

  it('trains Breast Cancer Wisconsin with one logit + BCEWithLogitsLoss to >= 95% test accuracy', () => {
    const out = join(dir, 'bc.logitlab.json');
    const r = run(
      'train',
      '--dataset',
      'breast_cancer',
      '--loss',
      'BCEWithLogitsLoss',
      '--test-fraction',
      '0.3',
      '--epochs',
      '40',
      '--out',
      out,
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(JSON.parse(readFileSync(out, 'utf8')).model.outputs).toBe(1);
  });

  it('continues from a run file and refuses a malformed one in one line', () => {
    const bad = join(dir, 'broken.logitlab.json');
    writeFileSync(bad, '{"format": "logit-lab-run", "formatVersion": 1, "seed": "x"}');
    const r = run('train', '--run', bad);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/seed/);
  });

  it('refuses a wrong flag with exit code 2 and no stack trace', () => {
    for (const args of [
      ['train', '--bogus'],
      ['train', '--epochs', 'ten'],
      ['train', '--loss', 'Nope'],
    ]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('stops with one line and code 2 when the loss refuses what the model gives it', () => {
    const r = run('train', '--head', 'none', '--loss', 'BCELoss', '--epochs', '2');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n').at(-1)).toMatch(
      /^logit-lab: training stopped .*BCELoss needs/,
    );
  });

  it('warns about a head and loss that train badly, as the playground does', () => {
    const r = run(
      'train',
      '--head',
      'softmax',
      '--loss',
      'CrossEntropyLoss',
      '--outputs',
      '2',
      '--epochs',
      '1',
      '--quiet',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: Double softmax/m);
  });

  it('refuses --run with --template, and activations that do not match the layers', () => {
    expect(run('train', '--run', 'a.json', '--template', 'iris-ce').err).toMatch(
      /not both/,
    );
    const r = run('train', '--hidden', '8,8', '--activation', 'relu,tanh,sigmoid');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/3 activations for 2 hidden layers/);
  });

  it('never overwrites an existing run file unless told to with --out', () => {
    const first = JSON.parse(
      run('train', '--epochs', '1', '--name', 'same', '--json').out,
    );
    const second = JSON.parse(
      run('train', '--epochs', '1', '--name', 'same', '--json').out,
    );
    expect(first.runFile).toBe('same.logitlab.json');
    expect(second.runFile).toBe('same-2.logitlab.json');
  });

  it('refuses a model whose outputs do not fit the data, saying what to set', () => {
    const r = run(
      'train',
      '--dataset',
      'spiral',
      '--outputs',
      '2',
      '--loss',
      'CrossEntropyLoss',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs 3 output/);
  });

  it('never leaves a half-written file when it cannot write', () => {
    const r = run(
      'train',
      '--epochs',
      '1',
      '--out',
      join(dir, 'no', 'such', 'dir', 'x.json'),
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('logit-lab loss', () => {
  it('prints the value and gradient of CrossEntropyLoss on logits', () => {
    const r = run(
      'loss',
      'CrossEntropyLoss',
      '--input',
      '[[2, 0, -1]]',
      '--target',
      '[0]',
    );
    expect(r.code).toBe(0);
    // -log softmax([2, 0, -1])[0] = log(e² + 1 + e⁻¹) - 2
    const value = Math.log(Math.exp(2) + 1 + Math.exp(-1)) - 2;
    expect(Number(/loss \(mean\): (\S+)/.exec(r.out)![1])).toBeCloseTo(value, 12);
    expect(r.out).toMatch(/gradient d loss \/ d input: \[\[/);
  });

  it('prints per-element losses for reduction none, and a vector gradient for a vector input', () => {
    const r = run(
      'loss',
      'BCEWithLogitsLoss',
      '--input',
      '[0, 0]',
      '--target',
      '[1, 0]',
      '--reduction',
      'none',
    );
    expect(r.out).toMatch(/loss per element \(reduction none\): \[0\.693\d+,0\.693\d+\]/);
    expect(r.out).toMatch(/gradient d the sum of the losses \/ d input: \[-0\.5,0\.5\]/);
  });

  it('refuses logits given to BCELoss, suggesting BCEWithLogitsLoss', () => {
    const r = run('loss', 'BCELoss', '--input', '[1.7, 0.2]', '--target', '[1, 0]');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/BCEWithLogitsLoss/);
  });
});

describe('logit-lab schema', () => {
  it('prints the schema shipped in schemas/run.schema.json', () => {
    expect(JSON.parse(run('schema').out)).toEqual(schema);
  });
});
