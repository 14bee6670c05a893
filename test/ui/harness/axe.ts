/**
 * Accessibility checks with axe-core from node_modules (no network).
 *
 * axe is added as a <script> from the test server's own origin (server.ts serves
 * node_modules/axe-core/axe.min.js at /ui-tools/axe.min.js), not with addScriptTag({ path }):
 * that inserts the file as an inline script, which the pane's Content-Security-Policy rightly
 * blocks, and the alternative, Playwright's bypassCSP, would also hide every CSP violation the
 * tests exist to catch.
 */
import type { AxeResults, Result, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const AXE_URL = "/ui-tools/axe.min.js";

declare global {
  interface Window {
    axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  }
}

export interface AxeOptions {
  /** CSS selectors of nodes to leave out, each with a reason at the call site. */
  exclude?: string[];
}

/** axe's violations on the page as it is now (WCAG 2.2 A and AA, plus axe's best practices). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ url: AXE_URL });
  return page.evaluate(async (exclude) => {
    if (!window.axe) throw new Error("axe-core did not load");
    const context = exclude.length > 0 ? { include: [["html"]], exclude: exclude.map((s) => [s]) } : document;
    const results = await window.axe.run(context, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      // Passes are still listed (without their nodes), which the check below needs.
      resultTypes: ["violations"],
    });
    // A run that checked nothing (an empty page, a wrong context) would pass silently.
    if (results.passes.length === 0) throw new Error("axe checked nothing on this page");
    return results.violations;
  }, options.exclude ?? []);
}

/** One line per violation and node, for a failure message a person can act on. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? "?"}): ${v.help} at ${n.target.join(" ")}: ${n.failureSummary ?? ""}`))
    .join("\n");
}
