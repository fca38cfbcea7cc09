/** The "Logit Lab" commands: open the playground, new from template, open and save runs. */
import * as vscode from 'vscode';
import { TEMPLATES } from '../engine/templates';
import { PlaygroundPanel } from './panel';
import { askOpenUri, readText } from './runFiles';
import type { ExtensionDeps } from './sessionHost';
import { readSettings, withDefaultDtype } from './settings';
import { tracker } from './tracker';

/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  openPlayground: 'logitLab.openPlayground',
  newFromTemplate: 'logitLab.newFromTemplate',
  openRun: 'logitLab.openRun',
  saveRun: 'logitLab.saveRun',
  saveRunAs: 'logitLab.saveRunAs',
} as const;

/** Registers every command. */
export function registerCommands(deps: ExtensionDeps): vscode.Disposable[] {
  const register = (id: string, run: () => Promise<unknown> | unknown) =>
    vscode.commands.registerCommand(id, () => guarded(deps, id, run));
  return [
    register(COMMANDS.openPlayground, () => PlaygroundPanel.createOrShow(deps)),
    register(COMMANDS.newFromTemplate, () => newFromTemplate(deps)),
    register(COMMANDS.openRun, () => openRun(deps)),
    register(COMMANDS.saveRun, () => saveActive(false)),
    register(COMMANDS.saveRunAs, () => saveActive(true)),
  ];
}

/** Runs a command, logging and showing any failure instead of letting it escape. */
async function guarded(
  deps: ExtensionDeps,
  id: string,
  run: () => unknown,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = `${id} failed: ${(error as Error).message}`;
    deps.log.error(message);
    void vscode.window.showErrorMessage(`Logit Lab: ${message}`);
  }
}

/** Asks for a template and starts an unsaved run from it in the playground. */
async function newFromTemplate(deps: ExtensionDeps): Promise<void> {
  const items = TEMPLATES.map((template) => ({
    label: template.label,
    detail: template.description,
    template,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'New Run from Template',
    placeHolder: 'Pick a head and loss pairing to start from',
    matchOnDetail: true,
  });
  if (!picked) return;
  const config = withDefaultDtype(picked.template.config, readSettings());
  const panel = PlaygroundPanel.current;
  if (panel) {
    panel.newRun(config);
    PlaygroundPanel.createOrShow(deps);
  } else PlaygroundPanel.createOrShow(deps).newRun(config);
}

/** Asks for a run file and shows it in the playground. */
async function openRun(deps: ExtensionDeps): Promise<void> {
  const uri = await askOpenUri();
  if (!uri) return;
  const text = await readText(uri);
  PlaygroundPanel.createOrShow(deps).openText(uri, text);
}

/** Saves the active playground's run. */
async function saveActive(saveAs: boolean): Promise<void> {
  const playground = tracker.active ?? PlaygroundPanel.current;
  if (!playground) {
    void vscode.window.showInformationMessage(
      'Logit Lab: open a playground to save its run.',
    );
    return;
  }
  await playground.save(saveAs);
}
