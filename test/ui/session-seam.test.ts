// The host side of page features: a refused configuration is not left on the page, Save As
// takes the file name the web page asked for, and saves are confirmed on the page.
import { describe, expect, it } from 'vitest';
import { PlaygroundSession } from '../../src/runner/session';
import { longRun, RecordingHost, until } from '../extension/helpers';

const settings = { defaultDtype: 'float32' as const, updatesPerSecond: 30 };

/** A built session whose page said `ready`, and its recording host. */
async function readySession() {
  const host = new RecordingHost();
  const session = new PlaygroundSession(host, { config: longRun(), settings });
  session.start();
  session.receive({ type: 'ready' });
  await until(() => session.state.dataset !== undefined);
  return { host, session };
}

describe('the session seen from the page', () => {
  it('replays its state and says why when a configuration is refused', async () => {
    const { host, session } = await readySession();
    const sent = host.messages.length;
    const bad = structuredClone(longRun());
    bad.loss.weight = [-1];
    session.receive({ type: 'setConfig', config: bad });
    const replies = host.messages.slice(sent);
    expect(replies.map((m) => m.type)).toEqual(['state', 'notice']);
    expect(host.of('notice').at(-1)?.message).toMatch(/not applied.*weight/);
    expect(session.state.config.loss.weight).toBeUndefined();
    session.dispose();
  });

  it('saves as the name the page gives, keeps it for the next save, and confirms each', async () => {
    const { host, session } = await readySession();
    session.receive({ type: 'saveAs', name: 'mine.logitlab.json' });
    await until(() => host.saved.length === 1);
    await until(() => session.state.file.name === 'mine.logitlab.json');
    session.receive({ type: 'save' });
    await until(() => host.saved.length === 2);
    expect(session.state.file).toEqual({ name: 'mine.logitlab.json', dirty: false });
    expect(host.of('notice').map((n) => [n.level, n.message])).toEqual([
      ['info', 'Saved the run as mine.logitlab.json.'],
      ['info', 'Saved the run as mine.logitlab.json.'],
    ]);
    session.dispose();
  });
});
