/** Builds dist/worker.js into a temporary extension folder, for tests that start real workers. */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder holding dist/worker.js bundled from src/extension/worker.ts. */
export async function buildWorker(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'logit-lab-ext-'));
  await build({
    entryPoints: [join(__dirname, '../../src/extension/worker.ts')],
    outfile: join(root, 'dist', 'worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    loader: { '.csv': 'text' },
    logLevel: 'warning',
  });
  return root;
}
