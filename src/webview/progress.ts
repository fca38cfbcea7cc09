/** The progress bar of a run: epoch counter, elapsed time, speed and status in words. */
import type { RunState } from '../protocol/state';
import { el } from './dom';

/** A progress bar with an epoch counter, elapsed time, speed and the run's status. */
export class Progress {
  readonly element: HTMLElement;
  private readonly _bar = el('progress', {
    testId: 'progress',
    attrs: { max: '1', value: '0' },
  });
  private readonly _epoch = el('span', { className: 'epoch', testId: 'epoch' });
  private readonly _elapsed = el('span', { testId: 'elapsed' });
  private readonly _speed = el('span', { testId: 'speed' });
  private readonly _status = el('span', {
    className: 'status',
    testId: 'status',
    attrs: { role: 'status' },
  });

  /** Builds an empty progress display. */
  constructor() {
    this._bar.setAttribute('aria-label', 'Training progress');
    this.element = el('div', { className: 'progress' }, [
      this._bar,
      el('div', { className: 'progress-text' }, [
        this._status,
        this._epoch,
        this._elapsed,
        this._speed,
      ]),
    ]);
  }

  /** Shows how far `run` has come. */
  show(run: RunState): void {
    const epochs = run.config.training.epochs;
    const last = run.history[run.history.length - 1];
    const epoch = last?.epoch ?? 0;
    this._bar.max = epochs;
    this._bar.value = Math.min(epoch, epochs);
    this._epoch.textContent = `epoch ${epoch} / ${epochs}`;
    const seconds = (last?.elapsedMs ?? 0) / 1000;
    this._elapsed.textContent = `${seconds.toFixed(1)} s`;
    this._speed.textContent =
      seconds > 0
        ? `${(epoch / seconds).toFixed(1)} epochs/s, ${speedOfSteps(last, seconds)}`
        : '';
    this._status.textContent = statusText(run);
    this._status.dataset.status = run.status;
  }
}

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Mini-batch steps per second, in words. */
function speedOfSteps(last: RunState['history'][number], seconds: number): string {
  return `${INTEGER.format(Math.round(last.steps / seconds))} steps/s`;
}

/** How a stopped run is headed, by why it stopped. */
const STOP_WORDS: Record<NonNullable<RunState['stop']>['reason'], string> = {
  completed: 'Done',
  target_loss: 'Done',
  cancelled: 'Stopped',
  diverged: 'Diverged',
};

/** The status in words, with the reason a run stopped or failed. */
export function statusText(run: RunState): string {
  if (run.status === 'error') return `Error: ${run.error ?? 'unknown'}`;
  if (run.status === 'stopped')
    return run.stop ? `${STOP_WORDS[run.stop.reason]}: ${run.stop.message}` : 'Stopped';
  const words = { idle: 'Ready', running: 'Training…', paused: 'Paused' };
  return words[run.status];
}
