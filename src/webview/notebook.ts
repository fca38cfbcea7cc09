/**
 * The notebook: a header with the run's file and Run All, a notice bar, and the five cells top
 * to bottom. Routes state changes to cells, marks stale outputs, runs the focused cell on
 * Shift+Enter, asks for a file name on Save As (web) and repaints on theme changes.
 */
import type { RunConfig } from '../engine/config';
import { button, el } from './dom';
import type { Cell, CellContext } from './cells/cell';
import { DataCell } from './cells/data';
import { LossCell } from './cells/loss';
import { ModelCell } from './cells/model';
import { ResultsCell } from './cells/results';
import { TrainCell } from './cells/train';
import { NoticeBar } from './notice';
import { SavePrompt } from './save-prompt';
import type { Change, PageState } from './state';
import { templatePicker } from './template-picker';
import { insideVsCode, themePicker } from './theme-picker';

/** The whole page. */
export class Notebook {
  readonly element: HTMLElement;
  readonly cells: Cell[];
  private readonly _file = el('span', { className: 'file', testId: 'file-name' });
  private readonly _notice: NoticeBar;
  private readonly _savePrompt = new SavePrompt((name) =>
    this._context.post({ type: 'saveAs', name }),
  );

  /** Builds the header and the cells in `context`. */
  constructor(private readonly _context: CellContext) {
    this.cells = [
      new DataCell(0, _context),
      new ModelCell(1, _context),
      new LossCell(2, _context),
      new TrainCell(3, _context),
      new ResultsCell(4, _context),
    ];
    this._notice = new NoticeBar(() => _context.store.dismissNotice());
    this.element = el('main', { className: 'notebook' }, [
      this._header(),
      this._savePrompt.element,
      this._notice.element,
      ...this.cells.map((cell) => cell.element),
    ]);
    this._listenKeys();
    _context.store.subscribe((state, changes) => this.render(state, changes));
  }

  /** Redraws the header, the notice, the stale marks and every cell for `changes`. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    const file = state.run?.file;
    if (file)
      this._file.textContent = `${file.name ?? 'Unsaved run'}${file.dirty ? ' •' : ''}`;
    if (changes.has('notice')) this._notice.show(state.notice);
    for (const cell of this.cells) {
      cell.setStale(state.staleFrom >= 0 && cell.index >= state.staleFrom);
      cell.render(state, changes);
    }
  }

  /** Repaints every theme-dependent output. */
  retheme(): void {
    for (const cell of this.cells) cell.retheme();
  }

  /** Runs every cell: sends the configuration, then trains. */
  runAll(): void {
    this.cells[this.cells.length - 2].run();
  }

  private _header(): HTMLElement {
    const post = this._context.post;
    const actions = el('div', { className: 'toolbar', attrs: { role: 'toolbar' } }, [
      button('Run All', () => this.runAll(), { testId: 'run-all', className: 'primary' }),
      button('Open…', () => post({ type: 'open' }), {
        testId: 'open',
        className: 'secondary',
      }),
      button('Save', () => post({ type: 'save' }), {
        testId: 'save',
        className: 'secondary',
      }),
      button('Save As…', () => this._saveAs(), {
        testId: 'save-as',
        className: 'secondary',
      }),
    ]);
    actions.setAttribute('aria-label', 'Run actions');
    if (!insideVsCode()) {
      const start = (config: RunConfig) => post({ type: 'setConfig', config });
      actions.prepend(templatePicker(start));
      actions.append(themePicker());
    }
    return el('header', { className: 'page-header' }, [
      el('h1', { text: 'Logit Lab' }),
      this._file,
      actions,
    ]);
  }

  /** Save As: the web page asks for the name here; VS Code shows its own dialog. */
  private _saveAs(): void {
    if (insideVsCode()) return this._context.post({ type: 'saveAs' });
    this._savePrompt.open(this._context.store.state.run?.file.name ?? null);
  }

  /** Shift+Enter runs the cell that holds the focus. */
  private _listenKeys(): void {
    for (const cell of this.cells) {
      cell.element.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' || !event.shiftKey) return;
        event.preventDefault();
        const target = event.target;
        if (target instanceof HTMLInputElement) target.dispatchEvent(new Event('change'));
        cell.run();
      });
    }
  }
}
