// `npm run bench:ui`: drives the web page in Chromium while a 2-32-32-5 model trains on 2,000
// spiral points, and measures what reaches the page: progress updates per second, frame times
// while training, and the time from Run to the first point on the loss chart.
// `--write` also records the results in BENCHMARKS.md under their own heading.
/* global document, performance, requestAnimationFrame, MutationObserver */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  byId,
  launchBrowser,
  openPlayground,
  setNumber,
  startServer,
} from '../test/ui/helpers.mjs';

const TRAIN_SECONDS = 8;
const HEADING = '## The page while training (`npm run bench:ui`)';

/** Counts progress messages and frame times in the page, from before its scripts run. */
function instrument() {
  const w = globalThis;
  w.__bench = { updates: [], frames: [], recording: false };
  w.addEventListener('message', (event) => {
    if (event.data?.type === 'progress' && w.__bench.recording) {
      w.__bench.updates.push(performance.now());
    }
  });
  let last = performance.now();
  const frame = (now) => {
    if (w.__bench.recording) w.__bench.frames.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Builds the benchmark's run through the page's own controls. */
async function buildRun(page) {
  await byId(page, 'dataset').selectOption('spiral');
  await setNumber(page, 'classes', 5);
  await setNumber(page, 'samples', 2000);
  await setNumber(page, 'test-fraction', 0.2);
  for (const i of [0, 1]) {
    await setNumber(page, `layer-units-${i}`, 32);
    await byId(page, `layer-activation-${i}`).selectOption('relu');
  }
  await setNumber(page, 'epochs', 100000);
  await setNumber(page, 'batch-size', 32);
  await byId(page, 'data-seed').press('Shift+Enter');
  await page.waitForFunction(() => {
    const text =
      document.querySelector('[data-testid=model-description]')?.textContent ?? '';
    return text.includes('in_features=32, out_features=5');
  });
}

/** Clicks Run and resolves with the milliseconds until the loss chart has a point. */
function timeToFirstPoint(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const chart = document.querySelector('[data-testid=loss-chart]');
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (Number(chart.dataset.points) < 1) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(chart, { attributes: true, attributeFilter: ['data-points'] });
        globalThis.__bench.recording = true;
        document.querySelector('[data-testid=run]').click();
      }),
  );
}

/** The q-quantile of sorted numbers. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Measures one training stretch and returns the numbers. */
async function measure(page) {
  const firstPoint = await timeToFirstPoint(page);
  await sleep(TRAIN_SECONDS * 1000);
  const sample = await page.evaluate(() => {
    const bench = globalThis.__bench;
    bench.recording = false;
    const epoch = document.querySelector('[data-testid=epoch]').textContent;
    const speed = document.querySelector('[data-testid=speed]').textContent;
    return { updates: bench.updates, frames: bench.frames, epoch, speed };
  });
  await byId(page, 'pause').click();
  const span = (sample.updates.at(-1) - sample.updates[0]) / 1000;
  const frames = [...sample.frames].sort((a, b) => a - b);
  return {
    firstPoint,
    updatesPerSecond: (sample.updates.length - 1) / span,
    frameP50: quantile(frames, 0.5),
    frameP95: quantile(frames, 0.95),
    frameMax: frames.at(-1),
    longFrames: frames.filter((f) => f > 50).length,
    frames: frames.length,
    epoch: sample.epoch,
    speed: sample.speed,
  };
}

/** A Markdown table with padded columns (as the formatter writes it); the first row heads it. */
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (cells) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const rule = line(widths.map((w) => '-'.repeat(w)));
  return [line(rows[0]), rule, ...rows.slice(1).map(line)];
}

/** The results as a Markdown section. */
function report(r, chromium) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  return [
    HEADING,
    '',
    `Spiral, 5 classes, 2,000 points (1,600 train), model 2-32-32-5 (ReLU), CrossEntropyLoss,`,
    `Adam, batch 32, float32; training in the page's Web Worker for ${TRAIN_SECONDS} s,`,
    `headless Chromium ${chromium} (\`--disable-gpu\`), ${new Date().toISOString().slice(0, 10)}.`,
    'Frame times are the intervals between animation frames (16.7 ms at 60 Hz); the page',
    'redraws curves and heatmap at most once a frame, confusion and histogram at most 4 times',
    'a second. Updates are the `progress` messages the page receives; the host sends at most',
    '`settings.updatesPerSecond` of them a second.',
    '',
    ...table([
      ['Measure', 'Value'],
      ['Progress updates reaching the page', `${r.updatesPerSecond.toFixed(1)} /s`],
      ['Frame time while training, median', ms(r.frameP50)],
      ['Frame time while training, 95th percentile', ms(r.frameP95)],
      ['Frame time while training, worst', ms(r.frameMax)],
      ['Frames over 50 ms', `${r.longFrames} of ${r.frames}`],
      ['Run to first loss-chart point', ms(r.firstPoint)],
      ['Training reached', `${r.epoch}, ${r.speed}`],
    ]),
    '',
  ].join('\n');
}

/** Puts `section` into BENCHMARKS.md, replacing an older copy of it, leaving the rest. */
function record(section) {
  const file = 'BENCHMARKS.md';
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(HEADING);
  if (start < 0) return writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
  const next = text.indexOf('\n## ', start + HEADING.length);
  const rest = next < 0 ? '' : text.slice(next + 1);
  writeFileSync(file, `${text.slice(0, start)}${section}${rest ? `\n${rest}` : ''}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPlayground(browser, server.url, {}, instrument);
  await buildRun(page);
  await byId(page, 'heatmap').scrollIntoViewIfNeeded();
  const results = await measure(page);
  const section = report(results, browser.version());
  console.log(section);
  if (process.argv.includes('--write')) record(section);
} finally {
  await browser.close();
  server.stop();
}
