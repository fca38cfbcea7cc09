/**
 * A light/dark/high-contrast picker for the plain web page. VS Code sets the theme itself
 * (and marks the body with `data-vscode-theme-name`), so there the picker is not shown.
 */
import { el, select } from './dom';
import { themeKind, type ThemeKind } from './theme';

const BODY_CLASSES: Record<ThemeKind, string> = {
  light: 'vscode-light',
  dark: 'vscode-dark',
  'high-contrast': 'vscode-high-contrast',
};

/** Where the web page keeps the chosen theme across reloads. */
const THEME_KEY = 'logit-lab.theme';

/** True when the page runs inside a VS Code webview. */
export function insideVsCode(): boolean {
  return document.body.dataset.vscodeThemeName !== undefined;
}

/** A labelled select that swaps the body's theme class; theme observers then repaint. */
export function themePicker(): HTMLElement {
  const picker = select(
    [
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
      { value: 'high-contrast', label: 'High contrast' },
    ],
    themeKind(document.body.classList),
    'theme',
  );
  picker.setAttribute('aria-label', 'Colour theme');
  picker.addEventListener('change', () => {
    setThemeKind(picker.value as ThemeKind);
    saveThemeKind(picker.value as ThemeKind);
  });
  return el('span', { className: 'theme-picker' }, [picker]);
}

/** Applies the theme the user picked before the last reload, if any. */
export function restoreThemeKind(): void {
  const saved = readStorage(THEME_KEY);
  if (saved !== null && saved in BODY_CLASSES) setThemeKind(saved as ThemeKind);
}

/** The stored value of `key`; null when there is none or storage is off. */
function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function saveThemeKind(kind: ThemeKind): void {
  try {
    localStorage.setItem(THEME_KEY, kind);
  } catch {
    // Storage is off: the choice lasts until the page is reloaded.
  }
}

/** Replaces the body's theme class with the one for `kind`. */
export function setThemeKind(kind: ThemeKind): void {
  const body = document.body.classList;
  body.remove(...Object.values(BODY_CLASSES), 'vscode-high-contrast-light');
  body.add(BODY_CLASSES[kind]);
}
