// Zod compiles object parsers with `new Function` unless told not to. Extension pages and content
// scripts forbid eval under the extension CSP, so every schema module imports this first.
import { z } from 'zod/mini';

z.config({ jitless: true });
