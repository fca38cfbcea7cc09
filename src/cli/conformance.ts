/** `logit-lab conformance FILE...`: runs reference cases and reports each failure. */
import { runReferenceFile } from '../engine/conformance';
import { readJson, UsageError } from './io';

/** Prints one line per failing case and `N passed, M failed`; returns the exit code. */
export function conformance(files: string[]): number {
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let outcomes;
    try {
      outcomes = runReferenceFile(readJson(file));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
    for (const o of outcomes) {
      if (o.failures.length === 0) passed++;
      else {
        failed++;
        console.log(`FAIL ${file} ${o.id}: ${o.failures.join('; ')}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
