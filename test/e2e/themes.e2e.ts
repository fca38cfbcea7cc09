import { describe, expect, it } from 'vitest';
import { expectCleanLogs, hasExtension, useSession } from './harness/fixtures';
import { Playground, type CanvasColours } from './harness/playground';

/** The theme kinds to visit: picker label and the body class VS Code gives the webview. */
const themes = [
  { label: 'Dark Modern', bodyClass: 'vscode-dark' },
  { label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
];

/** Colours of the chart and the heatmap under one theme. */
interface Painted {
  chart: CanvasColours;
  heatmap: CanvasColours;
}

/** Switching VS Code's theme recolours the loss chart and the decision heatmap. */
describe.skipIf(!hasExtension())('themes', () => {
  const session = useSession({
    settings: { 'workbench.colorTheme': 'Default Light Modern' },
  });
  let playground: Playground;
  let previous: Painted;

  const painted = async (): Promise<Painted> => ({
    chart: await playground.canvasColours('loss-chart'),
    heatmap: await playground.canvasColours('heatmap'),
  });

  it('trains under the light theme', async () => {
    const { workbench } = session();
    await workbench.runCommand('Logit Lab: Open Playground');
    playground = await Playground.find(workbench);
    expect(await playground.bodyThemeClass()).toBe('vscode-light');
    await playground.run();
    await playground.waitForStatus(['stopped'], 120_000);
    await playground.byId('heatmap').scrollIntoViewIfNeeded();
    previous = await painted();
    expect(previous.heatmap.distinct).toBeGreaterThan(20);
    await workbench.screenshot('theme-light');
  });

  for (const theme of themes) {
    it(`recolours the chart and the heatmap under ${theme.label}`, async () => {
      const { workbench } = session();
      await workbench.setColorTheme(theme.label);
      await expect.poll(() => playground.bodyThemeClass()).toBe(theme.bodyClass);
      await expect
        .poll(async () => (await painted()).heatmap.fingerprint, { timeout: 10_000 })
        .not.toBe(previous.heatmap.fingerprint);
      const now = await painted();
      expect(now.heatmap.mean).not.toEqual(previous.heatmap.mean);
      expect(now.chart.fingerprint).not.toBe(previous.chart.fingerprint);
      previous = now;
      await workbench.screenshot(`theme-${theme.bodyClass}`);
    });
  }

  it('logged no CSP violation and no error', () => {
    expectCleanLogs(session());
  });
});
