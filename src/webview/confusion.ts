/** The confusion matrix as a table: rows are targets, columns predictions, shaded by count. */
import { el } from './dom';
import { classRgb, type Theme } from './theme';

/** Draws `counts[target][predicted]` into `table`, with class names and shading from `theme`. */
export function renderConfusion(
  table: HTMLTableElement,
  counts: number[][],
  names: string[],
  theme: Theme,
): void {
  const k = counts.length;
  const labels = k === names.length ? names : Array.from({ length: k }, (_, i) => `${i}`);
  const max = Math.max(1, ...counts.flat());
  const [r, g, b] = classRgb(theme, 0);
  const head = el('tr', {}, [
    el('th', { text: 'target \\ predicted', attrs: { scope: 'col' } }),
    ...labels.map((name) => el('th', { text: name, attrs: { scope: 'col' } })),
  ]);
  const rows = counts.map((row, t) =>
    el('tr', {}, [
      el('th', { text: labels[t], attrs: { scope: 'row' } }),
      ...row.map((count, p) => {
        const cell = el('td', {
          text: String(count),
          className: t === p ? 'diagonal' : '',
        });
        cell.style.backgroundColor = `rgba(${r}, ${g}, ${b}, ${(0.75 * count) / max})`;
        return cell;
      }),
    ]),
  );
  table.replaceChildren(el('thead', {}, [head]), el('tbody', {}, rows));
}
