/** The extension's entry: registers commands, the panel serializer, the run file editor. */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { RunEditorProvider } from './editor';
import { PlaygroundPanel } from './panel';
import type { ExtensionDeps } from './sessionHost';
import { affectsSettings, readSettings } from './settings';
import { ACTIVE_CONTEXT } from './tracker';

/** Called by VS Code on the first command, restored panel or run file. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Logit Lab', { log: true });
  const deps: ExtensionDeps = {
    extensionUri: context.extensionUri,
    log,
    workspaceState: context.workspaceState,
  };
  void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, false);

  // Panels left open when the window closed come back with the run they showed.
  const serializer: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(panel) {
      PlaygroundPanel.revive(panel, deps);
    },
  };

  context.subscriptions.push(
    log,
    ...registerCommands(deps),
    vscode.window.registerWebviewPanelSerializer(PlaygroundPanel.viewType, serializer),
    RunEditorProvider.register(deps),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event))
        PlaygroundPanel.current?.session.setSettings(readSettings());
    }),
    { dispose: () => PlaygroundPanel.current?.dispose() },
  );
  log.info('Logit Lab activated.');
}

/** Nothing to do: every resource is in the context's subscriptions. */
export function deactivate(): void {}
