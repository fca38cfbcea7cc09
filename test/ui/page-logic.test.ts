// The page's pure logic, without a browser: diagnostics, output widths, state replay, binning.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../src/engine/templates';
import type { RunConfig } from '../../src/engine/config';
import type { RunState } from '../../src/protocol/state';
import {
  datasetShape,
  fitOutputs,
  outputChoices,
  suitLossToTask,
} from '../../src/webview/catalog';
import { diagnose } from '../../src/engine/diagnose';
import { sliceNote } from '../../src/webview/heatmap-view';
import { regions, type HeatGrid } from '../../src/webview/heatmap';
import { binProbabilities } from '../../src/webview/histogram';
import { histogramData } from '../../src/webview/histogram-data';
import { legendEntries } from '../../src/webview/legend';
import { decadeRange, logTickLabel } from '../../src/webview/log-ticks';
import { statusText } from '../../src/webview/progress';
import { colourClass } from '../../src/webview/points';
import { applyHostMessage, Store, type PageState } from '../../src/webview/state';

/** The default run with `patch` applied to a copy. */
function config(patch: (c: RunConfig) => void = () => {}): RunConfig {
  const c = structuredClone(DEFAULT_RUN);
  patch(c);
  return c;
}

/** A replayed run state around `c`. */
function runState(c: RunConfig): RunState {
  return {
    config: c,
    status: 'idle',
    history: [],
    view: { features: [0, 1], gridResolution: 40 },
    settings: { defaultDtype: 'float32', updatesPerSecond: 20 },
    file: { name: null, dirty: false },
  };
}

describe('diagnose', () => {
  it('accepts the default run', () => {
    expect(diagnose(config())).toEqual([]);
  });

  it('names the double softmax and the double sigmoid as warnings that say what goes wrong', () => {
    const softmax = config((c) => {
      c.dataset = { ...c.dataset, name: 'spiral', classes: 3 };
      c.model = { ...c.model, outputs: 3, head: 'softmax' };
      c.loss = { name: 'CrossEntropyLoss', reduction: 'mean' };
    });
    expect(diagnose(softmax)[0]).toMatchObject({ level: 'warning' });
    expect(diagnose(softmax)[0].message).toMatch(/Double softmax.*e\/\(e \+ 2\) = 0\.58/);
    const sigmoid = config((c) => (c.model.head = 'sigmoid'));
    expect(diagnose(sigmoid)[0]).toMatchObject({ level: 'warning' });
    expect(diagnose(sigmoid)[0].message).toMatch(/Double sigmoid.*loss computes inside/);
    expect(diagnose(sigmoid)[0].message).toMatch(/own outputs still span \(0, 1\)/);
  });

  it('refuses logits into BCELoss and class losses on multi-label data', () => {
    const bce = config((c) => (c.loss = { name: 'BCELoss', reduction: 'mean' }));
    expect(diagnose(bce)[0]).toMatchObject({ level: 'error' });
    expect(diagnose(bce)[0].message).toMatch(/BCELoss needs probabilities/);
    const multi = config((c) => {
      c.dataset = { ...c.dataset, name: 'multilabel', labels: 3 };
      c.loss = { name: 'CrossEntropyLoss', reduction: 'mean' };
    });
    expect(
      diagnose(multi)
        .map((d) => d.message)
        .join(),
    ).toMatch(/several labels/);
  });

  it('checks the length of weight against the outputs', () => {
    const c = config((c) => {
      c.dataset = { ...c.dataset, name: 'iris' };
      c.model.outputs = 3;
      c.loss = { name: 'CrossEntropyLoss', reduction: 'mean', weight: [1, 2] };
    });
    expect(diagnose(c).map((d) => d.message)).toContain(
      'weight has 2 values, the model has 3 outputs.',
    );
  });
});

describe('output widths', () => {
  it('offers 1 or 2 units for binary data, K otherwise', () => {
    expect(outputChoices('binary', 2, 'BCEWithLogitsLoss')).toEqual([1, 2]);
    expect(outputChoices('binary', 2, 'CrossEntropyLoss')).toEqual([2]);
    expect(outputChoices('multiclass', 5, 'CrossEntropyLoss')).toEqual([5]);
  });

  it('follows the dataset: spiral with K = 2 is binary, loss and width adapt', () => {
    expect(
      datasetShape({ ...DEFAULT_RUN.dataset, name: 'spiral', classes: 2 }).task,
    ).toBe('binary');
    const c = config((c) => (c.dataset = { ...c.dataset, name: 'wine' }));
    suitLossToTask(c, 'binary');
    fitOutputs(c);
    expect([c.loss.name, c.model.head, c.model.outputs]).toEqual([
      'CrossEntropyLoss',
      'none',
      3,
    ]);
  });
});

describe('state replay', () => {
  it('keeps an unsent edit across a reseed, and drops it when a new config arrives', () => {
    const store = new Store();
    store.apply({ type: 'state', state: runState(config()) });
    store.edit(
      3,
      config((c) => (c.training.epochs = 7)),
    );
    store.apply({ type: 'state', state: runState(config((c) => (c.seed = 5))) });
    expect(store.state.draft?.training.epochs).toBe(7);
    expect(store.state.draft?.seed).toBe(5);
    expect(store.state.staleFrom).toBe(3);
    store.apply({ type: 'state', state: runState(config((c) => (c.name = 'opened'))) });
    expect(store.state.draft?.name).toBe('opened');
    expect(store.state.staleFrom).toBe(-1);
  });

  it('appends progress epochs and takes the newest snapshot', () => {
    const state: PageState = { staleFrom: -1 };
    applyHostMessage(state, { type: 'state', state: runState(config()) });
    const epoch = {
      epoch: 1,
      trainLoss: 0.5,
      testLoss: 0.6,
      trainAccuracy: 0.8,
      testAccuracy: 0.7,
      steps: 10,
      elapsedMs: 3,
    };
    const changes = applyHostMessage(state, { type: 'progress', epochs: [epoch] });
    expect([...changes]).toEqual(['history']);
    expect(state.run?.history).toEqual([epoch]);
  });

  it('commits a changed draft once, and an unchanged one only clears staleness', () => {
    const store = new Store();
    store.apply({ type: 'state', state: runState(config()) });
    store.edit(0, config());
    expect(store.commitDraft()).toBeUndefined();
    expect(store.state.staleFrom).toBe(-1);
    store.edit(
      1,
      config((c) => (c.model.hidden[0].units = 3)),
    );
    expect(store.commitDraft()?.model.hidden[0].units).toBe(3);
    expect(store.isDirty()).toBe(false);
  });
});

describe('notices', () => {
  it('stay until a new state arrives or a run starts, and can be closed', () => {
    const store = new Store();
    store.apply({ type: 'state', state: runState(config()) });
    store.apply({ type: 'notice', level: 'error', message: 'BCELoss refused 1.7' });
    store.apply({ type: 'status', status: 'error', error: 'BCELoss refused 1.7' });
    expect(store.state.notice?.level).toBe('error');
    store.apply({ type: 'status', status: 'running' });
    expect(store.state.notice).toBeUndefined();

    store.notify('warning', 'diverged');
    store.apply({ type: 'state', state: runState(config((c) => (c.seed = 3))) });
    expect(store.state.notice).toBeUndefined();

    store.notify('info', 'Saved');
    store.dismissNotice();
    expect(store.state.notice).toBeUndefined();
  });

  it("name 'config' only when the host's configuration replaced the draft", () => {
    const state: PageState = { staleFrom: -1 };
    expect(
      applyHostMessage(state, { type: 'state', state: runState(config()) }),
    ).toContain('config');
    state.draft = config((c) => (c.training.epochs = 9));
    state.staleFrom = 3;
    const reseeded = runState(config((c) => (c.seed = 8)));
    expect(applyHostMessage(state, { type: 'state', state: reseeded })).not.toContain(
      'config',
    );
    expect(state.draft.training.epochs).toBe(9);
  });
});

describe('small helpers', () => {
  it('bins probabilities per group, 1.0 in the last bin', () => {
    const counts = binProbabilities([0, 0.05, 0.55, 1, NaN], [0, 0, 1, 1, 0], 2);
    expect(counts[0]).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(counts[1]).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('colours multi-label points', () => {
    expect(colourClass(2, 'winner')).toBe(2);
    expect(colourClass([0, 1, 1], 'winner')).toBe(1);
    expect(colourClass([0, 1, 1], 0)).toBe(-1);
  });
});

describe('log-scale ticks', () => {
  it('span whole decades and label only powers of ten, compactly', () => {
    expect(decadeRange(0.691, 0.72)).toEqual([0.1, 1]);
    expect(decadeRange(0.001, 0.3)).toEqual([0.001, 1]);
    expect(decadeRange(0, 1)).toEqual([0, 1]);
    const label = (v: number) => logTickLabel(v, 1e-4, 1);
    expect([1e-4, 1e-3, 0.01, 0.1, 1].map(label)).toEqual([
      '1e-4',
      '0.001',
      '0.01',
      '0.1',
      '1',
    ]);
    expect(label(0.2)).toBe('');
    expect(label(0.697)).toBe('');
    expect(logTickLabel(1e24, 1e-8, 1e24)).toBe('1e24');
    expect(logTickLabel(1e22, 1e-8, 1e24)).toBe('');
  });
});

describe('multi-label pictures', () => {
  const dataset = {
    task: 'multilabel' as const,
    features: ['x1', 'x2'],
    classNames: ['right', 'upper'],
    train: {
      x: [
        [0, 0],
        [1, 1],
      ],
      y: [
        [0, 1],
        [1, 1],
      ],
    },
    test: { x: [], y: [] },
  };

  it('colour the histogram by the shaded label: off grey, on in its colour', () => {
    const run = {
      ...runState(config()),
      dataset,
      snapshot: {
        probs: {
          train: [
            [0.1, 0.9],
            [0.8, 0.7],
          ],
          test: [],
        },
      },
    } as unknown as RunState;
    const upper = histogramData(run, 'train', 1);
    expect(upper.title).toBe('p(upper)');
    expect(upper.groups.map((g) => [g.name, g.colour])).toEqual([
      ['upper off', -1],
      ['upper on', 1],
    ]);
    expect(histogramData(run, 'train', 'winner').groups[0].colour).toBe(-1);
  });

  it('name every colour in the legend', () => {
    const view = dataset as unknown as Parameters<typeof legendEntries>[0];
    expect(legendEntries(view, 'winner').map((e) => e.name)).toEqual([
      'right',
      'upper',
      'no label',
    ]);
    expect(legendEntries(view, 0)).toEqual([
      { name: 'right on', colour: 0 },
      { name: 'right off', colour: -1 },
    ]);
  });

  it('draw hard boundaries at p = 0.5 of the shaded label, not at the winner', () => {
    // A 2x2 grid of two labels: the left cells have p = (0.9, 0.6), the right (0.95, 0.4).
    const probs = [0.9, 0.6, 0.95, 0.4, 0.9, 0.6, 0.95, 0.4];
    const two: HeatGrid = {
      resolution: 2,
      xMin: 0,
      xMax: 1,
      yMin: 0,
      yMax: 1,
      classes: 2,
      probs,
    };
    expect([...regions(two, 'winner')]).toEqual([0, 0, 0, 0]);
    expect([...regions(two, 1)]).toEqual([1, 0, 1, 0]);
  });
});

describe('words', () => {
  it('head a stopped run by why it stopped', () => {
    const run = runState(config());
    run.status = 'stopped';
    const say = (reason: 'completed' | 'target_loss' | 'cancelled' | 'diverged') =>
      statusText({ ...run, stop: { reason, message: 'm' } });
    expect(
      ['completed', 'target_loss', 'cancelled', 'diverged'].map((r) =>
        say(r as 'completed'),
      ),
    ).toEqual(['Done: m', 'Done: m', 'Stopped: m', 'Diverged: m']);
  });

  it('explain the 2-D slice of data with more features', () => {
    expect(sliceNote(4)).toMatch(/other 2 features are held at their training means/);
    expect(sliceNote(3)).toMatch(/other 1 feature is held/);
  });
});
