/**
 * The web host, on the page's thread: it gives the page the same `acquireVsCodeApi()` channel
 * as VS Code does, keeps the run in a PlaygroundSession, trains in a Web Worker, saves by
 * download and opens with a file picker.
 */
import { DEFAULT_RUN } from '../engine/templates';
import type { HostMessage } from '../protocol/host';
import type { WorkerEvent } from '../protocol/worker';
import { PlaygroundSession, type SessionHost, type WorkerPort } from '../runner/session';
import { downloadText, pickTextFile } from './files';

const RUN_KEY = 'logitLab.run';
const UI_KEY = 'logitLab.pageState';

/** The channel VS Code gives a webview, as the page uses it. */
export interface PageApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** Installs `acquireVsCodeApi` on `window`, backed by a session training in `workerUrl`. */
export function installWebHost(workerUrl: string): void {
  const session = new PlaygroundSession(webSessionHost(workerUrl), {
    config: DEFAULT_RUN,
    settings: { defaultDtype: 'float32', updatesPerSecond: 30 },
  });
  restore(session);
  let acquired = false;
  const api: PageApi = {
    postMessage: (message) => setTimeout(() => session.receive(message), 0),
    getState: () => JSON.parse(sessionStorage.getItem(UI_KEY) ?? 'null'),
    setState: (state) => sessionStorage.setItem(UI_KEY, JSON.stringify(state)),
  };
  const global = window as unknown as { acquireVsCodeApi: () => PageApi };
  global.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi: call it once and keep the result.');
    acquired = true;
    return api;
  };
  setThemeClass();
}

/** The session's host in a browser tab. */
function webSessionHost(workerUrl: string): SessionHost {
  return {
    post: (message: HostMessage) =>
      setTimeout(
        () => window.dispatchEvent(new MessageEvent('message', { data: message })),
        0,
      ),
    startWorker: (onEvent, onExit) => startWebWorker(workerUrl, onEvent, onExit),
    save: async (text, current) => downloadText(text, current),
    open: () => pickTextFile(),
    changed: (session) => void persist(session),
    log: {
      info: (m) => console.info(`Logit Lab: ${m}`),
      warn: (m) => console.warn(`Logit Lab: ${m}`),
      error: (m) => console.error(`Logit Lab: ${m}`),
    },
  };
}

/** A Web Worker running the training loop; errors end it and are reported once. */
function startWebWorker(
  url: string,
  onEvent: (event: WorkerEvent) => void,
  onExit: (reason: string) => void,
): WorkerPort {
  const worker = new Worker(url);
  worker.onmessage = (event: MessageEvent<WorkerEvent>) => onEvent(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    onExit(event.message || 'an error in the worker');
  };
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
}

/** Keeps the run in local storage, so that reloading the tab loses nothing. */
async function persist(session: PlaygroundSession): Promise<void> {
  try {
    const text = await session.exportText();
    localStorage.setItem(RUN_KEY, JSON.stringify({ text, file: session.state.file }));
  } catch {
    // Nothing to keep yet (no run built), or storage is full: the tab simply starts afresh.
  }
}

/** Starts the session from the stored run, or from the default run. */
function restore(session: PlaygroundSession): void {
  const stored = JSON.parse(localStorage.getItem(RUN_KEY) ?? 'null') as {
    text: string;
    file: { name: string | null; dirty: boolean };
  } | null;
  const name = stored?.file.name ?? 'the last run';
  if (!stored || !session.loadText(name, stored.text, stored.file)) session.start();
}

/** VS Code's body class for the theme, from the browser's colour scheme. */
function setThemeClass(): void {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const apply = () => document.body.classList.add(dark ? 'vscode-dark' : 'vscode-light');
  if (document.body) apply();
  else document.addEventListener('DOMContentLoaded', apply, { once: true });
}
