// Runs a command in this process group and ends the whole group when the test process that
// started it is gone, so that a killed test run leaves no code-server behind.
// Usage: node watchdog.mjs PARENT_PID COMMAND [ARGS...]
import { spawn } from 'node:child_process';
import { setInterval } from 'node:timers';

const [parentArg, command, ...args] = process.argv.slice(2);
const parent = Number(parentArg);
if (!parent || !command) {
  console.error('watchdog.mjs: usage: node watchdog.mjs PARENT_PID COMMAND [ARGS...]');
  process.exit(2);
}

/** True while process `pid` exists. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
setInterval(() => {
  if (!alive(parent)) process.kill(-process.pid, 'SIGKILL');
}, 500);
