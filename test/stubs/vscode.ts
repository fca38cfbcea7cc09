/**
 * A stub of the `vscode` module for host-side tests (aliased in vitest.config.ts): an
 * in-memory workspace.fs, scriptable dialogs, and webview panels whose traffic tests can see.
 */

type Listener<T> = (value: T) => void;

/** An event source, as vscode.EventEmitter. */
export class EventEmitter<T> {
  private _listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this._listeners.push(listener);
    return {
      dispose: () => (this._listeners = this._listeners.filter((l) => l !== listener)),
    };
  };
  fire(value: T): void {
    for (const listener of this._listeners.slice()) listener(value);
  }
  dispose(): void {
    this._listeners = [];
  }
}

/** A file or untitled URI with a scheme and a path. */
export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const match = /^([\w-]+):\/\/(.*)$/.exec(text);
    return match ? new Uri(match[1], match[2]) : Uri.file(text);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/').replace(/\/+/g, '/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

/** A file system error, as vscode.FileSystemError. */
export class FileSystemError extends Error {
  static FileNotFound(uri: Uri): FileSystemError {
    return new FileSystemError(`File not found: ${uri.path}`);
  }
}

/** The in-memory files of the stubbed workspace.fs, by path; tests read and seed it. */
export const files = new Map<string, Uint8Array>();

/** Every write and rename, in order, so tests can check that saves are atomic. */
export const fsLog: string[] = [];

const fs = {
  async readFile(uri: Uri): Promise<Uint8Array> {
    const data = files.get(uri.path);
    if (!data) throw FileSystemError.FileNotFound(uri);
    return data;
  },
  async writeFile(uri: Uri, data: Uint8Array): Promise<void> {
    fsLog.push(`write ${uri.path}`);
    files.set(uri.path, data);
  },
  async rename(from: Uri, to: Uri, options?: { overwrite?: boolean }): Promise<void> {
    if (files.has(to.path) && !options?.overwrite) throw new FileSystemError('exists');
    fsLog.push(`rename ${from.path} -> ${to.path}`);
    files.set(to.path, (await fs.readFile(from)) as Uint8Array);
    files.delete(from.path);
  },
  async delete(uri: Uri): Promise<void> {
    files.delete(uri.path);
  },
};

/** What the tests set: settings and the answers of dialogs. */
export const testState = {
  settings: {} as Record<string, unknown>,
  saveDialog: undefined as Uri | undefined,
  openDialog: undefined as Uri[] | undefined,
  quickPick: (items: unknown[]) => items[0] as unknown,
  shown: [] as string[],
  context: {} as Record<string, unknown>,
  edits: [] as WorkspaceEdit[],
};

/** Fires configuration changes; tests call `fire` after changing `testState.settings`. */
export const configurationChanged = new EventEmitter<{
  affectsConfiguration(section: string): boolean;
}>();

export const workspace = {
  fs,
  workspaceFolders: [{ uri: Uri.file('/workspace'), name: 'workspace', index: 0 }],
  getConfiguration(section: string) {
    return {
      get: <T>(key: string, fallback: T) =>
        (testState.settings[`${section}.${key}`] as T | undefined) ?? fallback,
    };
  },
  onDidChangeConfiguration: configurationChanged.event,
  onDidChangeTextDocument: new EventEmitter<unknown>().event,
  applyEdit: async (edit: WorkspaceEdit) => {
    testState.edits.push(edit);
    return true;
  },
};

/** Records webview traffic; `receive` plays a message from the page. */
export class StubWebview {
  html = '';
  options: unknown = {};
  readonly cspSource = 'vscode-resource:';
  readonly posted: unknown[] = [];
  private readonly _received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this._received.event;
  async postMessage(message: unknown): Promise<boolean> {
    this.posted.push(JSON.parse(JSON.stringify(message)));
    return true;
  }
  asWebviewUri(uri: Uri): Uri {
    return Uri.parse(`vscode-resource://${uri.path}`);
  }
  receive(message: unknown): void {
    this._received.fire(message);
  }
}

/** A webview panel whose visibility tests can change. */
export class StubPanel {
  readonly webview = new StubWebview();
  title: string;
  visible = true;
  active = true;
  private readonly _viewState = new EventEmitter<unknown>();
  private readonly _disposed = new EventEmitter<void>();
  readonly onDidChangeViewState = this._viewState.event;
  readonly onDidDispose = this._disposed.event;
  constructor(
    readonly viewType: string,
    title: string,
  ) {
    this.title = title;
  }
  reveal(): void {
    this.setVisible(true);
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.active = visible;
    this._viewState.fire({ webviewPanel: this });
  }
  private _isDisposed = false;
  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    this._disposed.fire();
  }
}

/** Panels created through window.createWebviewPanel, newest last. */
export const panels: StubPanel[] = [];

/** Serializers and editor providers registered with window, by view type. */
export const registered = new Map<string, unknown>();

/** A log output channel that keeps its lines. */
export const logLines: string[] = [];

const logChannel = (name: string) => ({
  name,
  trace: (m: string) => logLines.push(`trace ${m}`),
  debug: (m: string) => logLines.push(`debug ${m}`),
  info: (m: string) => logLines.push(`info ${m}`),
  warn: (m: string) => logLines.push(`warn ${m}`),
  error: (m: string) => logLines.push(`error ${m}`),
  dispose: () => undefined,
});

const show = async (kind: string, message: string) => {
  testState.shown.push(`${kind}: ${message}`);
  return undefined;
};

export const window = {
  createOutputChannel: (name: string) => logChannel(name),
  createWebviewPanel(
    viewType: string,
    title: string,
    _column: unknown,
    options: unknown,
  ) {
    const panel = new StubPanel(viewType, title);
    panel.webview.options = options;
    panels.push(panel);
    return panel;
  },
  registerWebviewPanelSerializer(viewType: string, serializer: unknown) {
    registered.set(viewType, serializer);
    return { dispose: () => registered.delete(viewType) };
  },
  registerCustomEditorProvider(viewType: string, provider: unknown) {
    registered.set(viewType, provider);
    return { dispose: () => registered.delete(viewType) };
  },
  showSaveDialog: async () => testState.saveDialog,
  showOpenDialog: async () => testState.openDialog,
  showQuickPick: async (items: unknown[]) => testState.quickPick(items),
  showErrorMessage: (m: string) => show('error', m),
  showWarningMessage: (m: string) => show('warning', m),
  showInformationMessage: (m: string) => show('info', m),
};

const commandTable = new Map<string, (...args: unknown[]) => unknown>();

export const commands = {
  registerCommand(id: string, run: (...args: unknown[]) => unknown) {
    commandTable.set(id, run);
    return { dispose: () => commandTable.delete(id) };
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    if (id === 'setContext') {
      testState.context[args[0] as string] = args[1];
      return undefined;
    }
    const run = commandTable.get(id);
    if (!run) throw new Error(`stub vscode: no command ${id}`);
    return run(...args);
  },
};

export enum ViewColumn {
  Active = -1,
  One = 1,
}

export class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
}

/** A memento backed by a Map. */
export class Memento {
  private readonly _values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this._values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this._values.set(key, value);
  }
  keys(): readonly string[] {
    return [...this._values.keys()];
  }
}
