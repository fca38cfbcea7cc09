// Builds the separate bundles: extension host, training worker, page, web host and CLI.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  sourcemap: true,
  minify: !watch,
  legalComments: 'none',
  loader: { '.csv': 'text' },
  logLevel: 'warning',
};

/** Every bundle: its entry, its output and how it runs. */
const bundles = [
  {
    entry: 'src/extension/extension.ts',
    out: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    entry: 'src/extension/worker.ts',
    out: 'dist/worker.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    entry: 'src/cli/main.ts',
    out: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entry: 'src/webview/main.ts',
    out: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
  },
  {
    entry: 'src/web/main.ts',
    out: 'dist/web-host.js',
    platform: 'browser',
    format: 'iife',
  },
  {
    entry: 'src/web/worker.ts',
    out: 'dist/web-worker.js',
    platform: 'browser',
    format: 'iife',
  },
  { entry: 'src/web/server.ts', out: 'dist/server.js', platform: 'node', format: 'cjs' },
];

const options = bundles
  .filter((b) => existsSync(b.entry))
  .map((b) => ({
    ...common,
    entryPoints: [b.entry],
    outfile: b.out,
    platform: b.platform,
    format: b.format,
    target: b.platform === 'node' ? 'node20' : 'es2022',
    external: b.external ?? [],
    banner: b.banner,
  }));

if (watch) {
  for (const o of options) await (await esbuild.context(o)).watch();
  console.log('Watching for changes…');
} else {
  await Promise.all(options.map((o) => esbuild.build(o)));
}
