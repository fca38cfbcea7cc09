/** Colours of the page, read from CSS custom properties that follow VS Code's theme variables. */

/** A colour as red, green and blue bytes. */
export type Rgb = [number, number, number];

/** The kind of theme, from the body class VS Code (or the web page) sets. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast';

/** The colours every chart, heatmap and table draws with. */
export interface Theme {
  kind: ThemeKind;
  foreground: string;
  muted: string;
  background: string;
  /** The background as bytes, for blending. */
  backgroundRgb: Rgb;
  grid: string;
  border: string;
  error: string;
  /** One colour per class, as CSS strings; repeats past the palette's end. */
  classes: string[];
  /** The same class colours as bytes, for blending on the heatmap. */
  classRgb: Rgb[];
}

const CLASS_VARIABLES = 8;

/** The current theme, read from the computed style of `<body>`. */
export function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: string) =>
    style.getPropertyValue(name).trim() || fallback;
  const background = read('--ll-bg', '#ffffff');
  const classes: string[] = [];
  for (let k = 0; k < CLASS_VARIABLES; k++)
    classes.push(read(`--ll-class-${k}`, '#888888'));
  return {
    kind: themeKind(document.body.classList),
    foreground: read('--ll-fg', '#333333'),
    muted: read('--ll-muted', '#777777'),
    background,
    backgroundRgb: parseColor(background),
    grid: read('--ll-grid', 'rgba(128,128,128,0.25)'),
    border: read('--ll-border', '#888888'),
    error: read('--ll-error', '#d32f2f'),
    classes,
    classRgb: classes.map(parseColor),
  };
}

/** The theme kind named by VS Code's body classes; light when none is set. */
export function themeKind(classes: DOMTokenList): ThemeKind {
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** The colour of class `k`, cycling through the palette. */
export function classColor(theme: Theme, k: number): string {
  return theme.classes[k % theme.classes.length];
}

/** The bytes of class `k`'s colour, cycling through the palette. */
export function classRgb(theme: Theme, k: number): Rgb {
  return theme.classRgb[k % theme.classRgb.length];
}

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour as bytes, normalised by a 1x1 canvas; grey when it cannot be parsed. */
export function parseColor(css: string): Rgb {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return [128, 128, 128];
  probe.fillStyle = '#808080';
  probe.fillStyle = css;
  const normal = String(probe.fillStyle);
  if (normal.startsWith('#')) {
    const n = parseInt(normal.slice(1, 7), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const parts = normal.match(/[\d.]+/g) ?? ['128', '128', '128'];
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
}

/** Calls `onChange` whenever the body's class list (and so the theme) changes. */
export function observeTheme(onChange: () => void): MutationObserver {
  const observer = new MutationObserver(() => onChange());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return observer;
}

/** True when the user asked the system for reduced motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
