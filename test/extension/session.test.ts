import { describe, expect, it } from 'vitest';
import { parseHostMessage } from '../../src/protocol/validate';
import { PlaygroundSession } from '../../src/runner/session';
import { longRun, RecordingHost, sleep, until } from './helpers';

const settings = { defaultDtype: 'float32' as const, updatesPerSecond: 30 };

/** A session on the real engine, built and ready, with its recording host. */
async function readySession(updatesPerSecond = 30) {
  const host = new RecordingHost();
  const session = new PlaygroundSession(host, {
    config: longRun(),
    settings: { ...settings, updatesPerSecond },
  });
  session.start();
  session.receive({ type: 'ready' });
  await until(() => session.state.dataset !== undefined);
  return { host, session };
}

/** Trains until at least `epochs` epochs are in the history, then pauses. */
async function trainFor(session: PlaygroundSession, epochs: number) {
  session.receive({ type: 'train' });
  await until(() => session.state.history.length >= epochs);
  session.receive({ type: 'pause' });
  await until(() => session.state.status === 'paused');
}

describe('PlaygroundSession', () => {
  it('sends nothing before ready, then the whole state', async () => {
    const host = new RecordingHost();
    const session = new PlaygroundSession(host, { config: longRun(), settings });
    session.start();
    await until(() => session.state.dataset !== undefined);
    expect(host.messages).toEqual([]);
    session.receive({ type: 'ready' });
    expect(host.messages.map((m) => m.type)).toEqual(['state']);
    expect(parseHostMessage(host.messages[0]).ok).toBe(true);
    session.dispose();
  });

  it('replays every epoch and the latest snapshot on a later ready', async () => {
    const { host, session } = await readySession();
    await trainFor(session, 5);
    session.pageGone();
    const sent = host.messages.length;
    await sleep(20);
    session.receive({ type: 'ready' });
    const replay = host.messages.slice(sent);
    expect(replay.map((m) => m.type)).toEqual(['state']);
    const state = host.of('state').at(-1)!.state;
    const epochs = state.history.map((e) => e.epoch);
    expect(epochs).toEqual(epochs.map((_, i) => i + 1));
    expect(state.snapshot?.epoch).toBe(epochs.length);
    expect(state.status).toBe('paused');
    const progressEpochs = host
      .of('progress')
      .flatMap((p) => p.epochs.map((e) => e.epoch));
    expect(progressEpochs).toEqual(epochs);
    session.dispose();
  });

  it('forwards at most updatesPerSecond progress messages a second to the page', async () => {
    const { host, session } = await readySession(20);
    session.receive({ type: 'train' });
    await sleep(1000);
    session.receive({ type: 'pause' });
    await until(() => session.state.status === 'paused');
    expect(host.of('progress').length).toBeLessThanOrEqual(23);
    session.dispose();
  });

  it('refuses malformed page messages without throwing, and logs why', async () => {
    const { host, session } = await readySession();
    session.receive({ type: 'train', extra: 1 });
    session.receive({ type: 'reseed', seed: -1 });
    session.receive({ type: 'nope' });
    session.receive('train');
    session.receive({
      type: 'setConfig',
      config: { ...longRun(), model: { hidden: [] } },
    });
    const warnings = host.logs.filter((l) => l.startsWith('warn: Refused'));
    expect(warnings.length).toBeGreaterThanOrEqual(4);
    expect(warnings.join('\n')).toMatch(/reseed.*seed/);
    expect(warnings.join('\n')).toMatch(/setConfig.*config\.model/);
    session.dispose();
  });

  it('tells the page when the worker dies, and starts a fresh one on the next train', async () => {
    const { host, session } = await readySession();
    host.exits[0]('exit code 1');
    expect(session.state.status).toBe('error');
    expect(host.of('notice').at(-1)?.message).toMatch(/worker stopped \(exit code 1\)/);
    session.receive({ type: 'train' });
    await until(() => session.state.history.length > 0);
    expect(host.workersStarted).toBe(2);
    session.dispose();
  });

  it('saves and reopens a run with its curves and weights, without retraining', async () => {
    const { host, session } = await readySession();
    await trainFor(session, 3);
    expect(await session.save()).toBe(true);
    const before = session.state;
    const history = before.history.slice();
    const weights = before.snapshot!.weights;

    const { session: other } = await readySession();
    other.loadText('run.logitlab.json', host.saved[0]);
    await until(() => other.state.history.length === history.length);
    expect(other.state.history).toEqual(history);
    expect(other.state.snapshot!.weights).toEqual(weights);
    expect(other.state.status).toBe('idle');
    expect(other.state.file).toEqual({ name: 'run.logitlab.json', dirty: false });
    session.dispose();
    other.dispose();
  });

  it('refuses a malformed run file with a message naming the field', async () => {
    const { host, session } = await readySession();
    const text = JSON.parse(await session.exportText());
    text.optimizer.lr = -1;
    expect(session.loadText('bad.logitlab.json', JSON.stringify(text))).toBe(false);
    expect(session.loadText('junk.logitlab.json', '{ not json')).toBe(false);
    const notices = host.of('notice').map((n) => n.message);
    expect(notices[0]).toMatch(/bad\.logitlab\.json.*optimizer\.lr/s);
    expect(notices[1]).toMatch(/junk\.logitlab\.json.*not valid JSON/s);
    session.dispose();
  });

  it('answers inspect with the point reading', async () => {
    const { host, session } = await readySession();
    session.receive({ type: 'inspect', split: 'test', index: 3 });
    await until(() => host.of('inspection').length > 0);
    const [answer] = host.of('inspection');
    expect(answer).toMatchObject({ split: 'test', index: 3 });
    expect(answer.result.probs).toHaveLength(1);
    session.dispose();
  });

  it('stops a diverging run with a notice, and the page can still read every message', async () => {
    const { host, session } = await readySession();
    const diverging = {
      ...longRun(),
      optimizer: { name: 'SGD' as const, lr: 1000 },
      loss: { name: 'MSELoss' as const, reduction: 'sum' as const },
    };
    session.receive({ type: 'setConfig', config: diverging });
    await until(() => session.state.config.optimizer.lr === 1000);
    session.receive({ type: 'train' });
    await until(() => session.state.status === 'stopped');
    expect(session.state.stop?.reason).toBe('diverged');
    const notice = host.of('notice').at(-1);
    expect(notice).toMatchObject({ level: 'warning' });
    expect(notice?.message).toMatch(/diverged.*learning rate/s);
    for (const message of host.messages) {
      const overJson = JSON.parse(JSON.stringify(message));
      expect(parseHostMessage(overJson).ok).toBe(true);
    }
    session.receive({ type: 'setConfig', config: longRun(3) });
    session.receive({ type: 'train' });
    await until(() => session.state.stop?.reason === 'completed');
    expect(session.state.history).toHaveLength(3);
    session.dispose();
  });
});
