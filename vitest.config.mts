import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Imports `*.csv` as text, as the esbuild build does. */
const csvAsText = {
  name: 'csv-as-text',
  transform(code: string, id: string) {
    return id.endsWith('.csv') ? `export default ${JSON.stringify(code)};` : undefined;
  },
};

export default defineConfig({
  plugins: [csvAsText],
  resolve: {
    alias: { vscode: fileURLToPath(new URL('./test/stubs/vscode.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
