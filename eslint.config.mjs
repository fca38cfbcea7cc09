// One linter configuration for the whole repository.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Classic zod adds ~440 KB to every bundle; schemas use zod/mini through one configured module. */
const zodPaths = [
  ...['zod', 'zod/v3', 'zod/v4', 'zod/v4/classic'].map((name) => ({
    name,
    message:
      'Classic zod adds ~440 KB to every bundle: use `import * as z from` src/engine/runfile/zod.ts (or src/protocol/zod.ts), which is zod/mini.',
  })),
  ...['zod/mini', 'zod/v4/mini', 'zod/v4-mini'].map((name) => ({
    name,
    message:
      'Import zod/mini through src/engine/runfile/zod.ts (or src/protocol/zod.ts): it sets the English error messages.',
  })),
];

/** The rule that keeps zod/mini behind its module, with the layer's own forbidden imports. */
function restrictImports(patterns = [], paths = zodPaths) {
  return ['error', { paths, patterns }];
}

const enginePatterns = [
  {
    group: ['vscode', 'node:*', 'fs', 'path', 'worker_threads'],
    message: 'The engine is pure TypeScript: no vscode, no node:*.',
  },
  {
    group: ['**/extension/**', '**/webview/**', '**/cli/**'],
    message: 'The engine sits below the host, the page and the CLI.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.e2e/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-len': [
        'error',
        {
          code: 100,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports() },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(enginePatterns) },
  },
  {
    files: ['src/engine/runfile/zod.ts'],
    rules: {
      'no-restricted-imports': restrictImports(enginePatterns, zodPaths.slice(0, 4)),
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports([
        {
          group: ['vscode', 'node:*', '**/extension/**', '**/cli/**'],
          message: 'The page talks only to the protocol.',
        },
      ]),
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports([
        { group: ['**/webview/**'], message: 'The host never imports page code.' },
      ]),
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
