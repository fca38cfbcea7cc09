import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';

/** Process groups started by this test process, killed on teardown and again on exit. */
const groups = new Set<number>();

/** Remembers a process group leader so that `killGroup` and the exit hook can end it. */
export function trackGroup(pid: number): void {
  groups.add(pid);
}

/** True while any process of group `pgid` exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to every process of group `pgid`, ignoring a group that is gone. */
function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group has already exited.
  }
}

/** Ends a process group: SIGTERM, then SIGKILL after `graceMs` if anything is left. */
export async function killGroup(pgid: number, graceMs = 5_000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  while (groupAlive(pgid)) await sleep(50);
  groups.delete(pgid);
}

// Whatever happens to the tests, no group outlives this process.
process.on('exit', () => {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
});

/** Command lines of the live processes in group `pgid` (empty once the group is gone). */
export function groupCommands(pgid: number): string[] {
  const out = execFileSync('ps', ['-e', '-o', 'pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null && Number(m[1]) === pgid)
    .map((m) => m[2]);
}

/**
 * Kills, by pid, the processes whose command line contains `marker` (a unique temporary
 * path), for helpers such as Chromium's crash reporter that leave their parent's group.
 */
export function killByMarker(marker: string): void {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,args='], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const m = line.trim().match(/^(\d+)\s+(.*)$/);
    if (!m || !m[2].includes(marker) || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`e2e: timed out after ${timeoutMs} ms: ${what}`);
    await sleep(200);
  }
}
