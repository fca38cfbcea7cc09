/**
 * The playground page: connects to the host, says `ready`, and shows whatever state the host
 * replays as a notebook of cells.
 */
import { Channel } from './channel';
import type { CellContext } from './cells/cell';
import { firstInvalid } from './invalid';
import { Notebook } from './notebook';
import { Store } from './state';
import { observeTheme, readTheme, type Theme } from './theme';
import { insideVsCode, restoreThemeKind } from './theme-picker';

/** Builds the page inside `#app` and starts talking to the host. */
function start(): void {
  const root = document.getElementById('app') ?? document.body;
  const store = new Store();
  const channel = new Channel((message) => store.apply(message));
  if (!insideVsCode()) restoreThemeKind();
  let theme: Theme = readTheme();
  const context: CellContext = {
    store,
    post: (message) => channel.post(message),
    theme: () => theme,
    applyDraft: () => applyDraft(root, store, channel),
    remember: (control, key) => remember(channel, control, key),
  };
  const notebook = new Notebook(context);
  root.replaceChildren(notebook.element);
  observeTheme(() => {
    theme = readTheme();
    notebook.retheme();
  });
  reportErrors(channel);
  channel.post({ type: 'ready' });
}

/**
 * Sends the draft when it changed. While an input is marked invalid nothing is sent: the
 * notice names the field and the focus goes to it. Returns whether the run may go ahead.
 */
function applyDraft(root: HTMLElement, store: Store, channel: Channel): boolean {
  const invalid = firstInvalid(root);
  if (invalid) {
    const reason = invalid.message.charAt(0).toLowerCase() + invalid.message.slice(1);
    const what = `${invalid.label}: ${reason}`;
    store.notify('error', `${what} Nothing was run: fix the marked field first.`);
    invalid.input.focus();
    return false;
  }
  const config = store.commitDraft();
  if (config) channel.post({ type: 'setConfig', config });
  return true;
}

/** Sets `control` from the saved UI state under `key` (if any), and saves it on change. */
function remember(
  channel: Channel,
  control: HTMLInputElement | HTMLSelectElement,
  key: string,
): void {
  const isBox = control instanceof HTMLInputElement && control.type === 'checkbox';
  const saved = channel.uiState[key];
  if (isBox && typeof saved === 'boolean') control.checked = saved;
  else if (!isBox && typeof saved === 'string') control.value = saved;
  if (saved !== undefined) control.dispatchEvent(new Event('change'));
  control.addEventListener('change', () =>
    channel.saveUiState({
      [key]: isBox ? (control as HTMLInputElement).checked : control.value,
    }),
  );
}

/** Sends uncaught page errors to the host, which logs them. */
function reportErrors(channel: Channel): void {
  window.addEventListener('error', (event) =>
    channel.post({ type: 'pageError', message: String(event.message) }),
  );
  window.addEventListener('unhandledrejection', (event) =>
    channel.post({ type: 'pageError', message: String(event.reason) }),
  );
}

start();
