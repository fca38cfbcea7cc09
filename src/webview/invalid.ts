/**
 * Marks on inputs whose text was refused: `aria-invalid`, a visible style, and the reason
 * under the field. A marked input keeps what the user typed until it is fixed or the host
 * replaces the whole configuration.
 */
import { el } from './dom';

/** Marks `input` invalid with `message` under its field, or clears the mark without one. */
export function markInvalid(input: HTMLElement, message?: string): void {
  const id = `${input.id}-error`;
  let note = document.getElementById(id);
  if (message === undefined) {
    input.removeAttribute('aria-invalid');
    note?.remove();
    describedBy(input, id, false);
    return;
  }
  note ??= el('span', { className: 'field-error', attrs: { id } });
  note.textContent = message;
  (input.closest('.field') ?? input.parentElement)?.append(note);
  input.setAttribute('aria-invalid', 'true');
  describedBy(input, id, true);
}

/** True when `input` is marked invalid. */
export function isInvalid(input: HTMLElement): boolean {
  return input.getAttribute('aria-invalid') === 'true';
}

/**
 * Shows `text` in `input` unless it is marked invalid and `force` is false: a refused value
 * stays on screen until the user fixes it, or the host replaces the configuration (`force`).
 */
export function fill(input: HTMLInputElement, text: string, force: boolean): void {
  if (isInvalid(input) && !force) return;
  input.value = text;
  markInvalid(input);
}

/** The first visible input of a cell under `root` marked invalid, with its field's label. */
export function firstInvalid(
  root: HTMLElement,
): { input: HTMLElement; label: string; message: string } | undefined {
  for (const input of root.querySelectorAll<HTMLElement>('.cell [aria-invalid="true"]')) {
    if (input.closest('[hidden]')) continue;
    const label = (input as HTMLInputElement).labels?.[0]?.textContent ?? 'A field';
    const message = document.getElementById(`${input.id}-error`)?.textContent ?? '';
    return { input, label, message };
  }
  return undefined;
}

/** Adds or removes `id` from the `aria-describedby` list of `input`. */
function describedBy(input: HTMLElement, id: string, on: boolean): void {
  const ids = (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((x) => x !== '' && x !== id);
  if (on) ids.push(id);
  if (ids.length > 0) input.setAttribute('aria-describedby', ids.join(' '));
  else input.removeAttribute('aria-describedby');
}
