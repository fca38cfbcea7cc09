import { describe, expect, it } from 'vitest';
import { expectCleanLogs, hasExtension, useSession } from './harness/fixtures';
import { Playground } from './harness/playground';

/** From the command palette to a trained model, as a new user would go. */
describe.skipIf(!hasExtension())('palette to training', () => {
  const session = useSession();
  let playground: Playground;

  it('offers the Logit Lab commands in the palette and opens the playground', async () => {
    const { workbench } = session();
    await workbench.openPaletteAt('Logit Lab: Open Playground', 'Logit Lab');
    const labels = await workbench.quickPickLabels();
    expect(labels).toContain('Logit Lab: New Run from Template…');
    expect(labels).toContain('Logit Lab: Open Run…');
    await workbench.pickItem('Logit Lab: Open Playground');
    playground = await Playground.find(workbench);
    expect(await playground.status()).toBe('idle');
    expect(await playground.lossPoints()).toBe(0);
    await workbench.screenshot('training-1-opened');
  });

  it('builds a model: a third hidden layer of 12 units', async () => {
    const before = await playground.byId('param-count').textContent();
    await playground.byId('add-layer').click();
    const units = playground.byId('layer-units-2');
    // As a user does: type the width, then Shift+Enter to run the cell.
    await units.fill('12');
    await units.press('Shift+Enter');
    await expect
      .poll(() => playground.byId('model-description').textContent())
      .toMatch(/Linear\(in_features=16, out_features=12/);
    expect(await playground.byId('param-count').textContent()).not.toBe(before);
  });

  it('trains: the loss chart gains points and the heatmap is drawn', async () => {
    const { workbench } = session();
    const heatmapBefore = await playground.canvasColours('heatmap');
    // Enough epochs that the chart is seen growing over several updates: the engine trains
    // the default 100 in a fraction of a second.
    await playground.byId('epochs').fill('1500');
    await playground.byId('epochs').press('Tab');
    await playground.recordAttribute('loss-chart', 'data-points');
    await playground.run();
    // The first click counts, even right after Shift+Enter in the Model cell.
    await playground.waitForStatus(['running', 'stopped'], 10_000);
    await playground.waitForStatus(['stopped'], 120_000);
    const seen = (await playground.recordedValues('loss-chart')).map(Number);
    const epochs = Number(await playground.byId('epochs').inputValue());
    expect(await playground.lossPoints()).toBe(epochs);
    expect(new Set(seen).size, `loss chart sizes: ${seen.join(', ')}`).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await playground.heatmapEpoch()).toBe(epochs);
    const heatmap = await playground.canvasColours('heatmap');
    expect(heatmap.distinct).toBeGreaterThan(20);
    expect(heatmap.fingerprint).not.toBe(heatmapBefore.fingerprint);
    expect(await playground.finalLoss()).toMatch(
      new RegExp(`^Epoch ${epochs}: train loss`),
    );
    await workbench.screenshot('training-2-trained');
  });

  it('logged no CSP violation and no error', () => {
    expectCleanLogs(session());
  });
});
