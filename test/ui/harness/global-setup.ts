/**
 * Before any browser test: Chromium must be there, and the pane and the Office.js stand-in must
 * be built (each rebuilt only when its sources changed; see build.ts).
 */
import { ensureBuilds } from "./build";
import { chromiumProblem } from "./chromium";

export default function globalSetup(): void {
  const missing = chromiumProblem();
  if (missing) throw new Error(missing);
  process.stdout.write("\n");
  ensureBuilds();
}
