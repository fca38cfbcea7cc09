/** Run files in a browser: save as a download, open with a file picker. */

/** A file name for a download: the run's current name, or a default. */
function downloadName(current: string | null): string {
  return current ?? 'run.logitlab.json';
}

/** Offers `text` as a download; returns the file name used. */
export function downloadText(text: string, current: string | null): string {
  const name = downloadName(current);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Shows a file picker for one run file; resolves with its name and text, or undefined. */
export function pickTextFile(): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('cancel', () => resolve(undefined));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(undefined);
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    input.click();
  });
}
