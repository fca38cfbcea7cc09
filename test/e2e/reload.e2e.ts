import { describe, expect, it } from 'vitest';
import { expectCleanLogs, hasExtension, useSession } from './harness/fixtures';
import { Playground } from './harness/playground';
import { sleep } from './harness/processes';

/** Reloading the window brings the playground back with its trained run. */
describe.skipIf(!hasExtension())('reload the window', () => {
  const session = useSession();

  it('restores the panel with its state after "Developer: Reload Window"', async () => {
    const { workbench } = session();
    await workbench.runCommand('Logit Lab: Open Playground');
    const before = await Playground.find(workbench);
    await before.run();
    await before.waitForStatus(['stopped'], 120_000);
    const loss = await before.finalLoss();
    const points = await before.lossPoints();
    // The host keeps the run in workspace state once training stops: give it a moment.
    await sleep(1_500);

    session().log.clear();
    await workbench.reloadWindow();
    const after = await Playground.find(workbench);
    await expect.poll(() => after.finalLoss(), { timeout: 30_000 }).toBe(loss);
    expect(await after.lossPoints()).toBe(points);
    // A restored run is shown as loaded (idle) or as it stopped; never running or failed.
    expect(['idle', 'stopped']).toContain(await after.status());
    expect(await workbench.activeTabTitle()).toMatch(/^Logit Lab/);
    await workbench.screenshot('reload-restored');
  });

  it('logged no CSP violation and no error', () => {
    expectCleanLogs(session());
  });
});
