/** Which playground is active, mirrored in the `logitLab.playgroundActive` context key. */
import * as vscode from 'vscode';

/** A playground the Save commands can act on. */
export interface Playground {
  save(saveAs: boolean): Promise<boolean>;
}

/** The context key that shows the Save commands in the palette. */
export const ACTIVE_CONTEXT = 'logitLab.playgroundActive';

/** Tracks the active playground (panel or custom editor). */
class PlaygroundTracker {
  private _active?: Playground;

  /** The playground whose tab is active, if any. */
  get active(): Playground | undefined {
    return this._active;
  }

  /** Records whether `playground` is now the active tab. */
  update(playground: Playground, active: boolean): void {
    if (active) this._set(playground);
    else if (this._active === playground) this._set(undefined);
  }

  /** Forgets a closed playground. */
  remove(playground: Playground): void {
    if (this._active === playground) this._set(undefined);
  }

  private _set(playground: Playground | undefined): void {
    this._active = playground;
    void vscode.commands.executeCommand(
      'setContext',
      ACTIVE_CONTEXT,
      playground !== undefined,
    );
  }
}

/** The one tracker of the extension. */
export const tracker = new PlaygroundTracker();
