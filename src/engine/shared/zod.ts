import * as z from 'zod/mini';

// The book ships a Content-Security-Policy without 'unsafe-eval': zod's compiled
// fast path (new Function) stays off, and so does the probe for it, which a
// strict policy reports as a violation even though zod catches it.
z.config({ jitless: true });

export { z };
