/**
 * The page's copy of the run: the host's replayed state, the user's draft of the configuration,
 * and which cells are stale. Host messages are applied here and nowhere else.
 */
import type { RunConfig } from '../engine/config';
import type { HostMessage, Inspection } from '../protocol/host';
import type { RunState } from '../protocol/state';

/** The answer to the last `inspect`, with the point it is about. */
export interface InspectedPoint {
  split: 'train' | 'test';
  index: number;
  result: Inspection;
}

/** A message for the user, shown until it is closed or the next action succeeds. */
export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** What changed in one update, so that each view redraws only what it shows. */
export type Change =
  | 'all'
  | 'config'
  | 'draft'
  | 'status'
  | 'history'
  | 'snapshot'
  | 'inspection'
  | 'file'
  | 'view'
  | 'notice';

/** Everything the page shows. */
export interface PageState {
  /** The run as the host has it; undefined until the first `state` arrives. */
  run?: RunState;
  /** The configuration being edited; equals `run.config` until the user edits a cell. */
  draft?: RunConfig;
  /** Index of the first cell whose inputs changed since the draft was last sent; -1 for none. */
  staleFrom: number;
  inspection?: InspectedPoint;
  notice?: Notice;
}

/** A listener told which parts of the state changed. */
export type Listener = (state: PageState, changes: ReadonlySet<Change>) => void;

/** Holds the page state and tells listeners what changed. */
export class Store {
  readonly state: PageState = { staleFrom: -1 };
  private readonly _listeners: Listener[] = [];

  /** Calls `listener` after every change. */
  subscribe(listener: Listener): void {
    this._listeners.push(listener);
  }

  /** Applies one checked host message. */
  apply(message: HostMessage): void {
    const changes = applyHostMessage(this.state, message);
    this._emit(changes);
  }

  /** Replaces the draft after an edit of cell `cell`, marking that cell and those below stale. */
  edit(cell: number, draft: RunConfig): void {
    if (this.state.draft && sameConfig(draft, this.state.draft)) return;
    this.state.draft = draft;
    const from = this.state.staleFrom;
    this.state.staleFrom = from < 0 ? cell : Math.min(from, cell);
    this._emit(new Set<Change>(['draft']));
  }

  /** Shows `message` to the user until it is closed or the next action succeeds. */
  notify(level: Notice['level'], message: string): void {
    this.state.notice = { level, message };
    this._emit(new Set<Change>(['notice']));
  }

  /** Hides the notice (its close button, or an info notice's time is up). */
  dismissNotice(): void {
    if (!this.state.notice) return;
    this.state.notice = undefined;
    this._emit(new Set<Change>(['notice']));
  }

  /** Tells listeners that `change` happened outside a host message (e.g. a new view). */
  touch(change: Change): void {
    this._emit(new Set<Change>([change]));
  }

  /**
   * Takes the draft for sending: returns it (now the run's configuration) when it differs
   * from the host's, else undefined. Either way the outputs are no longer stale.
   */
  commitDraft(): RunConfig | undefined {
    const { draft, run } = this.state;
    if (!draft || !run) return undefined;
    const changed = this.isDirty();
    this.state.staleFrom = -1;
    if (!changed) {
      this._emit(new Set<Change>(['draft']));
      return undefined;
    }
    run.config = structuredClone(draft);
    return run.config;
  }

  /** Writes a new seed into both the run's configuration and the draft, as `reseed` does. */
  setSeed(seed: number): void {
    const { draft, run } = this.state;
    if (run) run.config.seed = seed;
    if (draft) draft.seed = seed;
    this._emit(new Set<Change>(['draft']));
  }

  /** True when the draft differs from the configuration the host has. */
  isDirty(): boolean {
    const { draft, run } = this.state;
    return !!draft && !!run && !sameConfig(draft, run.config);
  }

  private _emit(changes: ReadonlySet<Change>): void {
    for (const listener of this._listeners) listener(this.state, changes);
  }
}

/**
 * Applies `message` to `state` in place and names what changed. A new state or a run that
 * starts means the last action succeeded: the notice of an earlier failure goes away.
 * `config` is named when the host's configuration replaced the draft.
 */
export function applyHostMessage(state: PageState, message: HostMessage): Set<Change> {
  const run = state.run;
  switch (message.type) {
    case 'state': {
      state.notice = undefined;
      const replaced = replaceRun(state, message.state);
      return new Set<Change>(replaced ? ['all', 'config', 'notice'] : ['all', 'notice']);
    }
    case 'notice':
      state.notice = { level: message.level, message: message.message };
      return new Set<Change>(['notice']);
    case 'inspection':
      state.inspection = {
        split: message.split,
        index: message.index,
        result: message.result,
      };
      return new Set<Change>(['inspection']);
  }
  if (!run) return new Set();
  switch (message.type) {
    case 'progress':
      run.history.push(...message.epochs);
      if (message.snapshot) run.snapshot = message.snapshot;
      return new Set<Change>(message.snapshot ? ['history', 'snapshot'] : ['history']);
    case 'status':
      Object.assign(run, {
        status: message.status,
        stop: message.stop,
        error: message.error,
      });
      if (message.status !== 'running') return new Set<Change>(['status']);
      state.notice = undefined;
      return new Set<Change>(['status', 'notice']);
    case 'file':
      run.file = message.file;
      return new Set<Change>(['file']);
  }
}

/**
 * Takes a replayed run. An unsent edit survives when the host's configuration is the one it
 * was made against (a reset or reseed); a new configuration (open, setConfig) replaces it.
 * Returns true when the draft was replaced.
 */
function replaceRun(state: PageState, next: RunState): boolean {
  const before = state.run?.config;
  const keepDraft =
    state.draft !== undefined &&
    state.staleFrom >= 0 &&
    before !== undefined &&
    sameConfig({ ...before, seed: next.config.seed }, next.config);
  state.run = next;
  state.inspection = undefined;
  if (keepDraft && state.draft) {
    state.draft.seed = next.config.seed;
    return false;
  }
  state.draft = structuredClone(next.config);
  state.staleFrom = -1;
  return true;
}

/** True when two configurations hold the same values, whatever the order of their keys. */
export function sameConfig(a: RunConfig, b: RunConfig): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so that equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}
