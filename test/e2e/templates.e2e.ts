import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/engine/templates';
import { expectCleanLogs, hasExtension, useSession } from './harness/fixtures';
import { Playground } from './harness/playground';

const command = 'Logit Lab: New Run from Template…';

/** "New Run from Template…" offers every template, and each one trains without error. */
describe.skipIf(!hasExtension())('new run from template', () => {
  const session = useSession();

  it('offers every template', async () => {
    const { workbench, page } = session();
    await workbench.runCommand(command);
    await workbench.quickInput.locator('.monaco-list-row').first().waitFor();
    const labels = await workbench.quickPickLabels();
    for (const template of TEMPLATES) expect(labels).toContain(template.label);
    await workbench.screenshot('templates-offered');
    await page.keyboard.press('Escape');
  });

  for (const template of TEMPLATES) {
    it(`trains "${template.label}" without error`, async () => {
      const { workbench } = session();
      await workbench.runCommand(command);
      await workbench.pickItem(template.label);
      await expect
        .poll(() => workbench.activeTabTitle(), { timeout: 30_000 })
        .toBe(`Logit Lab: ${template.config.name}`);
      const playground = await Playground.find(workbench);
      await expect.poll(() => playground.lossPoints()).toBe(0);
      await playground.run();
      expect(await playground.waitForStatus(['stopped', 'error'], 120_000)).toBe(
        'stopped',
      );
      expect(await playground.lossPoints()).toBe(template.config.training.epochs);
      expect(await playground.finalLoss()).not.toMatch(/NaN|n\/a/);
      expect(await playground.byId('notice').textContent()).toBe('');
    });
  }

  it('logged no CSP violation and no error', () => {
    expectCleanLogs(session());
  });
});
