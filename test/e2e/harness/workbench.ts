import type { Frame, Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { waitFor } from './processes';

/** Screenshots go here, one PNG per call of `Workbench.screenshot`. */
export const resultsDir = join(repoRoot, 'test-results');

/** Drives VS Code's workbench in a page: palette, quick open, editors and webviews. */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Opens `folder` in the workbench at `url` and waits until the explorer shows it. */
  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
  }

  /** The command palette's quick input, once shown. */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Opens the command palette with F1 and types `text` after the `>` prefix. */
  async openPalette(text = ''): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.locator('input').fill(`>${text}`);
  }

  /** Runs the command whose palette title is exactly `title`. */
  async runCommand(title: string): Promise<void> {
    await this.openPaletteAt(title);
    await this.pickItem(title);
  }

  /**
   * Opens the palette filtered by `text` and waits until it lists `title`; the palette does
   * not refresh while open, so it is reopened while an extension is still registering.
   */
  async openPaletteAt(title: string, text = title, timeoutMs = 60_000): Promise<void> {
    await waitFor(
      `the command palette to list "${title}"`,
      async () => {
        await this.openPalette(text);
        const row = this.quickInput.locator('.label-name', { hasText: exactly(title) });
        const shown = row.first().waitFor({ state: 'visible', timeout: 3_000 });
        if (
          await shown.then(
            () => true,
            () => false,
          )
        )
          return true;
        await this.page.keyboard.press('Escape');
        return undefined;
      },
      timeoutMs,
    );
  }

  /** Labels of the rows the open quick pick shows now. */
  async quickPickLabels(): Promise<string[]> {
    const rows = this.quickInput.locator('.monaco-list-row .label-name');
    return (await rows.allTextContents()).map((t) => t.trim());
  }

  /** Waits for the quick pick row labelled `label` (exactly) and clicks it. */
  async pickItem(label: string): Promise<void> {
    const row = this.quickInput
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const input = this.quickInput.locator('input');
    const typed = await input.inputValue();
    const focused = /\bfocused\b/.test((await row.getAttribute('class')) ?? '');
    if (focused) await input.press('Enter');
    else await row.click();
    // The widget either closes or is reused at once by the next picker (e.g. a theme list).
    await waitFor(`the quick pick to accept "${label}"`, async () => {
      const open = await this.quickInput.isVisible();
      return !open || (await input.inputValue().catch(() => '')) !== typed
        ? true
        : undefined;
    });
  }

  /** Opens a workspace file by name through Quick Open (Ctrl+P). */
  async openFile(name: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.locator('input').fill(name);
    await this.pickItem(name);
  }

  /** The active editor tab's title, e.g. a file name or a panel title. */
  async activeTabTitle(): Promise<string> {
    const tab = this.page.locator('.tabs-container .tab.active .label-name').first();
    return ((await tab.textContent()) ?? '').trim();
  }

  /** Waits for a webview's content frame (two frames deep) holding `selector`. */
  async webviewFrame(selector: string, timeoutMs = 30_000): Promise<Frame> {
    return waitFor(
      `a webview frame containing ${selector}`,
      async () => {
        for (const frame of webviewContentFrames(this.page)) {
          if (
            (await frame
              .locator(selector)
              .count()
              .catch(() => 0)) > 0
          )
            return frame;
        }
        return undefined;
      },
      timeoutMs,
    );
  }

  /** Chooses a colour theme through "Preferences: Color Theme", e.g. "Dark Modern". */
  async setColorTheme(label: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const rows = this.quickInput.locator('.monaco-list-row');
    await waitFor('the colour themes to be listed', async () =>
      (await rows.count()) > 2 ? true : undefined,
    );
    await this.quickInput.locator('input').fill(label);
    await this.pickItem(label);
  }

  /** Answers VS Code's own save or open dialog (a quick input) with an absolute `path`. */
  async answerFileDialog(path: string): Promise<void> {
    const input = this.quickInput.locator('input');
    await this._waitForSteadyValue(input);
    await input.fill(path);
    await input.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: 20_000 });
  }

  /** Opens a file by clicking its row in the explorer, as a user would. */
  async openFromExplorer(name: string): Promise<void> {
    const row = this.page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) });
    await row.first().waitFor({ timeout: 20_000 });
    await row.first().dblclick();
  }

  /** Reloads the window ("Developer: Reload Window") and waits for the workbench again. */
  async reloadWindow(): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
  }

  /** The text of the visible lines of the active text editor. */
  async editorText(): Promise<string> {
    const lines = this.page
      .locator('.editor-instance .monaco-editor .view-lines')
      .first();
    await lines.waitFor({ timeout: 20_000 });
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** Saves a PNG of the whole window as test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const path = join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Waits until a file dialog has filled in its folder: a path that stays the same. */
  private async _waitForSteadyValue(input: Locator): Promise<void> {
    let last = '';
    let reads = 0;
    await waitFor('the file dialog to show a folder', async () => {
      const value = await input.inputValue().catch(() => '');
      reads = value.startsWith('/') && value === last ? reads + 1 : 0;
      last = value;
      return reads >= 3 ? true : undefined;
    });
  }

  /** Moves keyboard focus out of any webview, onto the workbench itself. */
  private async focusWorkbench(): Promise<void> {
    await this.page.bringToFront();
    await this.page.evaluate(() =>
      (document.activeElement as HTMLElement | null)?.blur(),
    );
  }
}

/** Frames inside `iframe.webview.ready` whose element is `iframe#active-frame`. */
function webviewContentFrames(page: Page): Frame[] {
  return page.frames().filter((frame) => {
    const parent = frame.parentFrame();
    return parent !== null && /\/webview\//.test(parent.url()) && frame !== parent;
  });
}

/** A pattern matching `text` exactly, for Playwright's `hasText`. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
