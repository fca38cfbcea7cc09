/** One notebook cell: a title, its inputs, its output area, and how it runs. */
import type { RunConfig } from '../../engine/config';
import type { PageMessage } from '../../protocol/page';
import { fitOutputs } from '../catalog';
import { el } from '../dom';
import { markInvalid } from '../invalid';
import type { Change, PageState, Store } from '../state';
import type { Theme } from '../theme';
import { checkNumber, type NumberRule } from '../validation';

/** What every cell may use: the store, the channel to the host, and the current theme. */
export interface CellContext {
  store: Store;
  post(message: PageMessage): void;
  theme(): Theme;
  /**
   * Sends the draft to the host when it changed, so that the run matches what is shown.
   * Returns false, sending nothing, while an input on the page is marked invalid.
   */
  applyDraft(): boolean;
  /** Restores a display toggle or picker from the saved UI state, and saves its changes. */
  remember(control: HTMLInputElement | HTMLSelectElement, key: string): void;
}

/** The frame shared by all cells; each cell fills `inputs` and `output`. */
export abstract class Cell {
  readonly element: HTMLElement;
  readonly inputs: HTMLElement;
  readonly output: HTMLElement;

  /** Builds the frame of cell number `index` (0-based), titled `title`. */
  constructor(
    readonly index: number,
    title: string,
    protected readonly context: CellContext,
  ) {
    const headingId = `cell-${index}-title`;
    this.inputs = el('div', { className: 'cell-inputs' });
    this.output = el('div', { className: 'cell-output', attrs: { 'aria-label': title } });
    const heading = el('h2', {
      text: `${index + 1}. ${title}`,
      attrs: { id: headingId },
    });
    // Shown by the cell's `stale` class without moving anything below it.
    const badge = el('span', {
      className: 'stale-badge',
      text: 'Inputs changed: Shift+Enter runs this cell',
    });
    this.element = el(
      'section',
      {
        className: 'cell',
        attrs: { 'aria-labelledby': headingId },
        testId: `cell-${index}`,
      },
      [el('div', { className: 'cell-head' }, [heading, badge]), this.inputs, this.output],
    );
  }

  /** Redraws what `changes` touched. */
  abstract render(state: PageState, changes: ReadonlySet<Change>): void;

  /** Runs the cell (Shift+Enter): applies the draft, and for the training cell, trains. */
  run(): void {
    this.context.applyDraft();
  }

  /** Redraws theme-dependent outputs (charts, canvases). */
  retheme(): void {}

  /** Shows or hides the stale mark on this cell and its output. */
  setStale(stale: boolean): void {
    this.element.classList.toggle('stale', stale);
    this.output.classList.toggle('stale', stale);
  }

  /**
   * True when the inputs should be refilled from the draft: on a replay, or after another
   * cell changed the draft (this cell's own edits are already on screen).
   */
  protected showsDraft(changes: ReadonlySet<Change>): boolean {
    if (changes.has('all')) return true;
    return changes.has('draft') && !this.element.contains(document.activeElement);
  }

  /**
   * The value typed in `input` when `rule` accepts it; otherwise the input is marked invalid
   * (keeping its text) and the result is undefined, so the draft keeps its last valid value.
   */
  protected check(input: HTMLInputElement, rule: NumberRule): number | undefined {
    const checked = checkNumber(input.value, rule, input.validity.badInput);
    markInvalid(input, checked.ok ? undefined : checked.message);
    return checked.ok ? checked.value : undefined;
  }

  /** Changes the draft with `mutate`, marking this cell and those below stale. */
  protected edit(mutate: (draft: RunConfig) => void): void {
    const draft = this.context.store.state.draft;
    if (!draft) return;
    const next = structuredClone(draft);
    mutate(next);
    fitOutputs(next);
    this.context.store.edit(this.index, next);
  }
}

/** True when `changes` asks for a full redraw or names one of `kinds`. */
export function touches(changes: ReadonlySet<Change>, ...kinds: Change[]): boolean {
  return changes.has('all') || kinds.some((kind) => changes.has(kind));
}
