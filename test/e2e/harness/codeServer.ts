import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, groupAlive, killGroup, trackGroup, waitFor } from './processes';

/** The repository root (this file is test/e2e/harness/codeServer.ts). */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A running code-server: its address, its process group and its private folders. */
export interface CodeServer {
  url: string;
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Installs code-server once (cached outside the repository) and returns its launcher. */
export function installCodeServer(): string {
  const script = join(repoRoot, 'scripts/e2e/install-code-server.sh');
  const out = execFileSync('bash', [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 2],
  });
  return out.trim().split('\n').pop() ?? '';
}

/** Installs a .vsix into `extensionsDir` with code-server's own installer. */
export function installExtension(
  binary: string,
  vsix: string,
  extensionsDir: string,
): void {
  execFileSync(binary, ['--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: offlineEnv(),
  });
}

/** The environment for code-server, with the extension marketplace switched off. */
function offlineEnv(): NodeJS.ProcessEnv {
  return { ...process.env, EXTENSIONS_GALLERY: '{}' };
}

/** Makes an empty temporary folder whose name starts with `logit-lab-e2e-<label>-`. */
export function tempFolder(label: string): string {
  return mkdtempSync(join(tmpdir(), `logit-lab-e2e-${label}-`));
}

/** Options of `startCodeServer`: the binary, a .vsix to install first, user settings. */
export interface StartOptions {
  binary: string;
  vsix?: string;
  settings?: Record<string, unknown>;
}

/** Starts code-server on a free port of 127.0.0.1 with fresh user data and extension folders. */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const userDataDir = tempFolder('user');
  const extensionsDir = tempFolder('extensions');
  if (options.vsix) installExtension(options.binary, options.vsix, extensionsDir);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settingsJson = JSON.stringify(options.settings ?? {}, null, 2);
  writeFileSync(join(userDataDir, 'User', 'settings.json'), settingsJson);
  const port = await freePort();
  const logFile = join(userDataDir, 'code-server.log');
  const pid = spawnServer(options.binary, port, userDataDir, extensionsDir, logFile);
  const url = `http://127.0.0.1:${port}`;

  async function stop(): Promise<void> {
    await killGroup(pid);
    if (process.env.LOGIT_LAB_E2E_KEEP) return;
    rmSync(extensionsDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
  await waitUntilServing(url, pid, logFile).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, pid, userDataDir, extensionsDir, logFile, stop };
}

/**
 * Spawns code-server under the watchdog, as the leader of a new process group that ends with
 * this test process; returns the group's id.
 */
function spawnServer(
  binary: string,
  port: number,
  userDataDir: string,
  extensionsDir: string,
  logFile: string,
): number {
  const args = [
    ...['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'],
    ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
    ...['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    '--ignore-last-opened',
  ];
  const watchdog = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));
  const log = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [watchdog, String(process.pid), binary, ...args],
    {
      detached: true,
      stdio: ['ignore', log, log],
      env: offlineEnv(),
    },
  );
  closeSync(log);
  const pid = child.pid ?? 0;
  trackGroup(pid);
  return pid;
}

/** Waits until code-server answers its health check; fails with its log if it died. */
async function waitUntilServing(
  url: string,
  pid: number,
  logFile: string,
): Promise<void> {
  await waitFor(
    `code-server to answer ${url}/healthz`,
    async () => {
      if (!groupAlive(pid)) {
        throw new Error(
          `e2e: code-server exited early:\n${readFileSync(logFile, 'utf8')}`,
        );
      }
      try {
        return (await fetch(`${url}/healthz`)).ok ? true : undefined;
      } catch {
        return undefined;
      }
    },
    60_000,
  );
}
