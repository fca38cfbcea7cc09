/**
 * "Start from a template…" for the plain web page, where there is no command palette: it
 * offers the same templates as VS Code's "New Run from Template…" command.
 */
import type { RunConfig } from '../engine/config';
import { TEMPLATES } from '../engine/templates';
import { el, select } from './dom';

/** A labelled select of the templates; picking one hands its configuration to `onPick`. */
export function templatePicker(onPick: (config: RunConfig) => void): HTMLElement {
  const choices = [
    { value: '', label: 'New from template…' },
    ...TEMPLATES.map((t) => ({ value: t.id, label: t.label })),
  ];
  const picker = select(choices, '', 'template');
  picker.setAttribute('aria-label', 'Start a new run from a template');
  picker.addEventListener('change', () => {
    const template = TEMPLATES.find((t) => t.id === picker.value);
    picker.value = '';
    if (template) onPick(structuredClone(template.config));
  });
  return el('span', { className: 'template-picker' }, [picker]);
}
