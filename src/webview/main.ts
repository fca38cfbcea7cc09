/**
 * The playground page: connects to the host, says `ready`, and shows whatever state the host
 * replays as a notebook of cells.
 */
import { Channel } from './channel';
import type { CellContext } from './cells/cell';
import { Notebook } from './notebook';
import { Store } from './state';
import { observeTheme, readTheme, type Theme } from './theme';

/** Builds the page inside `#app` and starts talking to the host. */
function start(): void {
  const root = document.getElementById('app') ?? document.body;
  const store = new Store();
  const channel = new Channel((message) => store.apply(message));
  let theme: Theme = readTheme();
  const context: CellContext = {
    store,
    post: (message) => channel.post(message),
    theme: () => theme,
    applyDraft: () => {
      const config = store.commitDraft();
      if (config) channel.post({ type: 'setConfig', config });
    },
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
