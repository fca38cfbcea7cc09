/** Run files on disk through workspace.fs: dialogs that start in the workspace, atomic writes. */
import * as vscode from 'vscode';

/** The dialog filter for run files. */
const FILTERS = { 'Logit Lab run': ['logitlab.json'], JSON: ['json'] };

/** Writes `text` to `uri` atomically: a temporary file beside it, then a rename over it. */
export async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const suffix = `.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  const temp = uri.with({ path: uri.path + suffix });
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/** Reads a text file. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The file name of a run's name, e.g. "Two moons" → "two-moons.logitlab.json". */
export function fileNameFor(runName: string): string {
  const slug = runName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'run'}.logitlab.json`;
}

/** Asks where to save, starting beside `current` or in the first workspace folder. */
export async function askSaveUri(
  runName: string,
  current?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base =
    current ?? (folder ? vscode.Uri.joinPath(folder, fileNameFor(runName)) : undefined);
  return vscode.window.showSaveDialog({
    defaultUri: base,
    filters: FILTERS,
    saveLabel: 'Save Run',
    title: 'Save Logit Lab Run',
  });
}

/** Asks for one run file to open, starting in the first workspace folder. */
export async function askOpenUri(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    canSelectMany: false,
    filters: FILTERS,
    openLabel: 'Open Run',
    title: 'Open Logit Lab Run',
  });
  return picked?.[0];
}

/** The last path segment of a URI, for titles and messages. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}
