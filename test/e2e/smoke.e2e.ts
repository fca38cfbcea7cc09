import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSession, type Session } from './harness/session';

/** Proves the harness on VS Code's own features, without the extension. */
describe('harness smoke test', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession({
      binary: inject('binary'),
      files: { 'README.md': '# Smoke\n\nA markdown file to preview.\n' },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('runs a built-in command from the palette', async () => {
    const { workbench, page } = session;
    const statusBar = page.locator('.part.statusbar');
    await workbench.runCommand('View: Toggle Zen Mode');
    await statusBar.waitFor({ state: 'hidden' });
    await workbench.screenshot('smoke-zen-mode');
    await workbench.runCommand('View: Toggle Zen Mode');
    await statusBar.waitFor({ state: 'visible' });
  });

  it('opens a file and finds a webview two frames deep', async () => {
    const { workbench } = session;
    await workbench.openFile('README.md');
    expect(await workbench.activeTabTitle()).toBe('README.md');
    await workbench.runCommand('Markdown: Open Preview');
    const frame = await workbench.webviewFrame('h1');
    expect(await frame.locator('h1').textContent()).toBe('Smoke');
    await workbench.screenshot('smoke-markdown-preview');
  });

  it('reports a Content Security Policy violation in a webview', async () => {
    const { workbench, log } = session;
    const frame = await workbench.webviewFrame('h1');
    await frame.evaluate(() => {
      const script = document.createElement('script');
      script.src = 'http://127.0.0.1:9/blocked-by-csp.js';
      document.body.append(script);
    });
    await expect
      .poll(() => log.cspViolations().length, { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('switches the colour theme, and the webview follows', async () => {
    const { workbench } = session;
    await workbench.setColorTheme('Dark Modern');
    const frame = await workbench.webviewFrame('body.vscode-dark h1');
    expect(await frame.locator('body').getAttribute('class')).toContain('vscode-dark');
    await workbench.screenshot('smoke-dark-theme');
  });

  it('answers the save dialog with a path in the workspace', async () => {
    const { workbench, page, workspace } = session;
    await workbench.runCommand('File: New Untitled Text File');
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await page.keyboard.type('saved by the e2e harness');
    await workbench.runCommand('File: Save As...');
    const path = join(workspace, 'saved.txt');
    await workbench.answerFileDialog(path);
    const text = () => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    await expect.poll(text, { timeout: 10_000 }).toBe('saved by the e2e harness');
  });
});
