import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../../src/engine/runfile';
import { repoRoot } from './harness/codeServer';
import { expectCleanLogs, hasExtension, useSession } from './harness/fixtures';
import { Playground } from './harness/playground';
import { waitFor } from './harness/processes';

const fileName = 'moons.logitlab.json';

/** Checks `text` against schemas/run.schema.json; returns the schema's complaints. */
function schemaErrors(text: string): string {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, 'schemas/run.schema.json'), 'utf8'),
  );
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate(JSON.parse(text)) ? '' : JSON.stringify(validate.errors, null, 2);
}

/** Save Run writes a run file; the explorer opens it in the playground; text view works. */
describe.skipIf(!hasExtension())('saving and opening runs', () => {
  const session = useSession();
  let trainedLoss = '';

  it('trains the default run and saves it into the workspace', async () => {
    const { workbench, workspace } = session();
    await workbench.runCommand('Logit Lab: Open Playground');
    const playground = await Playground.find(workbench);
    await playground.run();
    await playground.waitForStatus(['stopped'], 120_000);
    trainedLoss = await playground.finalLoss();

    await workbench.runCommand('Logit Lab: Save Run');
    const path = join(workspace, fileName);
    await workbench.answerFileDialog(path);
    await waitFor('the run file to be written', () => existsSync(path) || undefined);
    await expect.poll(() => playground.fileName()).toBe(fileName);
    await workbench.screenshot('run-files-1-saved');
  });

  it('wrote a file that validates against schemas/run.schema.json', () => {
    const text = readFileSync(join(session().workspace, fileName), 'utf8');
    expect(schemaErrors(text)).toBe('');
    const run = parseRunFile(text);
    expect(run.history).toHaveLength(run.training.epochs);
    expect(run.weights.final.length).toBe(run.model.hidden.length + 1);
  });

  it('opens the file from the explorer in the playground, with the same final loss', async () => {
    const { workbench } = session();
    await workbench.runCommand('View: Close All Editors');
    await workbench.openFromExplorer(fileName);
    const editor = await Playground.find(workbench);
    await expect.poll(() => editor.finalLoss()).toBe(trainedLoss);
    expect(await editor.lossPoints()).toBe(100);
    expect(await editor.fileName()).toBe(fileName);
    await workbench.screenshot('run-files-2-reopened');
  });

  it('reopens the file as text with "Reopen Editor With…"', async () => {
    const { workbench } = session();
    await workbench.runCommand('View: Reopen Editor With...');
    await workbench.pickItem('Text Editor');
    await expect.poll(() => workbench.editorText()).toContain('"logit-lab-run"');
    await workbench.screenshot('run-files-3-as-text');
  });

  it('logged no CSP violation and no error', () => {
    expectCleanLogs(session());
  });
});
