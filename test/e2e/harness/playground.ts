import type { Frame, Locator } from 'playwright-core';
import { waitFor } from './processes';
import type { Workbench } from './workbench';

/** A run status as the page shows it in `data-status`. */
export type ShownStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'error';

/** Colours of a canvas: how many distinct ones, and the mean of its opaque pixels. */
export interface CanvasColours {
  distinct: number;
  opaque: number;
  mean: [number, number, number];
  fingerprint: number;
}

/** The playground page inside its webview, reached by the `data-testid`s of src/webview. */
export class Playground {
  private constructor(
    readonly workbench: Workbench,
    readonly frame: Frame,
  ) {}

  /** Waits for the playground's webview and for its first drawn state. */
  static async find(workbench: Workbench, timeoutMs = 60_000): Promise<Playground> {
    const frame = await workbench.webviewFrame(
      '[data-testid="status"][data-status]',
      timeoutMs,
    );
    return new Playground(workbench, frame);
  }

  /** The element with `data-testid` = `id`. */
  byId(id: string): Locator {
    return this.frame.locator(`[data-testid="${id}"]`);
  }

  /** The run status the page shows. */
  async status(): Promise<ShownStatus> {
    return (await this.byId('status').getAttribute('data-status')) as ShownStatus;
  }

  /** Waits until the page shows `status` (any of them, when several are given). */
  async waitForStatus(statuses: ShownStatus[], timeoutMs = 60_000): Promise<ShownStatus> {
    return waitFor(
      `the playground to show status ${statuses.join(' or ')}`,
      async () => {
        const shown = await this.status().catch(() => undefined);
        return shown && statuses.includes(shown) ? shown : undefined;
      },
      timeoutMs,
    );
  }

  /** Clicks the Train cell's Run button. */
  async run(): Promise<void> {
    await this.byId('run').click();
  }

  /** Clicks Pause. */
  async pause(): Promise<void> {
    await this.byId('pause').click();
  }

  /** Epochs drawn on the loss chart (its `data-points`). */
  async lossPoints(): Promise<number> {
    return Number((await this.byId('loss-chart').getAttribute('data-points')) ?? 0);
  }

  /** The epoch of the snapshot the heatmap last drew (its `data-epoch`). */
  async heatmapEpoch(): Promise<number> {
    return Number((await this.byId('heatmap').getAttribute('data-epoch')) ?? -1);
  }

  /** Starts recording every value the attribute `name` of element `id` takes, in the page. */
  async recordAttribute(id: string, name: string): Promise<void> {
    await this.byId(id).evaluate((node, attribute) => {
      const values: string[] = [];
      (node as unknown as { e2eValues: string[] }).e2eValues = values;
      const observer = new MutationObserver(() =>
        values.push(node.getAttribute(attribute) ?? ''),
      );
      observer.observe(node, { attributes: true, attributeFilter: [attribute] });
    }, name);
  }

  /** The values recorded by `recordAttribute` on element `id`, oldest first. */
  async recordedValues(id: string): Promise<string[]> {
    return this.byId(id).evaluate((node) => {
      return (node as unknown as { e2eValues?: string[] }).e2eValues ?? [];
    });
  }

  /** The epoch counter, e.g. 12 for "epoch 12 / 200". */
  async epoch(): Promise<number> {
    const text = (await this.byId('epoch').textContent()) ?? '';
    return Number(/epoch (\d+)/.exec(text)?.[1] ?? NaN);
  }

  /** The Results cell's summary of the last epoch (losses and accuracies). */
  async finalLoss(): Promise<string> {
    return ((await this.byId('final-loss').textContent()) ?? '').trim();
  }

  /** The file name in the header, e.g. "spiral.logitlab.json" or "Unsaved run •". */
  async fileName(): Promise<string> {
    return ((await this.byId('file-name').textContent()) ?? '').trim();
  }

  /** The VS Code theme kind on the page's body: vscode-light, vscode-dark, ... */
  async bodyThemeClass(): Promise<string> {
    const classes = (await this.frame.locator('body').getAttribute('class')) ?? '';
    return classes.split(/\s+/).find((c) => c.startsWith('vscode-')) ?? '';
  }

  /** The colours drawn on the canvas with `data-testid` = `id`. */
  async canvasColours(id: string): Promise<CanvasColours> {
    return this.byId(id).evaluate(readCanvasColours);
  }
}

/** Runs in the page: summarises a canvas's pixels (distinct colours, mean, a hash). */
function readCanvasColours(node: Element): CanvasColours {
  const canvas = node as HTMLCanvasElement;
  const ctx = canvas.getContext('2d');
  const empty: CanvasColours = {
    distinct: 0,
    opaque: 0,
    mean: [0, 0, 0],
    fingerprint: 0,
  };
  if (!ctx || canvas.width === 0 || canvas.height === 0) return empty;
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set<number>();
  const sum = [0, 0, 0];
  let opaque = 0;
  let hash = 0;
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
    hash = (hash * 31 + key) | 0;
    if (data[i + 3] < 128) continue;
    seen.add(key);
    opaque++;
    for (let c = 0; c < 3; c++) sum[c] += data[i + c];
  }
  const mean = sum.map((s) => Math.round(s / Math.max(1, opaque))) as [
    number,
    number,
    number,
  ];
  return { distinct: seen.size, opaque, mean, fingerprint: hash };
}
