// Shared helpers of the browser tests: the web server, Chromium, and reading the page.
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
/* global document */

/** Where screenshots and saved runs go. */
export const RESULTS = 'test-results';

/** Chromium flags for a sandbox-less container without network side traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Starts the web server (`dist/server.js`, as `npm start` does) on a free port and resolves
 * with its URL once it prints one; LOGIT_LAB_URL skips this and uses a running server.
 */
export async function startServer() {
  if (process.env.LOGIT_LAB_URL) return { url: process.env.LOGIT_LAB_URL, stop() {} };
  const child = spawn(process.execPath, ['dist/server.js'], {
    env: { ...process.env, PORT: String(20000 + Math.floor(Math.random() * 20000)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`server printed no URL: ${output}`)),
      15000,
    );
    const read = (chunk) => {
      output += chunk;
      const found = output.match(/https?:\/\/[^\s]+/);
      if (found) {
        clearTimeout(timer);
        resolve(found[0].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { url, stop: () => child.kill() };
}

/** Launches Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
export function launchBrowser() {
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens the playground in a new page and waits until the host's state is drawn; `init` runs
 * in the page before its own scripts.
 */
export async function openPlayground(browser, url, options = {}, init = undefined) {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
    ...options,
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid=status]:not(:empty)');
  return { page, errors };
}

/** The element with `data-testid` = `id`. */
export function byId(page, id) {
  return page.locator(`[data-testid="${id}"]`);
}

/** The epoch the progress line shows. */
export async function shownEpoch(page) {
  const text = await byId(page, 'epoch').textContent();
  return Number(/epoch (\d+)/.exec(text ?? '')?.[1] ?? NaN);
}

/** The run status the page shows (`idle`, `running`, `paused`, `stopped`, `error`). */
export function shownStatus(page) {
  return byId(page, 'status').getAttribute('data-status');
}

/** Waits until the status is `status`. */
export async function waitForStatus(page, status, timeout = 60000) {
  await page.waitForSelector(`[data-testid=status][data-status=${status}]`, { timeout });
}

/** The test accuracy in the final-loss line, in [0, 1]. */
export async function testAccuracy(page) {
  const text = await byId(page, 'final-loss').textContent();
  return Number(/([\d.]+)% test/.exec(text ?? '')?.[1] ?? NaN) / 100;
}

/** A short fingerprint of a canvas's pixels, to see whether it was redrawn differently. */
export function canvasFingerprint(page, id) {
  return byId(page, id).evaluate((canvas) => {
    const data = canvas.toDataURL();
    let hash = 0;
    for (let i = 0; i < data.length; i++) hash = (hash * 31 + data.charCodeAt(i)) | 0;
    return hash;
  });
}

/** Sets a number input and commits it as the user would (change event). */
export async function setNumber(page, id, value) {
  await byId(page, id).fill(String(value));
  await byId(page, id).dispatchEvent('change');
}

/** Sets the page's theme through the web page's picker. */
export async function setTheme(page, kind) {
  await byId(page, 'theme').selectOption(kind);
  await page.waitForTimeout(300);
}

/** Waits until the page shows epoch `n` everywhere: progress line and final-loss line. */
export async function waitForEpoch(page, n) {
  await page.waitForFunction((epoch) => {
    const progress = document.querySelector('[data-testid=epoch]').textContent;
    const final = document.querySelector('[data-testid=final-loss]').textContent;
    const shown =
      epoch === 0 ? final.startsWith('Not trained') : final.startsWith(`Epoch ${epoch}:`);
    return progress.startsWith(`epoch ${epoch} `) && shown;
  }, n);
}
