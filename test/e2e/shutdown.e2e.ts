import { describe, expect, it } from 'vitest';
import { hasExtension, useSession } from './harness/fixtures';
import { cpuShare, extensionHostPids, threadCount } from './harness/hostLogs';
import { Playground } from './harness/playground';
import { groupAlive, groupCommands, waitFor } from './harness/processes';

/** Closing the panel mid-training stops its worker; ending the session leaves no process. */
describe.skipIf(!hasExtension())('shutdown', () => {
  const session = useSession();
  let hostPid = 0;
  let busyThreads = 0;

  it('trains a long run and the extension host works for it', async () => {
    const { workbench, server } = session();
    await workbench.runCommand('Logit Lab: Open Playground');
    const playground = await Playground.find(workbench);
    await playground.byId('epochs').fill('100000');
    await playground.byId('epochs').dispatchEvent('change');
    await playground.run();
    await playground.waitForStatus(['running']);
    await waitFor(
      'a few epochs',
      async () => (await playground.lossPoints()) > 3 || undefined,
    );

    const pids = extensionHostPids(server.pid);
    expect(pids, 'one extension host').toHaveLength(1);
    hostPid = pids[0];
    busyThreads = threadCount(hostPid);
    expect(await cpuShare([hostPid], 2_000)).toBeGreaterThan(0.3);
  });

  it('stops the worker when the panel closes mid-training', async () => {
    const { workbench } = session();
    await workbench.runCommand('View: Close All Editors');
    await waitFor('the worker thread to end', () =>
      threadCount(hostPid) < busyThreads ? true : undefined,
    );
    expect(await cpuShare([hostPid], 3_000)).toBeLessThan(0.15);
  });

  it('leaves no process behind when the session ends', async () => {
    const { server, browser } = session();
    await session().close();
    expect(groupAlive(server.pid)).toBe(false);
    expect(groupAlive(browser.pid)).toBe(false);
    expect(groupCommands(server.pid)).toEqual([]);
  });
});
