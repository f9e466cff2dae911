/**
 * Runs in the browser before the app's own code (Next's instrumentation-client convention).
 *
 * zod 4 probes once with `new Function` whether it may compile its object parsers. The Content-Security-Policy
 * (server/http/csp.ts) has no 'unsafe-eval', so the browser refuses the probe and reports a violation on every
 * page with a form, although zod falls back. `jitless` skips the probe in the browser; the server keeps the
 * compiled parsers.
 */
import { z } from "zod";

z.config({ jitless: true });
