/** The VS Code side of a PlaygroundSession: webview messages, a worker thread, dialogs, logging. */
import * as vscode from 'vscode';
import type { HostMessage } from '../protocol/host';
import type { PlaygroundSession, SessionHost } from '../runner/session';
import { startNodeWorker } from './workerPort';

/** What every playground needs from the extension: where it lives and where it logs. */
export interface ExtensionDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  workspaceState: vscode.Memento;
}

/** How one kind of playground saves and opens files. */
export interface RunFileTarget {
  save(
    text: string,
    current: string | null,
    saveAs: boolean,
  ): Promise<string | undefined>;
  open(): Promise<{ name: string; text: string } | undefined>;
}

/** Hooks a playground adds to its session's host. */
export interface HostHooks {
  posted?(message: HostMessage): void;
  changed?(session: PlaygroundSession): void;
}

/** A SessionHost that talks to `webview` and runs training in dist/worker.js. */
export function vscodeSessionHost(
  webview: vscode.Webview,
  deps: ExtensionDeps,
  files: RunFileTarget,
  hooks: HostHooks = {},
): SessionHost {
  const script = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'worker.js').fsPath;
  return {
    post(message) {
      void webview.postMessage(message);
      hooks.posted?.(message);
    },
    startWorker(onEvent, onExit) {
      deps.log.info(`Starting the training worker ${script}`);
      return startNodeWorker(script, onEvent, onExit);
    },
    save: (text, current, saveAs) => files.save(text, current, saveAs),
    open: () => files.open(),
    notify(level, message) {
      if (level === 'error') void vscode.window.showErrorMessage(`Logit Lab: ${message}`);
      else if (level === 'warning')
        void vscode.window.showWarningMessage(`Logit Lab: ${message}`);
    },
    changed: (session) => hooks.changed?.(session),
    log: {
      info: (m) => deps.log.info(m),
      warn: (m) => deps.log.warn(m),
      error: (m) => deps.log.error(m),
    },
  };
}
