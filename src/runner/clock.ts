/** Time and deferral for the training loop, replaceable in tests. */

/** Milliseconds from a monotonic clock, and a way to run a callback later. */
export interface Clock {
  now(): number;
  /** Runs `callback` after `ms` milliseconds (0: as soon as pending messages are handled). */
  defer(callback: () => void, ms: number): { cancel(): void };
}

/** The real clock: `performance.now` and `setTimeout`, available in Node and in browsers. */
export const systemClock: Clock = {
  now: () => performance.now(),
  defer(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(handle) };
  },
};
