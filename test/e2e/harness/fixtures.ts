import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { extensionErrors } from './hostLogs';
import { startSession, type Session, type SessionOptions } from './session';

/** True when the repository has an extension to test (globalSetup packed a .vsix). */
export const hasExtension = (): boolean => inject('vsix') !== '';

/**
 * Starts a session with the packed extension before the suite's tests and ends it after them;
 * the returned getter gives the session to each test.
 */
export function useSession(
  options: Omit<SessionOptions, 'binary' | 'vsix'> = {},
): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession({
      ...options,
      binary: inject('binary'),
      vsix: inject('vsix'),
    });
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    const name = `failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    await session.workbench.screenshot(name).catch(() => undefined);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('e2e: the session did not start: see beforeAll');
    return session;
  };
}

/** Fails if the page logged a CSP violation or a webview error, or the extension an error. */
export function expectCleanLogs(session: Session): void {
  const { log } = session;
  expect(log.format(log.cspViolations()), 'CSP violations').toBe('');
  expect(log.format(log.webviewErrors()), 'errors in the webview console').toBe('');
  expect(extensionErrors(session.server.userDataDir), 'extension errors').toEqual([]);
}
