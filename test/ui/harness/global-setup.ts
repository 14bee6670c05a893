/**
 * Before any browser test: Chromium must be there, and the pane and the Office.js stand-in must
 * be built (each rebuilt only when its sources changed; see build.ts). Screenshots from an earlier
 * run are cleared, so that test-artifacts/ui/ shows this run only.
 */
import * as fs from "fs";
import { ARTIFACTS, ensureBuilds } from "./build";
import { chromiumProblem } from "./chromium";

export default function globalSetup(): void {
  const missing = chromiumProblem();
  if (missing) throw new Error(missing);
  process.stdout.write("\n");
  ensureBuilds();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
}
