/** Parsing of untrusted messages on either side of the page/host channel. */
import { hostMessageSchema, type HostMessage } from './host';
import { pageMessageSchema, type PageMessage } from './page';
import type * as z from './zod';

/** The outcome of checking one message: the typed message, or why it was refused. */
export type Checked<T> = { ok: true; message: T } | { ok: false; error: string };

/** Checks a message received from the page; never throws. */
export function parsePageMessage(data: unknown): Checked<PageMessage> {
  return check(pageMessageSchema, data, 'page');
}

/** Checks a message received from the host; never throws. */
export function parseHostMessage(data: unknown): Checked<HostMessage> {
  return check(hostMessageSchema, data, 'host');
}

function check<T>(schema: z.ZodMiniType<T>, data: unknown, from: string): Checked<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const type = describeType(data);
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    error: `Refused a message from the ${from} (${type})${where}: ${issue.message}`,
  };
}

function describeType(data: unknown): string {
  if (data === null) return 'null, not an object';
  if (typeof data !== 'object') return `a ${typeof data}, not an object`;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' ? `type "${type}"` : 'no string "type" field';
}
