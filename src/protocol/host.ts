/** Messages from the host to the page, each with a `type`. */
import {
  epochMetricsSchema,
  fileInfoSchema,
  num,
  runStateSchema,
  runStatusSchema,
  snapshotSchema,
  stopInfoSchema,
} from './state';
import * as z from './zod';

/** How the model reached its output for one point, as the engine's inspectPoint. */
export const inspectionSchema = z.object({
  /** The point's (standardised) features. */
  features: z.array(num),
  logits: z.array(num),
  /** The head's output (equal to the logits without a head). */
  output: z.array(num),
  probs: z.array(num),
  /** The decision rule in words, e.g. `argmax(probs)` or `probs >= 0.5`. */
  rule: z.string(),
  prediction: z.union([z.number(), z.array(z.number())]),
  target: z.union([z.number(), z.array(z.number())]),
  /** This point's own loss under the run's loss. */
  loss: num,
});
export type Inspection = z.infer<typeof inspectionSchema>;

/** Every message the host may send to the page. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  /**
   * The whole run: replaces whatever the page shows. Sent on every `ready`, and whenever the
   * data or model is rebuilt (new config, reset, reseed, open, a restarted worker).
   */
  z.object({ type: z.literal('state'), state: runStateSchema }),
  /** Only what is new since the last `progress`: epochs to append and the latest snapshot. */
  z.object({
    type: z.literal('progress'),
    epochs: z.array(epochMetricsSchema),
    snapshot: z.optional(snapshotSchema),
  }),
  /** The run's status changed. */
  z.object({
    type: z.literal('status'),
    status: runStatusSchema,
    stop: z.optional(stopInfoSchema),
    error: z.optional(z.string()),
  }),
  /** The answer to `inspect`. */
  z.object({
    type: z.literal('inspection'),
    split: z.enum(['train', 'test']),
    index: z.int(),
    result: inspectionSchema,
  }),
  /** The run's file name or dirty flag changed. */
  z.object({ type: z.literal('file'), file: fileInfoSchema }),
  /** A message for the user: a refused file, a dead worker, a diverging run. */
  z.object({
    type: z.literal('notice'),
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
  }),
]);

/** A message from the host to the page. */
export type HostMessage = z.infer<typeof hostMessageSchema>;
