/**
 * Zod without eval, for the task pane. Zod 4 compiles fast object parsers with `new Function`
 * when it can, and finds out whether it can by trying `new Function("")` on the first parse. The
 * pane's Content-Security-Policy has no 'unsafe-eval', so that try fails: Zod copes, but the
 * browser reports a CSP violation each time the engine loads (the browser tests fail on any).
 * `jitless` tells Zod not to try. The command line keeps the faster compiled parsers: only the
 * pane's lazily loaded engine imports this module.
 */
import { config } from "zod";

config({ jitless: true });
