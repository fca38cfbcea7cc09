/**
 * Zod configured for pages whose Content-Security-Policy forbids `unsafe-eval`: jitless mode
 * validates by walking the schema instead of compiling a function with `new Function`.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
