/**
 * The page's safety: its Content-Security-Policy forbids eval and is served as built, and text
 * from the workbook (sheet names, cells) or from Excel (error messages) is shown as text, never
 * interpreted as HTML. The harness (pane.ts) also fails any test whose page breaks the policy,
 * opens a dialog, or requests anything from another origin.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { SeedSheet } from "../excel-host/host";
import { DIST, ROOT } from "./harness/build";
import { usePane } from "./harness/pane";
import { waitForStatus } from "./harness/status";
import { panel } from "./harness/tabs";

/** Markup that runs script if it is ever parsed as HTML. Also a valid Excel sheet name. */
const SHEET_NAME = "<img src=x onerror=alert(1)>";
const CELL_TEXT = "<b>Referrals</b><img src=x onerror=alert(2)>";
const ERROR_TEXT = "<img src=x onerror=alert(3)> is not allowed";

function cspOf(html: string): string {
  const match = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/i.exec(html);
  if (!match) throw new Error("no Content-Security-Policy meta element");
  return match[2] ?? match[3] ?? "";
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? "", values]),
  );
}

/** Elements that only exist if workbook or Excel text was parsed as HTML. */
function injected(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('img[src="x"], b').length);
}

describe("the page's safety", () => {
  const pane = usePane();

  test("the Content-Security-Policy has no 'unsafe-eval' and allows no inline script, in the source and the build", () => {
    for (const file of [path.join(ROOT, "src", "taskpane", "taskpane.html"), path.join(DIST, "taskpane.html")]) {
      const csp = cspOf(fs.readFileSync(file, "utf8"));
      expect(csp).not.toContain("unsafe-eval");
      const script = directives(csp).get("script-src") ?? [];
      expect(script).toContain("'self'");
      expect(script).not.toContain("'unsafe-inline'");
      expect(directives(csp).get("object-src")).toEqual(["'none'"]);
    }
    // Every script in the built page is a file: nothing inline for the policy to have to allow.
    const built = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(built.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi) ?? []).toEqual([]);
  });

  test.each(["excel", "no-office"] as const)("the page is served (%s) with the policy exactly as built", async (office) => {
    const { page } = await pane.open({ office, waitUntilReady: false });
    const served = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "");
    expect(served).toBe(cspOf(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8")));
    expect(served).not.toContain("unsafe-eval");
  });

  test("sheet names and cell text from the workbook are shown as text, not HTML", async () => {
    const sheet: SeedSheet = {
      name: SHEET_NAME,
      cells: {
        A1: "Indicator",
        B1: "Q1 2025/26",
        C1: "Q2 2025/26",
        A2: CELL_TEXT,
        B2: 10,
        C2: 12,
        A3: "Re-referrals within 12 months",
        B3: 5,
        C3: 6,
      },
    };
    const { page, screenshot } = await pane.open({ host: { sheets: [sheet] } });
    const importSection = panel(page, "Analyst").getByRole("region", { name: "Import a workbook" });
    await importSection.getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection, "Read");
    // The sheet's name, in the heading for its sheet, character for character.
    const heading = importSection.getByRole("heading", { level: 3 }).filter({ hasText: SHEET_NAME });
    expect(await heading.textContent()).toMatch(new RegExp(`^${SHEET_NAME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    await heading.getByRole("button").click();
    // The indicator's name from the cell, likewise.
    const details = importSection.getByRole("group", { name: `Sheet ${SHEET_NAME}` });
    await expect(details.getByText(CELL_TEXT, { exact: false }).count()).resolves.toBeGreaterThan(0);
    expect(await injected(page)).toBe(0);
    await screenshot();
  });

  test("an Excel error message with markup in it is shown as text", async () => {
    const { page, host, screenshot } = await pane.open();
    const sample = panel(page, "Analyst").getByRole("region", { name: "Sample sheet" });
    // Excel's messages can quote the workbook (sheet and table names); an unknown code is shown as Excel worded it.
    await host.failNextRun("GeneralException", ERROR_TEXT);
    await sample.getByRole("button", { name: "Write the sample sheet" }).click();
    expect(await waitForStatus(sample, "Could not finish")).toBe(`Excel reported a problem: ${ERROR_TEXT}`);
    expect(await injected(page)).toBe(0);
    await screenshot();
  });
});
