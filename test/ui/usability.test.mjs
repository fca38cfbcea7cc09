// Browser tests of what a first-time user runs into: notices, refused values, saving, themes.
/* global document, getComputedStyle */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
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

/** Types `text` into the text input `id` and commits it. */
async function setText(page, id, text) {
  await byId(page, id).fill(text);
  await byId(page, id).dispatchEvent('change');
}

/** Whether the input `id` is marked invalid, and the message under it. */
async function invalidMark(page, id) {
  return byId(page, id).evaluate((input) => ({
    invalid: input.getAttribute('aria-invalid') === 'true',
    message: document.getElementById(`${input.id}-error`)?.textContent ?? '',
  }));
}

test('a failed run leaves a notice that goes when the next run starts, or when closed', async () => {
  const { page } = await openPlayground(browser, server.url);
  await setNumber(page, 'epochs', 3);
  await byId(page, 'loss').selectOption('BCELoss');
  await byId(page, 'run-all').click();
  await waitForStatus(page, 'error');
  assert.equal(await byId(page, 'notice').isVisible(), true);
  assert.match(await byId(page, 'notice').textContent(), /BCELoss/);

  await byId(page, 'loss').selectOption('BCEWithLogitsLoss');
  await byId(page, 'run-all').click();
  await waitForStatus(page, 'stopped');
  assert.equal(await byId(page, 'notice').isVisible(), false);
  assert.match(
    await byId(page, 'status').textContent(),
    /^Done: Trained (all )?3 epochs\./,
  );

  await byId(page, 'loss').selectOption('BCELoss');
  await byId(page, 'run-all').click();
  await waitForStatus(page, 'error');
  const close = byId(page, 'notice-close');
  assert.equal(await close.getAttribute('aria-label'), 'Close notice');
  await close.focus();
  await page.keyboard.press('Enter');
  assert.equal(await byId(page, 'notice').isVisible(), false);
  await page.context().close();
});

test('an invalid value is marked and nothing runs; the other edits are kept', async () => {
  const { page, errors } = await openPlayground(browser, server.url);
  await setNumber(page, 'samples', -5);
  await setNumber(page, 'batch-size', 8);
  await setNumber(page, 'epochs', 4);
  await byId(page, 'run-all').click();
  await page.waitForTimeout(300);

  assert.equal(await byId(page, 'samples').inputValue(), '-5');
  assert.equal(await byId(page, 'batch-size').inputValue(), '8');
  assert.deepEqual(await invalidMark(page, 'samples'), {
    invalid: true,
    message: 'Enter a whole number from 1 to 100000.',
  });
  assert.equal(await byId(page, 'samples').getAttribute('max'), '100000');
  assert.match(
    await byId(page, 'notice').textContent(),
    /^Samples: enter a whole number/,
  );
  assert.equal(await shownStatus(page), 'idle');
  assert.equal(
    await page.evaluate(() => document.activeElement?.dataset.testid),
    'samples',
  );

  await setNumber(page, 'samples', 300);
  assert.equal((await invalidMark(page, 'samples')).invalid, false);
  await byId(page, 'run-all').click();
  await waitForStatus(page, 'stopped');
  assert.equal(await shownEpoch(page), 4);
  assert.match(
    await byId(page, 'data-summary').textContent(),
    /^240 training and 60 test/,
  );
  assert.equal(await byId(page, 'batch-size').inputValue(), '8');
  assert.equal(await byId(page, 'notice').isVisible(), false);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('what the page shows is what trains: a refused weight blocks the run', async () => {
  const { page } = await openPlayground(browser, server.url);
  await setNumber(page, 'epochs', 3);
  await setText(page, 'loss-weight', '1,2,3');
  await byId(page, 'run').click();
  await waitForStatus(page, 'error');

  await setText(page, 'loss-weight', '-1');
  assert.equal(await byId(page, 'loss-weight').inputValue(), '-1');
  assert.equal((await invalidMark(page, 'loss-weight')).invalid, true);
  await byId(page, 'run').click();
  await page.waitForTimeout(300);
  assert.equal(await shownStatus(page), 'error', 'nothing was sent');
  assert.match(await byId(page, 'notice').textContent(), /^weight: enter numbers/);

  await setText(page, 'loss-weight', '2');
  await byId(page, 'run').click();
  await waitForStatus(page, 'stopped');
  assert.equal(await byId(page, 'loss-weight').inputValue(), '2');
  await page.context().close();
});

test('no silent coercion: out-of-range and empty values stay as typed, marked', async () => {
  const { page } = await openPlayground(browser, server.url);
  const cases = [
    ['epochs', '0', /from 1 to 100000/],
    ['layer-units-0', '100000', /from 1 to 1024/],
    ['layer-units-1', '2.5', /whole number/],
    ['lr', '', /a number > 0/],
    ['loss-weight', 'abc', /numbers ≥ 0/],
  ];
  for (const [id, text, message] of cases) {
    await setText(page, id, text);
    assert.equal(await byId(page, id).inputValue(), text, id);
    const mark = await invalidMark(page, id);
    assert.equal(mark.invalid, true, id);
    assert.match(mark.message, message, id);
  }
  await byId(page, 'step').click();
  await page.waitForTimeout(300);
  assert.equal(await shownEpoch(page), 0);
  await page.context().close();
});

test('Add layer says why it is off at 8 hidden layers', async () => {
  const { page } = await openPlayground(browser, server.url);
  while (!(await byId(page, 'add-layer').isDisabled()))
    await byId(page, 'add-layer').click();
  assert.equal(await page.locator('[data-testid^=remove-layer-]').count(), 8);
  const add = byId(page, 'add-layer');
  assert.equal(await add.getAttribute('title'), 'At most 8 hidden layers');
  assert.equal(await add.getAttribute('aria-description'), 'At most 8 hidden layers');
  assert.equal(await byId(page, 'layer-limit').isVisible(), true);
  await byId(page, 'remove-layer-7').click();
  assert.equal(await byId(page, 'layer-limit').isVisible(), false);
  await page.context().close();
});

test('Save As asks for a name on the page; both saves confirm', async () => {
  const { page } = await openPlayground(browser, server.url);
  await byId(page, 'save-as').click();
  assert.equal(await byId(page, 'save-prompt').isVisible(), true);
  await byId(page, 'save-name').fill('my moons');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byId(page, 'save-name').press('Enter'),
  ]);
  assert.equal(download.suggestedFilename(), 'my moons.logitlab.json');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=notice]')?.textContent?.includes('Saved'),
  );
  assert.match(await byId(page, 'notice').textContent(), /Saved the run as my moons/);
  assert.equal(await byId(page, 'save-prompt').isVisible(), false);
  assert.equal(await byId(page, 'file-name').textContent(), 'my moons.logitlab.json');

  await byId(page, 'notice-close').click();
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    byId(page, 'save').click(),
  ]);
  assert.equal(again.suggestedFilename(), 'my moons.logitlab.json');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=notice]')?.textContent?.includes('Saved'),
  );

  await byId(page, 'save-as').click();
  await page.keyboard.press('Escape');
  assert.equal(await byId(page, 'save-prompt').isVisible(), false);
  await page.context().close();
});

test('the theme repaints the preview and is kept across a reload', async () => {
  const { page } = await openPlayground(browser, server.url);
  const light = await canvasFingerprint(page, 'data-preview');
  await setTheme(page, 'dark');
  assert.notEqual(await canvasFingerprint(page, 'data-preview'), light);
  await page.reload();
  await page.waitForSelector('[data-testid=status]:not(:empty)');
  assert.equal(await page.evaluate(() => document.body.className), 'vscode-dark');
  assert.equal(await byId(page, 'theme').inputValue(), 'dark');
  await page.context().close();
});

test('multi-label pictures: legends name the colours, the histogram follows the shading', async () => {
  const { page, errors } = await openPlayground(browser, server.url);
  await byId(page, 'dataset').selectOption('multilabel');
  await setNumber(page, 'epochs', 20);
  await byId(page, 'run-all').click();
  await waitForStatus(page, 'stopped');
  const names = (id) => page.locator(`[data-testid=${id}] li`).allTextContents();
  assert.deepEqual(await names('data-legend'), ['right', 'upper', 'disc', 'no label']);
  const before = await canvasFingerprint(page, 'histogram');
  await byId(page, 'shade').selectOption('1');
  assert.deepEqual(await names('heatmap-legend'), ['upper on', 'upper off']);
  await page.waitForTimeout(400);
  assert.notEqual(await canvasFingerprint(page, 'histogram'), before);
  assert.equal(await byId(page, 'confusion-epoch').textContent(), '');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('pictures say when they show the untrained model, and that iris is a 2-D slice', async () => {
  const { page } = await openPlayground(browser, server.url);
  await byId(page, 'dataset').selectOption('iris');
  await byId(page, 'data-seed').press('Shift+Enter');
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=data-summary]')
      ?.textContent?.includes('4 features'),
  );
  await page.waitForTimeout(400);
  for (const id of ['heatmap-epoch', 'confusion-epoch', 'histogram-epoch'])
    assert.equal(await byId(page, id).textContent(), 'untrained model (epoch 0)', id);
  assert.match(
    await byId(page, 'heatmap-slice').textContent(),
    /other 2 features are held at their training means/,
  );
  await page.context().close();
});

test('a refused run file is shown line by line', async () => {
  const { page } = await openPlayground(browser, server.url);
  const path = `${RESULTS}/broken.logitlab.json`;
  writeFileSync(
    path,
    JSON.stringify({ format: 'logit-lab-run', formatVersion: 1, seed: 'x' }),
  );
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    byId(page, 'open').click(),
  ]);
  await chooser.setFiles(path);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=notice]')?.textContent?.includes('invalid'),
  );
  const text = page.locator('[data-testid=notice] .notice-text');
  assert.equal(await text.evaluate((p) => getComputedStyle(p).whiteSpace), 'pre-line');
  const box = await text.boundingBox();
  assert.ok(box && box.height > 60, `several lines (${box?.height} px high)`);
  await page.context().close();
});

test('the web page starts a run from a template, as VS Code does from the palette', async () => {
  const { page } = await openPlayground(browser, server.url);
  const labels = await byId(page, 'template')
    .locator('option')
    .evaluateAll((options) => options.map((o) => o.textContent));
  assert.equal(labels.length, 10);
  await byId(page, 'template').selectOption('multiclass-logsoftmax-nll');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=dataset]')?.value === 'blobs',
  );
  assert.equal(await byId(page, 'head').inputValue(), 'log_softmax');
  assert.equal(await byId(page, 'loss').inputValue(), 'NLLLoss');
  assert.equal(await byId(page, 'template').inputValue(), '');
  await setNumber(page, 'epochs', 5);
  await byId(page, 'run-all').click();
  await waitForStatus(page, 'stopped');
  assert.equal(await shownEpoch(page), 5);
});
