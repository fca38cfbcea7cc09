// Browser tests of the playground page on the web server with the real engine (Web Worker).
/* global document */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  byId,
  canvasFingerprint,
  launchBrowser,
  openPlayground,
  RESULTS,
  setNumber,
  setTheme,
  shownEpoch,
  shownStatus,
  startServer,
  testAccuracy,
  waitForEpoch,
  waitForStatus,
} from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** Spiral data with two hidden layers of `units` tanh units, trained for `epochs`. */
async function buildSpiral(page, epochs, units = 32) {
  await byId(page, 'dataset').selectOption('spiral');
  while ((await page.locator('[data-testid^=remove-layer-]').count()) > 2) {
    await byId(page, 'remove-layer-0').click();
  }
  while ((await page.locator('[data-testid^=remove-layer-]').count()) < 2) {
    await byId(page, 'add-layer').click();
  }
  for (const i of [0, 1]) {
    await setNumber(page, `layer-units-${i}`, units);
    await byId(page, `layer-activation-${i}`).selectOption('tanh');
  }
  await setNumber(page, 'epochs', epochs);
  await byId(page, 'data-seed').press('Shift+Enter');
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=model-description]')
      ?.textContent?.includes('Tanh'),
  );
}

test('a two-hidden-layer model trains on spiral data: curves grow, the heatmap changes', async () => {
  const { page, errors } = await openPlayground(browser, server.url);
  await buildSpiral(page, 2000);
  assert.match(await byId(page, 'loss').inputValue(), /CrossEntropyLoss/);
  assert.match(await byId(page, 'model-description').textContent(), /out_features=32/);
  const heatmapBefore = await canvasFingerprint(page, 'heatmap');

  await byId(page, 'run').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=loss-chart]')?.dataset.points) >= 5,
  );
  const early = Number(await byId(page, 'loss-chart').getAttribute('data-points'));
  const heatmapEarly = await canvasFingerprint(page, 'heatmap');
  await waitForStatus(page, 'stopped');
  const late = Number(await byId(page, 'loss-chart').getAttribute('data-points'));

  assert.ok(late > early, `loss curve grew from ${early} to ${late} points`);
  assert.equal(late, 2000);
  assert.notEqual(heatmapEarly, heatmapBefore, 'heatmap changed after the first epochs');
  assert.notEqual(await canvasFingerprint(page, 'heatmap'), heatmapEarly);
  assert.ok((await testAccuracy(page)) > 0.8, 'spiral is learned');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('pause, step and reset (same initial weights)', async () => {
  const { page } = await openPlayground(browser, server.url);
  await buildSpiral(page, 100000, 16);
  await byId(page, 'run').click();
  await page.waitForFunction(() =>
    /epoch ([3-9]|\d\d+)/.test(document.querySelector('[data-testid=epoch]').textContent),
  );
  await byId(page, 'pause').click();
  await waitForStatus(page, 'paused');
  const paused = await shownEpoch(page);
  await page.waitForTimeout(500);
  assert.equal(await shownEpoch(page), paused, 'no epochs while paused');

  await byId(page, 'step').click();
  await waitForEpoch(page, paused + 1);
  await waitForStatus(page, 'paused');

  await byId(page, 'reset').click();
  await waitForEpoch(page, 0);
  assert.equal(await shownStatus(page), 'idle');
  await byId(page, 'step').click();
  await waitForEpoch(page, 1);
  const first = await byId(page, 'final-loss').textContent();
  await byId(page, 'reset').click();
  await waitForEpoch(page, 0);
  await byId(page, 'step').click();
  await waitForEpoch(page, 1);
  assert.equal(
    await byId(page, 'final-loss').textContent(),
    first,
    'reset repeats epoch 1',
  );
  await page.context().close();
});

test('a saved run opens again with its curves', async () => {
  const { page } = await openPlayground(browser, server.url);
  await buildSpiral(page, 20, 8);
  await byId(page, 'run').click();
  await waitForStatus(page, 'stopped');
  const trained = await byId(page, 'final-loss').textContent();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byId(page, 'save').click(),
  ]);
  const path = `${RESULTS}/saved-run.json`;
  await download.saveAs(path);

  await byId(page, 'reseed').click();
  await waitForEpoch(page, 0);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    byId(page, 'open').click(),
  ]);
  await chooser.setFiles(path);
  await waitForEpoch(page, 20);
  assert.equal(await byId(page, 'final-loss').textContent(), trained);
  assert.equal(await byId(page, 'loss-chart').getAttribute('data-points'), '20');
  await page.context().close();
});

test('real data with the defaults: breast cancer >= 95%, iris >= 90% test accuracy', async () => {
  const { page } = await openPlayground(browser, server.url);
  for (const [name, least, features] of [
    ['breast_cancer', 0.95, 30],
    ['iris', 0.9, 4],
  ]) {
    await byId(page, 'dataset').selectOption(name);
    await byId(page, 'run-all').click();
    await page.waitForFunction(
      (f) =>
        document
          .querySelector('[data-testid=data-summary]')
          .textContent.includes(`${f} features`) &&
        document.querySelector('[data-testid=status]').dataset.status === 'stopped',
      features,
    );
    const accuracy = await testAccuracy(page);
    assert.ok(accuracy >= least, `${name}: test accuracy ${accuracy} >= ${least}`);
  }
  await page.context().close();
});

test('screenshots in light, dark and high contrast', async () => {
  const { page, errors } = await openPlayground(browser, server.url);
  await buildSpiral(page, 150);
  await byId(page, 'run').click();
  await waitForStatus(page, 'stopped');
  await byId(page, 'heatmap').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=inspector]')
      .textContent.includes('Training point 0'),
  );
  assert.match(await byId(page, 'inspector').textContent(), /argmax/);
  for (const kind of ['light', 'dark', 'high-contrast']) {
    await setTheme(page, kind);
    await page.screenshot({ path: `${RESULTS}/playground-${kind}.png`, fullPage: true });
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('diagnostics and stale outputs follow the edits', async () => {
  const { page, errors } = await openPlayground(browser, server.url);
  await byId(page, 'dataset').selectOption('spiral');
  await byId(page, 'head').selectOption('softmax');
  assert.match(await byId(page, 'diagnostics').textContent(), /Double softmax/);
  await byId(page, 'dataset').selectOption('moons');
  assert.equal(await byId(page, 'loss').inputValue(), 'BCEWithLogitsLoss');
  await byId(page, 'head').selectOption('sigmoid');
  assert.match(await byId(page, 'diagnostics').textContent(), /Double sigmoid/);
  await byId(page, 'head').selectOption('none');
  assert.match(await byId(page, 'diagnostics').textContent(), /agree/);

  await byId(page, 'data-seed').press('Shift+Enter');
  await page.waitForFunction(() => !document.querySelector('.cell-output.stale'));
  await setNumber(page, 'epochs', 7);
  const stale = await page.$$eval('.cell', (cells) =>
    cells.map((c) => c.querySelector('.cell-output').classList.contains('stale')),
  );
  assert.deepEqual(stale, [false, false, false, true, true]);
  await byId(page, 'epochs').press('Shift+Enter');
  await waitForStatus(page, 'stopped');
  assert.equal(await shownEpoch(page), 7);
  assert.equal(await page.locator('.cell-output.stale').count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a value typed and then Run clicked trains with that value', async () => {
  const { page, errors } = await openPlayground(browser, server.url);
  await byId(page, 'add-layer').click();
  await byId(page, 'layer-units-2').fill('12');
  await byId(page, 'epochs').fill('5');
  await byId(page, 'run').click();
  await waitForStatus(page, 'stopped');
  assert.equal(await shownEpoch(page), 5);
  assert.match(await byId(page, 'model-description').textContent(), /out_features=12/);
  assert.equal(await page.locator('.cell.stale').count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});
