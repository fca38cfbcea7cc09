/** Test doubles for the host side: an in-process worker and a host that records everything. */
import { DEFAULT_RUN } from '../../src/engine/templates';
import type { RunConfig } from '../../src/engine/config';
import type { HostMessage } from '../../src/protocol/host';
import type { WorkerEvent, WorkerRequest } from '../../src/protocol/worker';
import { engineRuns } from '../../src/runner/engine-run';
import { Runner } from '../../src/runner/runner';
import type { SessionHost, WorkerPort } from '../../src/runner/session';

/** The default run with more epochs, so that it is still training when a test looks. */
export function longRun(epochs = 100_000): RunConfig {
  return { ...DEFAULT_RUN, training: { ...DEFAULT_RUN.training, epochs } };
}

/** A Runner in this thread behind a WorkerPort: messages cross on the next macrotask. */
export function inProcessWorker(onEvent: (event: WorkerEvent) => void): WorkerPort {
  let alive = true;
  const runner = new Runner({
    factory: engineRuns,
    emit: (event) => setTimeout(() => alive && onEvent(event), 0),
  });
  return {
    post: (request: WorkerRequest) =>
      setTimeout(() => alive && runner.handle(request), 0),
    terminate: () => {
      alive = false;
      runner.handle({ type: 'pause' });
    },
  };
}

/** A SessionHost that records what it is asked, with scriptable save and open. */
export class RecordingHost implements SessionHost {
  readonly messages: HostMessage[] = [];
  readonly logs: string[] = [];
  readonly saved: string[] = [];
  workersStarted = 0;
  exits: ((reason: string) => void)[] = [];
  openResult?: { name: string; text: string };
  readonly log = {
    info: (m: string) => this.logs.push(`info: ${m}`),
    warn: (m: string) => this.logs.push(`warn: ${m}`),
    error: (m: string) => this.logs.push(`error: ${m}`),
  };

  post(message: HostMessage): void {
    this.messages.push(message);
  }

  startWorker(
    onEvent: (e: WorkerEvent) => void,
    onExit: (r: string) => void,
  ): WorkerPort {
    this.workersStarted += 1;
    this.exits.push(onExit);
    return inProcessWorker(onEvent);
  }

  async save(text: string, current: string | null): Promise<string> {
    this.saved.push(text);
    return current ?? 'run.logitlab.json';
  }

  async open(): Promise<{ name: string; text: string } | undefined> {
    return this.openResult;
  }

  /** The messages of one type, typed. */
  of<T extends HostMessage['type']>(type: T): Extract<HostMessage, { type: T }>[] {
    return this.messages.filter(
      (m): m is Extract<HostMessage, { type: T }> => m.type === type,
    );
  }
}

/** Resolves once `predicate` holds, polling every few milliseconds; fails after `ms`. */
export async function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`until: condition not met in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
