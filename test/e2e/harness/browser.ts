import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { existsSync, rmSync } from 'node:fs';
import { tempFolder } from './codeServer';
import { killByMarker, killGroup, trackGroup } from './processes';

/** Debian's Chromium, unless LOGIT_LAB_CHROMIUM names another build. */
const executablePath = process.env.LOGIT_LAB_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless Chromium as root, with no traffic of its own to the network. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium that the tests started, and how to end it with all its children. */
export interface TestBrowser {
  browser: Browser;
  pid: number;
  close(): Promise<void>;
}

/** Starts Chromium as its own process group and connects Playwright to it. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `e2e: no Chromium at ${executablePath}: run scripts/e2e/install-code-server.sh`,
    );
  }
  // A private HOME marks every helper process (the crash reporter leaves the group).
  const home = tempFolder('chromium-home');
  const server: BrowserServer = await chromium.launchServer({
    executablePath,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/.config` },
    headless: true,
    args: chromiumArgs,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  const pid = server.process().pid ?? 0;
  trackGroup(pid);
  const browser = await chromium.connect(server.wsEndpoint());

  async function close(): Promise<void> {
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await killGroup(pid, 2_000);
    killByMarker(home);
    rmSync(home, { recursive: true, force: true });
  }
  return { browser, pid, close };
}
