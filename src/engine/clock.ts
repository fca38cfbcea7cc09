/** Milliseconds from a monotonic clock: performance.now() exists in Node, browsers, workers. */
declare const performance: { now(): number };

/** The current time in milliseconds, for measuring durations only. */
export function now(): number {
  return performance.now();
}
