/**
 * The host's side of one playground, shared by the VS Code extension and the web host: it owns
 * the canonical RunState, answers page messages, drives the training worker, replays the whole
 * state on every `ready`, and restarts the worker if it dies.
 */
import type { RunConfig } from '../engine/config';
import { parseRunFile, stringifyRunFile, type RunFile } from '../engine/runfile';
import type { HostMessage, Inspection } from '../protocol/host';
import type { PageMessage } from '../protocol/page';
import type {
  FileInfo,
  RunState,
  Settings,
  StopInfo,
  ViewOptions,
} from '../protocol/state';
import { parsePageMessage } from '../protocol/validate';
import type { WorkerEvent, WorkerRequest } from '../protocol/worker';
import { messageOf } from './runner';

/** A running training worker, as the session sees it. */
export interface WorkerPort {
  post(request: WorkerRequest): void;
  terminate(): void;
}

/** Where the session logs: the output channel in VS Code, the console on the web. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What differs between hosts: the page channel, the worker, files and logging. */
export interface SessionHost {
  /** Delivers a message to the page. */
  post(message: HostMessage): void;
  /** Starts a worker; `onExit` is called with a reason if it stops on its own. */
  startWorker(
    onEvent: (event: WorkerEvent) => void,
    onExit: (reason: string) => void,
  ): WorkerPort;
  /** Writes run file text; returns the file's name, or undefined if the user cancelled. */
  save(
    text: string,
    current: string | null,
    saveAs: boolean,
  ): Promise<string | undefined>;
  /** Asks the user for a run file; undefined if they cancelled. */
  open(): Promise<{ name: string; text: string } | undefined>;
  /** Shows a message natively as well as on the page (optional). */
  notify?(level: 'info' | 'warning' | 'error', message: string): void;
  /** Called after the run's status, data or file changed: a moment to persist it. */
  changed?(session: PlaygroundSession): void;
  log: Logger;
}

/** The initial config and settings of a session. */
export interface SessionOptions {
  config: RunConfig;
  settings: Settings;
  view?: ViewOptions;
  fileName?: string | null;
}

/** The default picture: the first two features on a 40 x 40 grid. */
export const DEFAULT_VIEW: ViewOptions = { features: [0, 1], gridResolution: 40 };

type Pending = { resolve: (run: unknown) => void; reject: (error: Error) => void };

/** One playground's canonical state and the traffic between its page and its worker. */
export class PlaygroundSession {
  private readonly _host: SessionHost;
  private _state: RunState;
  private _worker?: WorkerPort;
  private _runId = 0;
  private _requestId = 0;
  private readonly _exports = new Map<number, Pending>();
  private readonly _inspections = new Map<
    number,
    { split: 'train' | 'test'; index: number }
  >();
  private _disposed = false;
  private _pageReady = false;
  private _unseenNotices: HostMessage[] = [];

  constructor(host: SessionHost, options: SessionOptions) {
    this._host = host;
    this._state = {
      config: options.config,
      status: 'idle',
      history: [],
      view: options.view ?? DEFAULT_VIEW,
      settings: options.settings,
      file: { name: options.fileName ?? null, dirty: false },
    };
  }

  /** The canonical state (read-only for callers). */
  get state(): Readonly<RunState> {
    return this._state;
  }

  /** The page went away (hidden or reloading): nothing is sent until its next `ready`. */
  pageGone(): void {
    this._pageReady = false;
  }

  /** Builds the run from the current config in a worker, without training. */
  start(): void {
    this._prepare({ type: 'init', config: this._state.config });
  }

  /** Handles one message from the page; refused messages are logged and ignored. */
  receive(data: unknown): void {
    const checked = parsePageMessage(data);
    if (!checked.ok) return this._refuse(data, checked.error);
    try {
      this._handle(checked.message);
    } catch (error) {
      this._notice(
        'error',
        `Could not handle "${checked.message.type}": ${messageOf(error)}`,
      );
    }
  }

  /**
   * Logs a refused message. A refused configuration is also shown to the user, and the
   * host's state is replayed so that the page no longer shows what was not applied.
   */
  private _refuse(data: unknown, error: string): void {
    this._host.log.warn(error);
    const type = (data as { type?: unknown } | null)?.type;
    if (type !== 'setConfig' || !this._pageReady) return;
    this._post({ type: 'state', state: this._state });
    this._notice('error', `The configuration was not applied: ${error}`);
  }

  private _handle(message: PageMessage): void {
    switch (message.type) {
      case 'ready':
        this._pageReady = true;
        this._post({ type: 'state', state: this._state });
        return this._flushNotices();
      case 'setConfig':
        return this.setConfig(message.config);
      case 'train':
        return this._train();
      case 'step':
        return this._train(1);
      case 'pause':
      case 'cancel':
        return this._worker?.post({ type: message.type });
      case 'reset':
        return this._toWorker({ type: 'reset' });
      case 'reseed':
        return this._toWorker({ type: 'reseed', seed: message.seed });
      case 'setView':
        this._state.view = message.view;
        return this._worker?.post({ type: 'setView', view: message.view });
      case 'inspect':
        return this._inspect(message.split, message.index);
      case 'save':
        void this.save();
        return;
      case 'saveAs':
        void this.save(true, message.name);
        return;
      case 'open':
        void this.open();
        return;
      case 'pageError':
        return this._host.log.error(`Page: ${message.message}`);
    }
  }

  /** Starts a new, unsaved run from `config` (a template, the default run). */
  newRun(config: RunConfig): void {
    this._state.config = config;
    this._setFile({ name: null, dirty: false });
    this._prepare({ type: 'init', config });
  }

  /** Marks the run as changed since it was saved (e.g. restored from an unsaved state). */
  markDirty(): void {
    this._setDirty(true);
  }

  /** Shows the run as failed with `message` (e.g. its file could not be read). */
  fail(message: string): void {
    this._setStatus('error', undefined, message);
  }

  /** Replaces the config: the run goes back to epoch 0 with a new model. */
  setConfig(config: RunConfig): void {
    this._state.config = config;
    this._setDirty(true);
    this._prepare({ type: 'init', config });
  }

  /** Applies new settings (update rate, default dtype) and replays the state. */
  setSettings(settings: Settings): void {
    this._state.settings = settings;
    this._worker?.post({ type: 'setRate', updatesPerSecond: settings.updatesPerSecond });
    this._post({ type: 'state', state: this._state });
  }

  /**
   * Opens run file text named `name` (for messages): on success the run is shown as saved,
   * without retraining, as the file `file` (by default `name`, unchanged since saved).
   */
  loadText(name: string, text: string, file: FileInfo = { name, dirty: false }): boolean {
    let run: RunFile;
    try {
      run = parseRunFile(text);
    } catch (error) {
      this._notice('error', `Could not open ${name}: ${messageOf(error)}`);
      return false;
    }
    this._setFile(file);
    this._prepare({ type: 'load', run });
    this._host.log.info(`Opened ${name} (${run.history.length} epochs).`);
    return true;
  }

  /** The run as run file text, with its current weights and history. */
  async exportText(): Promise<string> {
    const run = await this._request();
    return stringifyRunFile(run as RunFile);
  }

  /**
   * Saves the run through the host; returns whether it was written. `name` is a file name
   * the page already asked for (hosts with their own dialog ignore it).
   */
  async save(saveAs = false, name?: string): Promise<boolean> {
    try {
      const text = await this.exportText();
      const saved = await this._host.save(text, name ?? this._state.file.name, saveAs);
      if (saved === undefined) return false;
      this._setFile({ name: saved, dirty: false });
      this._host.log.info(`Saved the run to ${saved}.`);
      // Confirmed on the page only: the host's own dialog has already been answered.
      this._post({
        type: 'notice',
        level: 'info',
        message: `Saved the run as ${saved}.`,
      });
      this._host.changed?.(this);
      return true;
    } catch (error) {
      this._notice('error', `Could not save the run: ${messageOf(error)}`);
      return false;
    }
  }

  /** Asks the host for a run file and opens it. */
  async open(): Promise<boolean> {
    try {
      const file = await this._host.open();
      return file ? this.loadText(file.name, file.text) : false;
    } catch (error) {
      this._notice('error', `Could not open the run file: ${messageOf(error)}`);
      return false;
    }
  }

  /** Stops the worker for good. */
  dispose(): void {
    this._disposed = true;
    this._stopWorker('the playground was closed');
  }

  private _train(epochs?: number): void {
    if (!this._worker) this.start();
    this._worker?.post({ type: 'train', epochs });
  }

  private _toWorker(request: WorkerRequest): void {
    if (!this._worker) this.start();
    this._worker?.post(request);
  }

  private _inspect(split: 'train' | 'test', index: number): void {
    if (!this._worker)
      return this._notice('warning', 'Nothing to inspect: no run is loaded.');
    const requestId = ++this._requestId;
    this._inspections.set(requestId, { split, index });
    this._worker.post({ type: 'inspect', requestId, split, index });
  }

  /** Asks the worker for the run file; rejects if there is no worker or it dies. */
  private _request(): Promise<unknown> {
    const worker = this._worker;
    if (!worker)
      return Promise.reject(new Error('no run is loaded: train or open one first'));
    const requestId = ++this._requestId;
    return new Promise((resolve, reject) => {
      this._exports.set(requestId, { resolve, reject });
      worker.post({ type: 'export', requestId });
    });
  }

  /** Starts a worker if needed and (re)builds the run in it under a new run id. */
  private _prepare(
    request: { type: 'init'; config: RunConfig } | { type: 'load'; run: unknown },
  ): void {
    if (this._disposed) return;
    this._rejectPending('the run was replaced');
    this._runId += 1;
    const worker = this._worker ?? this._startWorker();
    const { view, settings } = this._state;
    const common = {
      runId: this._runId,
      view,
      updatesPerSecond: settings.updatesPerSecond,
    };
    worker.post({ ...request, ...common });
  }

  private _startWorker(): WorkerPort {
    const worker = this._host.startWorker(
      (event) => this._onEvent(event),
      (reason) => this._onExit(worker, reason),
    );
    this._worker = worker;
    return worker;
  }

  private _stopWorker(reason: string): void {
    const worker = this._worker;
    this._worker = undefined;
    this._rejectPending(reason);
    worker?.terminate();
  }

  /** The worker died on its own: tell the page; the next action starts a new one. */
  private _onExit(worker: WorkerPort, reason: string): void {
    if (this._worker !== worker || this._disposed) return;
    this._worker = undefined;
    this._rejectPending(`the training worker stopped (${reason})`);
    const error =
      `The training worker stopped (${reason}). ` +
      'Press Train to start a new one from the current configuration.';
    this._setStatus('error', undefined, error);
    this._notice('error', error);
  }

  private _onEvent(event: WorkerEvent): void {
    if (event.runId !== this._runId) return;
    switch (event.type) {
      case 'prepared':
        return this._onPrepared(event);
      case 'progress':
        return this._onProgress(event);
      case 'status':
        return this._onStatus(event.status, event.stop);
      case 'inspection':
        return this._onInspection(event.requestId, event.result);
      case 'runFile':
        this._exports.get(event.requestId)?.resolve(event.run);
        this._exports.delete(event.requestId);
        return;
      case 'error':
        return this._onError(event.message, event.requestId);
    }
  }

  private _onPrepared(event: Extract<WorkerEvent, { type: 'prepared' }>): void {
    const { config, dataset, model, history, snapshot, stop } = event;
    Object.assign(this._state, { config, dataset, model, history, snapshot });
    this._state.status = stop ? 'stopped' : 'idle';
    this._state.stop = stop;
    this._state.error = undefined;
    this._post({ type: 'state', state: this._state });
    this._host.changed?.(this);
  }

  private _onProgress(event: Extract<WorkerEvent, { type: 'progress' }>): void {
    this._state.history.push(...event.epochs);
    if (event.snapshot) this._state.snapshot = event.snapshot;
    if (event.epochs.length > 0) this._setDirty(true);
    this._post({ type: 'progress', epochs: event.epochs, snapshot: event.snapshot });
  }

  private _onStatus(status: 'running' | 'paused' | 'stopped', stop?: StopInfo): void {
    this._setStatus(status, stop);
    if (stop?.reason === 'diverged') this._notice('warning', stop.message);
    else if (stop) this._host.log.info(stop.message);
    if (status !== 'running') this._host.changed?.(this);
  }

  private _onInspection(requestId: number, result: Inspection): void {
    const point = this._inspections.get(requestId);
    this._inspections.delete(requestId);
    if (point) this._post({ type: 'inspection', ...point, result });
  }

  private _onError(message: string, requestId?: number): void {
    const pending = requestId === undefined ? undefined : this._exports.get(requestId);
    if (pending) {
      this._exports.delete(requestId!);
      return pending.reject(new Error(message));
    }
    if (requestId !== undefined) {
      this._inspections.delete(requestId);
      return this._notice('warning', message);
    }
    this._setStatus('error', undefined, message);
    this._notice('error', message);
  }

  private _setStatus(status: RunState['status'], stop?: StopInfo, error?: string): void {
    Object.assign(this._state, { status, stop, error });
    this._post({ type: 'status', status, stop, error });
  }

  private _setDirty(dirty: boolean): void {
    if (this._state.file.dirty !== dirty) this._setFile({ ...this._state.file, dirty });
  }

  private _setFile(file: FileInfo): void {
    this._state.file = file;
    this._post({ type: 'file', file });
  }

  private _rejectPending(reason: string): void {
    for (const pending of this._exports.values()) pending.reject(new Error(reason));
    this._exports.clear();
    this._inspections.clear();
  }

  private _notice(level: 'info' | 'warning' | 'error', message: string): void {
    const log = this._host.log;
    (level === 'error' ? log.error : level === 'warning' ? log.warn : log.info)(message);
    this._post({ type: 'notice', level, message });
    this._host.notify?.(level, message);
  }

  /** Notices raised while the page was away, shown once it is back. */
  private _flushNotices(): void {
    const notices = this._unseenNotices;
    this._unseenNotices = [];
    for (const notice of notices) this._post(notice);
  }

  private _post(message: HostMessage): void {
    if (message.type === 'notice' && !this._pageReady) this._unseenNotices.push(message);
    if (this._pageReady) this._host.post(message);
  }
}
