/** `logit-lab bench`: trains the benchmark workloads in this engine; one JSON line each. */
import { runWorkload, WORKLOADS } from '../engine/bench';
import type { DType } from '../engine/tensor';
import { UsageError } from './io';

/** Prints one JSON line per workload (or only `name`); returns the exit code. */
export function bench(name: string | undefined, dtype: DType): number {
  const names = name ? [name] : Object.keys(WORKLOADS);
  for (const n of names) {
    const w = WORKLOADS[n];
    if (!w) {
      const known = Object.keys(WORKLOADS).join(', ');
      throw new UsageError(`--workload: unknown workload "${n}": use one of ${known}`);
    }
    console.log(JSON.stringify(runWorkload(n, w, dtype)));
  }
  return 0;
}
