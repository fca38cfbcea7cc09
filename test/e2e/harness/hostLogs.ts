import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { sleep } from './processes';

/** Every file under `folder` (recursively) whose name satisfies `accept`. */
function findFiles(folder: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(path, accept));
    else if (accept(entry.name)) found.push(path);
  }
  return found;
}

/** The text of the extension's "Logit Lab" log output channel, as VS Code wrote it. */
export function extensionLog(userDataDir: string): string {
  const files = findFiles(join(userDataDir, 'logs'), (name) =>
    /Logit Lab\.log$/.test(name),
  );
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

/** Lines at error level of the extension's log and of the extension host's own log. */
export function extensionErrors(userDataDir: string): string[] {
  const own = extensionLog(userDataDir)
    .split('\n')
    .filter((line) => /\[error\]/i.test(line));
  const host = findFiles(join(userDataDir, 'logs'), (name) => /exthost\.log$/.test(name))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => /\[error\]/i.test(line) && /logit/i.test(line));
  return [...own, ...host];
}

/** Pids of code-server's extension host processes in process group `pgid`. */
export function extensionHostPids(pgid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null && Number(m[2]) === pgid)
    .filter((m) => /extensionHost/i.test(m[3]))
    .map((m) => Number(m[1]));
}

/** CPU time (user + system) that process `pid` has used so far, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The share of one core that the processes `pids` used over the next `ms` milliseconds. */
export async function cpuShare(pids: number[], ms = 3_000): Promise<number> {
  const total = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const before = total();
  await sleep(ms);
  return (total() - before) / (ms / 1000);
}

/** The number of threads of process `pid` (a worker_threads Worker adds several). */
export function threadCount(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
}
