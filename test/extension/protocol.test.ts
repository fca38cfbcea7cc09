import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../src/engine/templates';
import { parseHostMessage, parsePageMessage } from '../../src/protocol/validate';

describe('page messages', () => {
  it('accepts every well-formed message', () => {
    const messages = [
      { type: 'ready' },
      { type: 'setConfig', config: DEFAULT_RUN },
      { type: 'train' },
      { type: 'step' },
      { type: 'pause' },
      { type: 'cancel' },
      { type: 'reset' },
      { type: 'reseed', seed: 7 },
      { type: 'setView', view: { features: [0, 1], gridResolution: 50 } },
      { type: 'inspect', split: 'train', index: 0 },
      { type: 'save' },
      { type: 'saveAs' },
      { type: 'open' },
      { type: 'pageError', message: 'chart failed' },
    ];
    for (const message of messages)
      expect(parsePageMessage(message)).toMatchObject({ ok: true });
  });

  it.each([
    [null, /null, not an object/],
    ['train', /a string, not an object/],
    [{}, /no string "type" field/],
    [{ type: 'explode' }, /type "explode"/],
    [{ type: 'reseed', seed: 1.5 }, /type "reseed".* at seed/],
    [{ type: 'inspect', split: 'validation', index: 0 }, /at split/],
    [
      { type: 'setView', view: { features: [0, 1], gridResolution: 5000 } },
      /view\.gridResolution/,
    ],
    [
      { type: 'setConfig', config: { ...DEFAULT_RUN, dtype: 'float16' } },
      /config\.dtype/,
    ],
  ])('refuses %j, saying where', (message, reason) => {
    const checked = parsePageMessage(message);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(reason);
  });
});

describe('host messages', () => {
  it('reads null numbers (NaN and Infinity sent as JSON) back as NaN', () => {
    const epoch = {
      epoch: 1,
      trainLoss: NaN,
      testLoss: Infinity,
      trainAccuracy: 0.5,
      testAccuracy: NaN,
      steps: 10,
      elapsedMs: 3,
    };
    const overJson = JSON.parse(JSON.stringify({ type: 'progress', epochs: [epoch] }));
    const checked = parseHostMessage(overJson);
    expect(checked.ok).toBe(true);
    if (checked.ok && checked.message.type === 'progress') {
      expect(checked.message.epochs[0].trainLoss).toBeNaN();
      expect(checked.message.epochs[0].testLoss).toBeNaN();
      expect(checked.message.epochs[0].trainAccuracy).toBe(0.5);
    }
  });

  it('refuses a status the page does not know', () => {
    const checked = parseHostMessage({ type: 'status', status: 'exploded' });
    expect(checked).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at status/),
    });
  });
});
