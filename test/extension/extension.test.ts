import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import {
  configurationChanged,
  files,
  fsLog,
  logLines,
  Memento,
  panels,
  registered,
  StubPanel,
  testState,
} from '../stubs/vscode';
import { activate } from '../../src/extension/extension';
import { PlaygroundPanel } from '../../src/extension/panel';
import type { HostMessage } from '../../src/protocol/host';
import { parseHostMessage } from '../../src/protocol/validate';
import { until } from './helpers';
import { buildWorker } from './workerBuild';

let workspaceState: Memento;

beforeAll(async () => {
  const root = await buildWorker();
  workspaceState = new Memento();
  const context = {
    extensionUri: vscode.Uri.file(root),
    workspaceState,
    subscriptions: [] as { dispose(): void }[],
  };
  activate(context as unknown as vscode.ExtensionContext);
});

afterEach(() => {
  PlaygroundPanel.current?.dispose();
  testState.shown.length = 0;
});

/** The messages the page received, parsed as the page parses them. */
function received(panel: StubPanel): HostMessage[] {
  return panel.webview.posted.map((data) => {
    const checked = parseHostMessage(data);
    if (!checked.ok) throw new Error(checked.error);
    return checked.message;
  });
}

/** The last whole state the page received. */
function lastState(panel: StubPanel) {
  const states = received(panel).filter((m) => m.type === 'state');
  return states.at(-1)!.state;
}

/** Opens the playground, says ready, and waits for the data. */
async function openPlayground(): Promise<StubPanel> {
  await vscode.commands.executeCommand('logitLab.openPlayground');
  const panel = panels.at(-1)!;
  panel.webview.receive({ type: 'ready' });
  await until(() => lastState(panel).dataset !== undefined);
  return panel;
}

/** Trains until the run completes (the default run has 100 short epochs). */
async function trainToEnd(panel: StubPanel): Promise<void> {
  panel.webview.receive({ type: 'train' });
  await until(() => lastStatus(panel) === 'stopped');
}

function lastStatus(panel: StubPanel): string | undefined {
  return received(panel)
    .filter((m) => m.type === 'status')
    .at(-1)?.status;
}

describe('the extension', () => {
  it('registers the serializer and the run file editor', () => {
    expect(registered.has('logitLab.playground')).toBe(true);
    expect(registered.has('logitLab.runEditor')).toBe(true);
    expect(testState.context['logitLab.playgroundActive']).toBe(false);
  });

  it('serves the page with a nonce CSP and resources from dist/ and media/ only', async () => {
    const panel = await openPlayground();
    const { html } = panel.webview;
    const nonce = /script-src 'nonce-([A-Za-z0-9]{32})'/.exec(html)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}" src="vscode-resource://`);
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).toMatch(/dist\/webview\.js/);
    expect(html).toMatch(/media\/playground\.css/);
    const roots = (panel.webview.options as { localResourceRoots: vscode.Uri[] })
      .localResourceRoots;
    expect(roots.map((uri) => uri.path.split('/').pop())).toEqual(['dist', 'media']);
    expect(testState.context['logitLab.playgroundActive']).toBe(true);
  });

  it('replays the whole run when the page comes back after being hidden', async () => {
    const panel = await openPlayground();
    await trainToEnd(panel);
    const history = lastState(panel).history;
    panel.setVisible(false);
    panel.webview.posted.length = 0;
    panel.setVisible(true);
    expect(panel.webview.posted).toEqual([]);
    panel.webview.receive({ type: 'ready' });
    const state = lastState(panel);
    expect(state.history).toHaveLength(100);
    expect(state.history.length).toBeGreaterThanOrEqual(history.length);
    expect(state.snapshot?.epoch).toBe(100);
  });

  it('saves atomically through workspace.fs and opens the run again without training', async () => {
    const panel = await openPlayground();
    await trainToEnd(panel);
    testState.saveDialog = vscode.Uri.file('/workspace/moons.logitlab.json');
    fsLog.length = 0;
    await vscode.commands.executeCommand('logitLab.saveRun');
    expect(fsLog).toHaveLength(2);
    expect(fsLog[0]).toMatch(/^write \/workspace\/moons\.logitlab\.json\..*\.tmp$/);
    expect(fsLog[1]).toMatch(/^rename .*\.tmp -> \/workspace\/moons\.logitlab\.json$/);
    expect(panel.title).toBe('Logit Lab: moons.logitlab.json');
    const saved = PlaygroundPanel.current!.session.state;

    PlaygroundPanel.current?.dispose();
    testState.openDialog = [vscode.Uri.file('/workspace/moons.logitlab.json')];
    await vscode.commands.executeCommand('logitLab.openRun');
    const reopened = panels.at(-1)!;
    reopened.webview.receive({ type: 'ready' });
    await until(() => lastState(reopened).history.length === 100);
    const state = lastState(reopened);
    expect(state.snapshot?.weights).toEqual(saved.snapshot?.weights);
    expect(state.history).toEqual(saved.history);
    expect(state.status).toBe('stopped');
    expect(state.stop?.reason).toBe('completed');
    expect(state.file).toEqual({ name: 'moons.logitlab.json', dirty: false });
  });

  it('refuses a malformed run file with a message naming the field and the fix', async () => {
    const good = JSON.parse(
      new TextDecoder().decode(files.get('/workspace/moons.logitlab.json')),
    );
    good.training.batchSize = 0;
    const bad = new TextEncoder().encode(JSON.stringify(good));
    files.set('/workspace/bad.logitlab.json', bad);
    testState.openDialog = [vscode.Uri.file('/workspace/bad.logitlab.json')];
    await vscode.commands.executeCommand('logitLab.openRun');
    const panel = panels.at(-1)!;
    panel.webview.receive({ type: 'ready' });
    const notice = received(panel).find((m) => m.type === 'notice');
    expect(notice).toMatchObject({ level: 'error' });
    expect(notice?.type === 'notice' && notice.message).toMatch(
      /bad\.logitlab\.json.*training\.batchSize.*Fix these fields/s,
    );
    expect(testState.shown.join('\n')).toMatch(/training\.batchSize/);
    expect(logLines.join('\n')).toMatch(/error Could not open bad\.logitlab\.json/);
  });

  it('restores the playground after a window reload from what it persisted', async () => {
    const panel = await openPlayground();
    await trainToEnd(panel);
    const persistedEpochs = () => {
      const persisted = workspaceState.get<{ text: string }>('logitLab.playground.run');
      return persisted ? JSON.parse(persisted.text).history.length : 0;
    };
    await until(() => persistedEpochs() === 100);
    PlaygroundPanel.current?.dispose();

    const serializer = registered.get(
      'logitLab.playground',
    ) as vscode.WebviewPanelSerializer;
    const restored = new StubPanel('logitLab.playground', 'Logit Lab');
    await serializer.deserializeWebviewPanel(restored as never, undefined);
    restored.webview.receive({ type: 'ready' });
    await until(() => lastState(restored).history.length === 100);
  });

  it('follows the settings: update rate at once, dtype for new runs', async () => {
    const panel = await openPlayground();
    testState.settings['logitLab.updatesPerSecond'] = 5;
    testState.settings['logitLab.defaultDtype'] = 'float64';
    configurationChanged.fire({ affectsConfiguration: (s) => s === 'logitLab' });
    expect(lastState(panel).settings).toEqual({
      defaultDtype: 'float64',
      updatesPerSecond: 5,
    });
    PlaygroundPanel.current?.dispose();
    const next = await openPlayground();
    expect(lastState(next).config.dtype).toBe('float64');
    testState.settings = {};
  });

  it('starts a template run from the quick pick', async () => {
    testState.quickPick = (items) =>
      (items as { label: string }[]).find((i) => i.label.startsWith('Multiclass'));
    await vscode.commands.executeCommand('logitLab.newFromTemplate');
    const panel = panels.at(-1)!;
    panel.webview.receive({ type: 'ready' });
    await until(() => lastState(panel).config.loss.name === 'CrossEntropyLoss');
    expect(lastState(panel).file).toEqual({ name: null, dirty: false });
  });
});

describe('the run file editor', () => {
  /** A text document holding `text` at `path`, whose saves are counted. */
  function document(path: string, text: string) {
    return {
      uri: vscode.Uri.file(path),
      getText: () => text,
      lineCount: text.split('\n').length,
      saves: 0,
      async save() {
        this.saves += 1;
        return true;
      },
    };
  }

  it('shows a saved run as saved, and saves back into the document', async () => {
    const text = new TextDecoder().decode(files.get('/workspace/moons.logitlab.json'));
    const doc = document('/workspace/moons.logitlab.json', text);
    const provider = registered.get(
      'logitLab.runEditor',
    ) as vscode.CustomTextEditorProvider;
    const panel = new StubPanel('logitLab.runEditor', 'moons');
    await provider.resolveCustomTextEditor(doc as never, panel as never, {} as never);
    panel.webview.receive({ type: 'ready' });
    await until(() => lastState(panel).history.length === 100);
    expect(lastState(panel).file).toEqual({ name: 'moons.logitlab.json', dirty: false });

    testState.edits.length = 0;
    await vscode.commands.executeCommand('logitLab.saveRun');
    expect(testState.edits).toHaveLength(1);
    expect(JSON.parse(testState.edits[0].edits[0].text).history).toHaveLength(100);
    expect(doc.saves).toBe(1);
    panel.dispose();
  });

  it('shows why a malformed run file cannot be shown', async () => {
    const doc = document('/workspace/broken.logitlab.json', '{"format": "logit-lab-run"');
    const provider = registered.get(
      'logitLab.runEditor',
    ) as vscode.CustomTextEditorProvider;
    const panel = new StubPanel('logitLab.runEditor', 'broken');
    await provider.resolveCustomTextEditor(doc as never, panel as never, {} as never);
    panel.webview.receive({ type: 'ready' });
    const state = lastState(panel);
    expect(state.status).toBe('error');
    expect(state.error).toMatch(/broken\.logitlab\.json.*Reopen it with the Text Editor/);
    const notice = received(panel).find((m) => m.type === 'notice');
    expect(notice?.type === 'notice' && notice.message).toMatch(/not valid JSON/);
    panel.dispose();
  });
});
