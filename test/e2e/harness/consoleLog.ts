import type { ConsoleMessage, Page } from 'playwright-core';

/** One message a page printed or threw, with the address of the frame it came from. */
export interface LogEntry {
  kind: 'console' | 'pageerror';
  type: string;
  text: string;
  url: string;
}

/** Chromium's console wording for a Content Security Policy violation. */
const cspPattern =
  /Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i;

/** Webview documents are served from VS Code's webview "pre" folder. */
const webviewPattern =
  /\/webview\/browser\/pre\/|vscode-webview|vscode-resource|vscode-cdn/i;

/** Collects every console message and uncaught error of a page and all of its frames. */
export class ConsoleLog {
  readonly entries: LogEntry[] = [];

  constructor(page: Page) {
    page.on('console', (message) => this.entries.push(fromConsole(message)));
    page.on('pageerror', (error) => {
      this.entries.push({
        kind: 'pageerror',
        type: 'error',
        text: errorText(error),
        url: '',
      });
    });
  }

  /** Messages that report a Content Security Policy violation, in any frame. */
  cspViolations(): LogEntry[] {
    return this.entries.filter((e) => cspPattern.test(e.text));
  }

  /** Errors printed or thrown by a webview's page (not by VS Code's own workbench). */
  webviewErrors(): LogEntry[] {
    return this.entries.filter(
      (e) => (e.type === 'error' || e.kind === 'pageerror') && isWebviewEntry(e),
    );
  }

  /** Entries whose text matches `pattern`, e.g. errors naming the extension. */
  matching(pattern: RegExp): LogEntry[] {
    return this.entries.filter((e) => pattern.test(e.text) || pattern.test(e.url));
  }

  /** Forgets everything collected so far, so that a test checks only its own steps. */
  clear(): void {
    this.entries.length = 0;
  }

  /** All entries, one a line, for a failure message. */
  format(entries: LogEntry[] = this.entries): string {
    return entries.map((e) => `[${e.kind}:${e.type}] ${e.text} (${e.url})`).join('\n');
  }
}

/** True for entries from webview frames, or errors whose stack passes through one. */
function isWebviewEntry(entry: LogEntry): boolean {
  return webviewPattern.test(entry.url) || webviewPattern.test(entry.text);
}

function fromConsole(message: ConsoleMessage): LogEntry {
  const url = message.location().url;
  return { kind: 'console', type: message.type(), text: message.text(), url };
}

function errorText(error: Error): string {
  return `${error.message}\n${error.stack ?? ''}`;
}
