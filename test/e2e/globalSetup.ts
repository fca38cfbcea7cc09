import type { TestProject } from 'vitest/node';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installCodeServer, repoRoot } from './harness/codeServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The code-server launcher in the cache folder. */
    binary: string;
    /** The packaged extension, or '' when the repository has no extension yet. */
    vsix: string;
  }
}

/** Installs code-server (cached) and packages the extension once for every e2e file. */
export default function setup(project: TestProject): void {
  project.provide('binary', installCodeServer());
  project.provide('vsix', process.env.LOGIT_LAB_E2E_VSIX ?? packageExtension());
}

/** Builds the bundles and packs them into .e2e/logit-lab.vsix; '' if there is no extension. */
function packageExtension(): string {
  if (!existsSync(join(repoRoot, 'src/extension/extension.ts'))) return '';
  const out = join(repoRoot, '.e2e');
  mkdirSync(out, { recursive: true });
  const vsix = join(out, 'logit-lab.vsix');
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 2, 2],
      timeout: 300_000,
    });
  run('npm', ['run', 'build']);
  run('npx', [
    'vsce',
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '-o',
    vsix,
  ]);
  return vsix;
}
