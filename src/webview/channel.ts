/** The page's end of the message channel: VS Code's webview API, or the web host's stand-in. */
import type { HostMessage } from '../protocol/host';
import type { PageMessage } from '../protocol/page';
import { parseHostMessage } from '../protocol/validate';

/** The API VS Code gives a webview (the web host defines the same global). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Sends page messages and delivers checked host messages. */
export class Channel {
  private readonly _api: VsCodeApi;

  /** Acquires the host API (once per page) and listens for host messages. */
  constructor(onMessage: (message: HostMessage) => void) {
    this._api = acquireVsCodeApi();
    window.addEventListener('message', (event: MessageEvent) => {
      const checked = parseHostMessage(event.data);
      if (checked.ok) onMessage(checked.message);
      else this.post({ type: 'pageError', message: checked.error });
    });
  }

  /** Sends one message to the host. */
  post(message: PageMessage): void {
    this._api.postMessage(message);
  }

  /** UI details kept across reloads of the page (open panels, chosen toggles). */
  get uiState(): Record<string, unknown> {
    const saved = this._api.getState();
    return typeof saved === 'object' && saved !== null
      ? (saved as Record<string, unknown>)
      : {};
  }

  /** Remembers `patch` among the UI details. */
  saveUiState(patch: Record<string, unknown>): void {
    this._api.setState({ ...this.uiState, ...patch });
  }
}
