import type { Page } from 'playwright-core';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchBrowser, type TestBrowser } from './browser';
import { startCodeServer, tempFolder, type CodeServer } from './codeServer';
import { ConsoleLog } from './consoleLog';
import { Workbench } from './workbench';

/** User settings that keep the workbench quiet and predictable under test. */
const baseSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
};

/** What a session starts with: code-server's binary, an extension, files and settings. */
export interface SessionOptions {
  binary: string;
  vsix?: string;
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
}

/** A code-server, a browser page on it and a workspace folder; `close` ends them all. */
export interface Session {
  server: CodeServer;
  browser: TestBrowser;
  page: Page;
  workbench: Workbench;
  log: ConsoleLog;
  workspace: string;
  close(): Promise<void>;
}

/** Starts code-server and Chromium, and opens a new workspace holding `files`. */
export async function startSession(options: SessionOptions): Promise<Session> {
  const workspace = tempFolder('workspace');
  writeFiles(workspace, options.files ?? {});
  const server = await startCodeServer({
    binary: options.binary,
    vsix: options.vsix,
    settings: { ...baseSettings, ...options.settings },
  });
  const browser = await launchBrowser().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const close = closer(browser, server, workspace);
  try {
    const context = await browser.browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    const log = new ConsoleLog(page);
    const workbench = new Workbench(page);
    await workbench.open(server.url, workspace).catch(async (error) => {
      await workbench.screenshot('session-start-failure').catch(() => undefined);
      throw error;
    });
    return { server, browser, page, workbench, log, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** An idempotent `close` that ends the browser, then the server, then removes the workspace. */
function closer(
  browser: TestBrowser,
  server: CodeServer,
  workspace: string,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  async function shutDown(): Promise<void> {
    await browser.close();
    await server.stop();
    if (!process.env.LOGIT_LAB_E2E_KEEP)
      rmSync(workspace, { recursive: true, force: true });
  }
  return () => (closing ??= shutDown());
}

/** Writes `files` (relative path to content) under `folder`. */
export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(folder, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}
