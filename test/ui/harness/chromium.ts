/**
 * The browser: Debian's Chromium, never one downloaded by Playwright (the tests run offline and
 * Playwright's own download would fetch a browser from the internet).
 */
import * as fs from "fs";

export const CHROMIUM = "/usr/bin/chromium";

/** Why the tests cannot run here, or null when Chromium is there. */
export function chromiumProblem(): string | null {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return null;
  } catch {
    return (
      `The browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. ` +
      "Install it with `apt-get install chromium` (.ci/run does this); the tests never download a browser."
    );
  }
}

/** Flags for a quiet, offline, reproducible headless Chromium. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
