/**
 * The playground panel: one webview panel and its session. Its run is kept in workspace state
 * so that reloading the window restores it (through the WebviewPanelSerializer).
 */
import * as vscode from 'vscode';
import type { RunConfig } from '../engine/config';
import { DEFAULT_RUN } from '../engine/templates';
import type { HostMessage } from '../protocol/host';
import { PlaygroundSession } from '../runner/session';
import { playgroundHtml, webviewOptions } from './html';
import { askOpenUri, askSaveUri, baseName, readText, writeAtomically } from './runFiles';
import { type ExtensionDeps, vscodeSessionHost } from './sessionHost';
import { readSettings, withDefaultDtype } from './settings';
import { tracker, type Playground } from './tracker';

/** What is kept in workspace state for the panel to come back after a reload. */
interface Persisted {
  text: string;
  uri?: string;
  dirty: boolean;
}

const STATE_KEY = 'logitLab.playground.run';
const PERSIST_WHILE_RUNNING_MS = 10_000;

/** The playground webview panel; at most one exists. */
export class PlaygroundPanel implements Playground {
  /** The webview type, also the serializer's key. */
  static readonly viewType = 'logitLab.playground';
  private static _current?: PlaygroundPanel;

  readonly session: PlaygroundSession;
  private readonly _panel: vscode.WebviewPanel;
  private readonly _deps: ExtensionDeps;
  private _uri?: vscode.Uri;
  private readonly _disposables: vscode.Disposable[] = [];
  private _persistTimer?: ReturnType<typeof setTimeout>;
  private _disposed = false;

  /** The open panel, if any. */
  static get current(): PlaygroundPanel | undefined {
    return PlaygroundPanel._current;
  }

  /** Shows the panel, creating it on the default run if there is none. */
  static createOrShow(deps: ExtensionDeps): PlaygroundPanel {
    const current = PlaygroundPanel._current;
    if (current) {
      current._panel.reveal();
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      PlaygroundPanel.viewType,
      'Logit Lab',
      vscode.ViewColumn.Active,
      webviewOptions(deps.extensionUri),
    );
    const playground = new PlaygroundPanel(panel, deps);
    playground.session.start();
    return playground;
  }

  /** Brings back a panel VS Code restored after a reload, with the run it last showed. */
  static revive(panel: vscode.WebviewPanel, deps: ExtensionDeps): PlaygroundPanel {
    PlaygroundPanel._current?.dispose();
    panel.webview.options = webviewOptions(deps.extensionUri);
    const playground = new PlaygroundPanel(panel, deps);
    playground._restore(deps.workspaceState.get<Persisted>(STATE_KEY));
    return playground;
  }

  private constructor(panel: vscode.WebviewPanel, deps: ExtensionDeps) {
    this._panel = panel;
    this._deps = deps;
    const settings = readSettings();
    const host = vscodeSessionHost(
      panel.webview,
      deps,
      {
        save: (text, _current, saveAs) => this._save(text, saveAs),
        open: () => this._open(),
      },
      { posted: (m) => this._posted(m), changed: () => this._schedulePersist(0) },
    );
    this.session = new PlaygroundSession(host, {
      config: withDefaultDtype(DEFAULT_RUN, settings),
      settings,
    });
    PlaygroundPanel._current = this;
    this._listen();
    panel.webview.html = playgroundHtml(panel.webview, deps.extensionUri);
  }

  /** Wires the panel's lifecycle: page messages, visibility and closing. */
  private _listen(): void {
    const panel = this._panel;
    this._disposables.push(
      panel.webview.onDidReceiveMessage((data) => this.session.receive(data)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.session.pageGone();
        tracker.update(this, panel.active);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    tracker.update(this, panel.active);
  }

  /** Starts a new unsaved run from `config`. */
  newRun(config: RunConfig): void {
    this._uri = undefined;
    this.session.newRun(config);
  }

  /** Shows the run file at `uri` with `text` in this panel. */
  openText(uri: vscode.Uri, text: string): void {
    if (this.session.loadText(baseName(uri), text)) this._uri = uri;
  }

  /** Saves to the run's file, or asks where when it has none or `saveAs`. */
  save(saveAs: boolean): Promise<boolean> {
    return this.session.save(saveAs);
  }

  private async _save(text: string, saveAs: boolean): Promise<string | undefined> {
    const uri =
      !saveAs && this._uri
        ? this._uri
        : await askSaveUri(this.session.state.config.name, this._uri);
    if (!uri) return undefined;
    await writeAtomically(uri, text);
    this._uri = uri;
    return baseName(uri);
  }

  private async _open(): Promise<{ name: string; text: string } | undefined> {
    const uri = await askOpenUri();
    if (!uri) return undefined;
    const text = await readText(uri);
    this._uri = uri;
    return { name: baseName(uri), text };
  }

  /** Keeps the title in step with the run's file; persists now and then while training. */
  private _posted(message: HostMessage): void {
    if (
      message.type === 'status' &&
      message.status === 'running' &&
      !this._persistTimer
    ) {
      this._schedulePersist(PERSIST_WHILE_RUNNING_MS);
    }
    if (message.type !== 'file' && message.type !== 'state') return;
    const { file, config } = this.session.state;
    this._panel.title = `Logit Lab: ${file.name ?? config.name}${file.dirty ? ' ●' : ''}`;
  }

  /** Saves the run into workspace state after `ms` (sooner requests replace later ones). */
  private _schedulePersist(ms: number): void {
    if (this._persistTimer) clearTimeout(this._persistTimer);
    this._persistTimer = setTimeout(() => void this._persist(), ms);
  }

  private async _persist(): Promise<void> {
    this._persistTimer = undefined;
    try {
      const text = await this.session.exportText();
      const { dirty } = this.session.state.file;
      const persisted: Persisted = { text, uri: this._uri?.toString(), dirty };
      await this._deps.workspaceState.update(STATE_KEY, persisted);
    } catch (error) {
      this._deps.log.debug(`Not persisting the playground: ${(error as Error).message}`);
    }
    if (this.session.state.status === 'running')
      this._schedulePersist(PERSIST_WHILE_RUNNING_MS);
  }

  private _restore(persisted: Persisted | undefined): void {
    const uri = persisted?.uri ? vscode.Uri.parse(persisted.uri) : undefined;
    const file = { name: uri ? baseName(uri) : null, dirty: persisted?.dirty ?? false };
    if (
      persisted &&
      this.session.loadText(file.name ?? 'the last run', persisted.text, file)
    ) {
      this._uri = uri;
    } else {
      this.session.start();
    }
  }

  /** Closes the panel's worker and listeners. */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    if (PlaygroundPanel._current === this) PlaygroundPanel._current = undefined;
    if (this._persistTimer) clearTimeout(this._persistTimer);
    tracker.remove(this);
    this.session.dispose();
    this._panel.dispose();
    while (this._disposables.length) this._disposables.pop()?.dispose();
  }
}
