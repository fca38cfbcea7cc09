/** Small DOM builders for the page: elements, labelled inputs and selects, without HTML strings. */
import type { NumberRule } from './validation';

/** Attributes and children accepted by `el`. */
export interface ElementSpec {
  className?: string;
  text?: string;
  testId?: string;
  attrs?: Record<string, string>;
}

/** A new element of `tag` with a class, text, a `data-testid` and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  spec: ElementSpec = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (spec.className) node.className = spec.className;
  if (spec.text !== undefined) node.textContent = spec.text;
  if (spec.testId) node.dataset.testid = spec.testId;
  for (const [name, value] of Object.entries(spec.attrs ?? {}))
    node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

let nextId = 0;

/** A fresh element id, unique on the page, for pairing labels with inputs. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A `<label>` for `control`, wrapped with it in a field container; `hint` goes under it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (!control.id) control.id = uniqueId('field');
  const caption = el('label', { text: label, attrs: { for: control.id } });
  const box = el('div', { className: 'field' }, [caption, control]);
  if (hint) {
    const id = `${control.id}-hint`;
    box.append(el('span', { className: 'hint', text: hint, attrs: { id } }));
    control.setAttribute('aria-describedby', id);
  }
  return box;
}

/** One option of a select: its value and what the user reads. */
export interface Choice {
  value: string;
  label: string;
}

/** A `<select>` with `choices`, showing `value`. */
export function select(
  choices: Choice[],
  value: string,
  testId?: string,
): HTMLSelectElement {
  const node = el('select', { testId });
  for (const choice of choices) {
    node.append(el('option', { text: choice.label, attrs: { value: choice.value } }));
  }
  node.value = value;
  return node;
}

/** Replaces the options of `node` and shows `value`, or the first choice when it is not offered. */
export function setChoices(
  node: HTMLSelectElement,
  choices: Choice[],
  value: string,
): void {
  node.replaceChildren(
    ...choices.map((c) => el('option', { text: c.label, attrs: { value: c.value } })),
  );
  node.value = choices.some((c) => c.value === value) ? value : (choices[0]?.value ?? '');
}

/** What a number input accepts (its `min`/`max` attributes follow), and its spinner step. */
export interface NumberSpec {
  rule: NumberRule;
  step?: number;
  testId?: string;
}

/** An `<input type=number>` showing `value`, with `min` and `max` from the inclusive bounds. */
export function numberInput(value: number, spec: NumberSpec): HTMLInputElement {
  const node = el('input', { testId: spec.testId, attrs: { type: 'number' } });
  setRule(node, spec.rule);
  node.step = String(spec.step ?? (spec.rule.integer ? 1 : 'any'));
  node.value = String(value);
  return node;
}

/** Sets the `min` and `max` attributes of `node` to the inclusive bounds of `rule`. */
export function setRule(node: HTMLInputElement, rule: NumberRule): void {
  if (rule.min !== undefined) node.min = String(rule.min);
  else node.removeAttribute('min');
  if (rule.max !== undefined) node.max = String(rule.max);
  else node.removeAttribute('max');
}

/** A checkbox with its label after it. */
export function checkbox(
  label: string,
  checked: boolean,
  testId?: string,
): HTMLLabelElement {
  const box = el('input', { testId, attrs: { type: 'checkbox' } });
  box.checked = checked;
  return el('label', { className: 'check' }, [box, document.createTextNode(` ${label}`)]);
}

/** The checkbox inside a label made by `checkbox`. */
export function checkboxOf(label: HTMLLabelElement): HTMLInputElement {
  return label.querySelector('input') as HTMLInputElement;
}

/** A `<button type=button>` that calls `onClick`. */
export function button(
  text: string,
  onClick: () => void,
  spec: ElementSpec = {},
): HTMLButtonElement {
  const node = el('button', { ...spec, text, attrs: { type: 'button', ...spec.attrs } });
  node.addEventListener('click', onClick);
  return node;
}
