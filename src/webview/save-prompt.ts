/**
 * The web page's "Save As" prompt: a small labelled form under the header asking for the
 * file name of the download. Inside VS Code the host shows its own dialog instead.
 */
import { button, el, uniqueId } from './dom';

/** The suffix run files carry, added when the typed name has no `.json` ending. */
export const RUN_SUFFIX = '.logitlab.json';

/** The file name to save under for what the user typed; undefined when it is blank. */
export function runFileName(typed: string): string | undefined {
  const name = typed.trim().replace(/[\\/:*?"<>|]/g, '-');
  if (name === '') return undefined;
  return name.toLowerCase().endsWith('.json') ? name : `${name}${RUN_SUFFIX}`;
}

/** A hidden form that asks for a file name and calls `onSave` with it. */
export class SavePrompt {
  readonly element: HTMLFormElement;
  private readonly _name = el('input', {
    testId: 'save-name',
    attrs: { type: 'text', spellcheck: 'false', autocomplete: 'off' },
  });
  private _return?: HTMLElement;

  /** Builds the form; `onSave` receives the cleaned file name. */
  constructor(private readonly _onSave: (name: string) => void) {
    this._name.id = uniqueId('save-name');
    this._name.required = true;
    const save = el('button', { text: 'Save', className: 'primary', testId: 'save-ok' });
    save.type = 'submit';
    const cancel = button('Cancel', () => this.close(), {
      className: 'secondary',
      testId: 'save-cancel',
    });
    this.element = el('form', { className: 'save-prompt', testId: 'save-prompt' }, [
      el('label', { text: 'Save the run as', attrs: { for: this._name.id } }),
      this._name,
      save,
      cancel,
    ]);
    this.element.setAttribute('aria-label', 'Save the run as');
    this.element.hidden = true;
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this._submit();
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
  }

  /** Shows the form with `current` (or a default name) selected, focused. */
  open(current: string | null): void {
    this._return = document.activeElement as HTMLElement | undefined;
    this._name.value = current ?? `run${RUN_SUFFIX}`;
    this.element.hidden = false;
    this._name.focus();
    this._name.select();
  }

  /** Hides the form and gives the focus back to what had it. */
  close(): void {
    this.element.hidden = true;
    this._return?.focus();
  }

  private _submit(): void {
    const name = runFileName(this._name.value);
    this._name.setAttribute('aria-invalid', String(!name));
    if (!name) return this._name.focus();
    this.close();
    this._onSave(name);
  }
}
