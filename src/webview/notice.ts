/**
 * The notice bar under the header: the last message for the user (a failed run, a refused
 * file, a saved file), with a close button. Info notices go away on their own.
 */
import { button, el } from './dom';
import type { Notice } from './state';

/** How long an info notice (e.g. "Saved") stays, in ms. */
export const INFO_MS = 6000;

/** The notice bar; `onClose` is called by its close button and when an info notice expires. */
export class NoticeBar {
  readonly element: HTMLElement;
  private readonly _text = el('p', {
    className: 'notice-text',
    attrs: { role: 'alert' },
  });
  private _timer?: ReturnType<typeof setTimeout>;

  /** Builds a hidden bar. */
  constructor(private readonly _onClose: () => void) {
    // The cross is drawn by CSS: the bar's text is the message alone.
    const close = button('', () => this._onClose(), {
      className: 'notice-close',
      testId: 'notice-close',
      attrs: { 'aria-label': 'Close notice', title: 'Close notice' },
    });
    this.element = el('div', { className: 'notice', testId: 'notice' }, [
      this._text,
      close,
    ]);
    this.element.hidden = true;
  }

  /** Shows `notice`, or hides the bar when there is none. */
  show(notice: Notice | undefined): void {
    clearTimeout(this._timer);
    this.element.hidden = !notice;
    this._text.textContent = notice?.message ?? '';
    if (!notice) return;
    this.element.dataset.level = notice.level;
    if (notice.level === 'info') this._timer = setTimeout(() => this._onClose(), INFO_MS);
  }
}
