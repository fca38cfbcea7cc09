/**
 * zod/mini as the engine configures it (English messages), in jitless mode: the page's
 * Content-Security-Policy forbids `unsafe-eval`, so no schema may compile a function with
 * `new Function`, nor probe whether it can. Import it as `import * as z from './zod'`.
 */
import { config } from '../engine/runfile/zod';

config({ jitless: true });

export * from '../engine/runfile/zod';
