/**
 * zod/mini with English error messages: unlike the classic `zod` import, mini sets no locale
 * of its own, and every issue would read only "Invalid input". Import it as a namespace,
 * `import * as z from './zod'`, so that the bundler keeps only the schema kinds in use.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export * from 'zod/mini';
