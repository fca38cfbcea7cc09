/** CLI helpers: reading inputs, writing outputs atomically, failing with one clear line. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** A user error: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file's text, or a UsageError naming the file and the problem. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new UsageError(`cannot read ${file}: ${why ?? (e as Error).message}`);
  }
}

/** Parsed JSON from a file, or a UsageError naming the file. */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Writes `text` to a temporary file beside `file`, then renames it: never a half-written file. */
export function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : code;
    throw new UsageError(`cannot write ${file}: ${why ?? (e as Error).message}`);
  }
}

/** A comma-separated list of numbers, e.g. "16,16" or "0.9,0.999". */
export function numberList(flag: string, text: string, example = '1,0.5'): number[] {
  const values = text.split(',').map((s) => Number(s.trim()));
  if (text.trim() === '' || values.some((v) => !Number.isFinite(v))) {
    throw new UsageError(
      `${flag} takes comma-separated numbers, e.g. ${example}; got "${text}"`,
    );
  }
  return values;
}

/** A finite number from a flag's text. */
export function number(flag: string, text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) {
    throw new UsageError(`${flag} takes a number, got "${text}"`);
  }
  return v;
}

/** An integer from a flag's text. */
export function integer(flag: string, text: string): number {
  const v = number(flag, text);
  if (!Number.isInteger(v))
    throw new UsageError(`${flag} takes a whole number, got "${text}"`);
  return v;
}
