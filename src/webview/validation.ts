/**
 * What each input of the page accepts, as the engine's run-file schema does
 * (src/engine/runfile/schema.ts), and the check of what the user typed against it. Nothing
 * typed is ever changed: a value is either taken as it is, or refused with a message.
 */

/** The values a number input accepts; bounds are inclusive unless named `above`/`below`. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound (lr > 0). */
  above?: number;
  /** Exclusive upper bound (testFraction < 1). */
  below?: number;
}

/** The result of a check: the number, or why the text was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Every rule, by what it bounds; the same numbers as the engine's schema. */
export const RULES = {
  samples: { integer: true, min: 1, max: 100_000 },
  noise: { min: 0, max: 10 },
  testFraction: { min: 0, below: 1 },
  seed: { integer: true },
  classes: { integer: true, min: 2, max: 10 },
  labels: { integer: true, min: 1, max: 10 },
  units: { integer: true, min: 1, max: 1024 },
  negativeSlope: {},
  ignoreIndex: { integer: true },
  labelSmoothing: { min: 0, max: 1 },
  lr: { above: 0 },
  momentum: { min: 0 },
  beta: { min: 0, below: 1 },
  weightDecay: { min: 0 },
  epochs: { integer: true, min: 1, max: 100_000 },
  batchSize: { integer: true, min: 1 },
} satisfies Record<string, NumberRule>;

/** The most hidden layers a model may have. */
export const MAX_LAYERS = 8;

/** The rule in words, e.g. "a whole number from 1 to 100000" or "a number > 0". */
export function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  if (rule.min !== undefined && rule.max !== undefined)
    return `${kind} from ${rule.min} to ${rule.max}`;
  const bounds = [
    rule.min !== undefined ? `≥ ${rule.min}` : '',
    rule.above !== undefined ? `> ${rule.above}` : '',
    rule.max !== undefined ? `≤ ${rule.max}` : '',
    rule.below !== undefined ? `< ${rule.below}` : '',
  ].filter((bound) => bound !== '');
  return bounds.length > 0 ? `${kind} ${bounds.join(' and ')}` : kind;
}

/** Checks the text of a number input against `rule`; `badInput` is the browser's flag. */
export function checkNumber(
  text: string,
  rule: NumberRule,
  badInput = false,
): Checked<number> {
  const refuse = (): Checked<number> => ({
    ok: false,
    message: `Enter ${describeRule(rule)}.`,
  });
  const trimmed = text.trim();
  if (badInput || trimmed === '') return refuse();
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return refuse();
  if (rule.integer && !Number.isSafeInteger(value)) return refuse();
  if (rule.min !== undefined && value < rule.min) return refuse();
  if (rule.max !== undefined && value > rule.max) return refuse();
  if (rule.above !== undefined && value <= rule.above) return refuse();
  if (rule.below !== undefined && value >= rule.below) return refuse();
  return { ok: true, value };
}

/**
 * Checks a comma-separated list of numbers ≥ 0 (a loss's `weight` or `pos_weight`): blank
 * means none (undefined).
 */
export function checkWeights(text: string): Checked<number[] | undefined> {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) return { ok: true, value: undefined };
  const values = parts.map((part) => (part === '' ? NaN : Number(part)));
  if (values.every((v) => Number.isFinite(v) && v >= 0))
    return { ok: true, value: values };
  return {
    ok: false,
    message: 'Enter numbers ≥ 0 separated by commas, or leave blank for none.',
  };
}
