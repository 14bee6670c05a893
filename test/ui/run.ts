/**
 * npm run test:ui: the browser tests. Says plainly when Chromium is missing (before jest starts),
 * then runs jest with jest.ui.config.js; arguments are passed on, so
 *   npm run test:ui -- test/ui/panels/analyst.ui.test.ts -t keyboard
 * runs one file's keyboard tests.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { chromiumProblem } from "./harness/chromium";

const ROOT = path.resolve(__dirname, "..", "..");

function main(): number {
  const missing = chromiumProblem();
  if (missing) {
    process.stderr.write(`test:ui: ${missing}\n`);
    return 1;
  }
  const jest = require.resolve("jest/bin/jest", { paths: [ROOT] });
  const args = [jest, "--config", path.join(ROOT, "jest.ui.config.js"), ...process.argv.slice(2)];
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  process.stdout.write(`test:ui: finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-artifacts/ui/\n`);
  return result.status ?? 1;
}

process.exitCode = main();
