/** Messages from the page (webview or browser tab) to its host, each with a `type`. */
import { runConfigSchema, viewSchema } from './state';
import * as z from './zod';

/** Every message the page may send; the page sends `ready` before the host sends anything. */
export const pageMessageSchema = z.discriminatedUnion('type', [
  /** The page has loaded and listens: the host answers with the whole `state`. */
  z.object({ type: z.literal('ready') }),
  /** The page edited the configuration: the run goes back to epoch 0 with the new config. */
  z.object({ type: z.literal('setConfig'), config: runConfigSchema }),
  /** Train from the current weights: starts an idle run, resumes a paused one. */
  z.object({ type: z.literal('train') }),
  /** Train exactly one epoch, then pause. */
  z.object({ type: z.literal('step') }),
  z.object({ type: z.literal('pause') }),
  /** Stop training for good; the weights and curves so far are kept. */
  z.object({ type: z.literal('cancel') }),
  /** Back to epoch 0 with the same initial weights and batch order. */
  z.object({ type: z.literal('reset') }),
  /** Back to epoch 0 with new initial weights and batch order drawn from `seed`. */
  z.object({ type: z.literal('reseed'), seed: z.int().check(z.gte(0)) }),
  /** Which features the decision picture shows, and how finely. */
  z.object({ type: z.literal('setView'), view: viewSchema }),
  /** Explain the model's output for one point: answered by `inspection`. */
  z.object({
    type: z.literal('inspect'),
    split: z.enum(['train', 'test']),
    index: z.int().check(z.gte(0)),
  }),
  /** Save to the run's file (asks for one if it has none); `saveAs` always asks. */
  z.object({ type: z.literal('save') }),
  /** `name`: the file name the page already asked for (the web page); VS Code asks itself. */
  z.object({
    type: z.literal('saveAs'),
    name: z.optional(z.string().check(z.minLength(1))),
  }),
  /** Open a run file chosen by the user. */
  z.object({ type: z.literal('open') }),
  /** Something failed in the page; the host logs it. */
  z.object({ type: z.literal('pageError'), message: z.string() }),
]);

/** A message from the page to the host. */
export type PageMessage = z.infer<typeof pageMessageSchema>;
