/** The extension's settings under `logitLab.*`. */
import * as vscode from 'vscode';
import type { RunConfig } from '../engine/config';
import type { Settings } from '../protocol/state';

/** The current settings, clamped to sensible values. */
export function readSettings(): Settings {
  const section = vscode.workspace.getConfiguration('logitLab');
  const dtype = section.get<string>('defaultDtype', 'float32');
  const rate = section.get<number>('updatesPerSecond', 30);
  return {
    defaultDtype: dtype === 'float64' ? 'float64' : 'float32',
    updatesPerSecond: Math.min(60, Math.max(1, Number.isFinite(rate) ? rate : 30)),
  };
}

/** A new run's config with the default dtype from the settings. */
export function withDefaultDtype(config: RunConfig, settings: Settings): RunConfig {
  return { ...config, dtype: settings.defaultDtype };
}

/** Whether a configuration change touches our settings. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('logitLab');
}
