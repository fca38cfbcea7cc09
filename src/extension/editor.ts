/**
 * The custom editor for `*.logitlab.json`: the file's run in a playground, shown as saved
 * (config, curves, weights, pictures) without retraining. "Reopen With… Text Editor" still works.
 */
import * as vscode from 'vscode';
import { PlaygroundSession } from '../runner/session';
import { DEFAULT_RUN } from '../engine/templates';
import { playgroundHtml, webviewOptions } from './html';
import { askSaveUri, baseName, writeAtomically } from './runFiles';
import { type ExtensionDeps, vscodeSessionHost } from './sessionHost';
import { affectsSettings, readSettings } from './settings';
import { tracker } from './tracker';

/** Opens run files in a playground; saving writes the run back into the document. */
export class RunEditorProvider implements vscode.CustomTextEditorProvider {
  /** The custom editor's view type, as in package.json. */
  static readonly viewType = 'logitLab.runEditor';

  constructor(private readonly _deps: ExtensionDeps) {}

  /** Registers the provider; the webview is rebuilt from the document when shown again. */
  static register(deps: ExtensionDeps): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(
      RunEditorProvider.viewType,
      new RunEditorProvider(deps),
    );
  }

  /** Shows `document`'s run in `panel` and keeps the two in step. */
  resolveCustomTextEditor(
    document: vscode.TextDocument,
    panel: vscode.WebviewPanel,
  ): void {
    panel.webview.options = webviewOptions(this._deps.extensionUri);
    const editor = new RunEditor(document, panel, this._deps);
    panel.onDidDispose(() => editor.dispose());
  }
}

/** One open run file: its document, its webview and its session. */
class RunEditor {
  private readonly _session: PlaygroundSession;
  private readonly _disposables: vscode.Disposable[] = [];
  private _written?: string;

  constructor(
    private readonly _document: vscode.TextDocument,
    private readonly _panel: vscode.WebviewPanel,
    deps: ExtensionDeps,
  ) {
    const files = {
      save: (text: string, _current: string | null, saveAs: boolean) =>
        this._save(text, saveAs),
      open: () => this._open(),
    };
    const host = vscodeSessionHost(_panel.webview, deps, files);
    this._session = new PlaygroundSession(host, {
      config: DEFAULT_RUN,
      settings: readSettings(),
    });
    this._load();
    this._listen();
    _panel.webview.html = playgroundHtml(_panel.webview, deps.extensionUri);
  }

  /** Saves the run to this document, or to a new file with `saveAs`. */
  save(saveAs: boolean): Promise<boolean> {
    return this._session.save(saveAs);
  }

  private _listen(): void {
    const panel = this._panel;
    this._disposables.push(
      panel.webview.onDidReceiveMessage((data) => this._session.receive(data)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this._session.pageGone();
        tracker.update(this, panel.active);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSettings(event)) this._session.setSettings(readSettings());
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const changed =
          event.document === this._document && event.contentChanges.length > 0;
        if (changed && this._document.getText() !== this._written) this._load();
      }),
    );
    tracker.update(this, panel.active);
  }

  /** Shows the document's run; a malformed file shows its error instead. */
  private _load(): void {
    const name = baseName(this._document.uri);
    if (!this._session.loadText(name, this._document.getText())) {
      const fix = 'Reopen it with the Text Editor to fix it.';
      this._session.fail(`${name} is not a valid Logit Lab run file. ${fix}`);
    }
  }

  private async _save(text: string, saveAs: boolean): Promise<string | undefined> {
    if (saveAs) {
      const uri = await askSaveUri(this._session.state.config.name, this._document.uri);
      if (!uri) return undefined;
      await writeAtomically(uri, text);
      return baseName(uri);
    }
    const whole = new vscode.Range(0, 0, this._document.lineCount, 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this._document.uri, whole, text);
    this._written = text;
    await vscode.workspace.applyEdit(edit);
    await this._document.save();
    return baseName(this._document.uri);
  }

  /** Opens another run file in its own editor; this one keeps its run. */
  private async _open(): Promise<undefined> {
    await vscode.commands.executeCommand('logitLab.openRun');
    return undefined;
  }

  dispose(): void {
    tracker.remove(this);
    this._session.dispose();
    while (this._disposables.length) this._disposables.pop()?.dispose();
  }
}
