/** Runs reference cases of any kind (loss, head, training) from a parsed reference file. */
import { checkHead, checkLoss, type HeadCase, type LossCase } from './cases';
import { checkTraining, type TrainingCase } from './training';

export { lossConfigFrom, optimizerConfigFrom } from './options';

/** One case's outcome: the lines describing each mismatch, none when it passed. */
export interface CaseOutcome {
  id: string;
  failures: string[];
}

/** Every case of a reference file `{ cases: [...] }`, checked in order. */
export function runReferenceFile(json: unknown): CaseOutcome[] {
  const cases = (json as { cases?: unknown })?.cases;
  if (!Array.isArray(cases)) {
    throw new Error(
      'a reference file holds an object with a "cases" array: this one has none',
    );
  }
  return cases.map((c, i) => runCase(c as Record<string, unknown>, i));
}

/** One case, recognised by its fields; an error inside it becomes its failure line. */
export function runCase(c: Record<string, unknown>, index: number): CaseOutcome {
  const id = typeof c.id === 'string' ? c.id : `case ${index}`;
  try {
    return { id, failures: check(c) };
  } catch (e) {
    return { id, failures: [`could not run: ${(e as Error).message}`] };
  }
}

/** Dispatches on the case's kind: training runs have batches, heads an op, losses a loss. */
function check(c: Record<string, unknown>): string[] {
  if ('batches' in c) return checkTraining(c as unknown as TrainingCase);
  if ('op' in c) return checkHead(c as unknown as HeadCase);
  if ('loss' in c) return checkLoss(c as unknown as LossCase);
  return ['not a reference case: it has none of "batches", "op" or "loss"'];
}
