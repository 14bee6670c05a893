/**
 * Section 11 self-audits in the task pane, in a real browser: the secretary makes an audit as
 * sheets of an empty workbook; an agency lead checks a filled audit and goes to the cell to fix;
 * the secretary collates two agencies' audits (made by the audit engine and filled as leads would,
 * through test/core/s11/kit.ts), writes the summary and action log, marks an action complete in
 * the workbook, collates again, and finds the edit kept with no question asked.
 * With the mouse and with the keyboard alone.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { day, filledAudit } from "../../core/s11/kit";
import { pickFileWithKeyboard, pickFileWithMouse } from "../harness/files";
import { tabTo, typeText } from "../harness/keyboard";
import { usePane, type HostClient } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { chooseTabWithKeyboard, chooseTabWithMouse } from "../harness/tabs";
import { seedFromBuffer } from "../harness/workbooks";

async function open(page: Page, tab: "Collation" | "Agency return", how: "mouse" | "keyboard"): Promise<Locator> {
  const shown = how === "mouse" ? await chooseTabWithMouse(page, tab) : await chooseTabWithKeyboard(page, tab);
  await shown.getByRole("heading", { level: 2 }).first().waitFor();
  return shown;
}

/** The host's selection once it is `cell` (selecting is an Excel.run the click starts), or as it stands after 5 s. */
async function selectionBecomes(host: HostClient, cell: string): Promise<string | null> {
  const until = Date.now() + 5_000;
  let now = await host.selection();
  while (now !== cell && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = await host.selection();
  }
  return now;
}

const auditSection = (scope: Locator): Locator => scope.getByRole("region", { name: "Make a Section 11 self-audit" });
const collateSection = (scope: Locator): Locator => scope.getByRole("region", { name: "Collate returns" });

async function auditSheets(host: HostClient): Promise<[string, string][]> {
  return (await host.snapshot(["Audit", "Actions", "Audit checks", "_spec"])).sheets.map((s) => [s.name, s.state]);
}

const AUDIT_SHEETS = [
  ["Audit", "visible"],
  ["Actions", "visible"],
  ["Audit checks", "visible"],
  ["_spec", "veryHidden"],
];

/** Police's audit filled well, and Health's with its one action, saved as the leads send them. */
async function auditFiles(): Promise<{ dir: string; files: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "s11-ui-"));
  const police = path.join(dir, "police-s11.xlsx");
  const health = path.join(dir, "health-s11.xlsx");
  fs.writeFileSync(police, await filledAudit());
  fs.writeFileSync(
    health,
    await filledAudit(
      (d) => {
        for (const k of [1, 2, 3]) d.addAction(k, null, null, null, null);
        d.standard(5, "rating").value = "Fully met";
        d.standard(6, "rating").value = "Fully met";
        d.standard(8, "rating").value = "Partly met";
        d.addAction(1, 8, "Agree a conference report template with GP leads", "Named GP", day("2026-03-31"));
      },
      { agency: "Health" },
    ),
  );
  return { dir, files: [police, health] };
}

describe("Section 11 audits in the pane", () => {
  const pane = usePane();

  test("make an audit: fill in the agency and year, write the audit sheets", async () => {
    const { page, host, screenshot } = await pane.open();
    const section = auditSection(await open(page, "Collation", "mouse"));
    const write = section.getByRole("button", { name: "Write the audit sheets" });
    await expect(write.getAttribute("aria-disabled")).resolves.toBe("true");
    await section.getByRole("textbox", { name: "Agency audited" }).fill("Police");
    await section.getByRole("textbox", { name: "Year audited" }).fill("2025/26");
    await section.getByRole("textbox", { name: "Audit due by (optional)" }).fill("2025-10-31");
    await write.click();
    expect(await waitForStatus(section, "Audit written")).toMatch(/The 2025\/26 Section 11 self-audit is for Police\./);
    expect(await auditSheets(host)).toEqual(AUDIT_SHEETS);
    expect(await host.text("Audit", "B4")).toBe("Police");
    await screenshot();
  });

  test("keyboard only: make an audit", async () => {
    const { page, host } = await pane.open();
    const section = auditSection(await open(page, "Collation", "keyboard"));
    await tabTo(page, section.getByRole("textbox", { name: "Agency audited" }), { max: 40 });
    await typeText(page, "Health");
    await tabTo(page, section.getByRole("textbox", { name: "Year audited" }), { max: 3 });
    await typeText(page, "2025/26");
    await tabTo(page, section.getByRole("button", { name: "Write the audit sheets" }), { max: 5 });
    await page.keyboard.press("Enter");
    expect(await waitForStatus(section, "Audit written")).toMatch(/Health/);
    expect(await auditSheets(host)).toEqual(AUDIT_SHEETS);
  });

  test("an agency lead checks a filled audit and goes to the cell to fix", async () => {
    const filled = await filledAudit((d) => (d.standard(3, "evidence").value = null));
    const { page, host, screenshot } = await pane.open({ host: await seedFromBuffer(filled, "police-s11.xlsx") });
    const panel = await open(page, "Agency return", "mouse");
    await panel.getByRole("button", { name: "Check my return" }).click();
    expect(await waitForStatus(panel, "Not ready to send")).toBe("The Section 11 audit (Police, 2025/26) has 1 error to fix before it is sent.");
    await panel.getByRole("button", { name: "Go to E21" }).click();
    expect(await selectionBecomes(host, "Audit!E21")).toBe("Audit!E21");
    // Checking reads; it never writes.
    expect((await host.requests()).every((r) => !r.changedWorkbook)).toBe(true);
    await screenshot();
  });

  describe("collating audits into the action log", () => {
    let audits: Awaited<ReturnType<typeof auditFiles>>;
    beforeAll(async () => {
      audits = await auditFiles();
    });
    afterAll(() => {
      fs.rmSync(audits.dir, { recursive: true, force: true });
    });

    test("collate, write, mark an action complete in the workbook, collate again: the edit is kept, nothing asked", async () => {
      const { page, host, screenshot } = await pane.open();
      const section = collateSection(await open(page, "Collation", "mouse"));
      await pickFileWithMouse(page, section.getByRole("button", { name: "Choose return files to collate" }), audits.files);
      expect(await waitForStatus(section, "Collated", 30_000)).toContain("2 Section 11 audits among them, 2 collated");
      await section.getByText(/^2 Section 11 audits collated, of 2 received: 3 standards to challenge \(1 Not met\)\.$/).waitFor();
      await section.getByText(/^Action log: 4 actions, 4 new;/).waitFor();
      await section.getByRole("button", { name: "Write the collated sheets" }).click();
      await waitForStatus(section, "Collated sheets written");
      expect(await host.sheetNames()).toEqual(expect.arrayContaining(["S11 summary", "S11 challenge list", "Action log", "Actions due", "_actionlog"]));
      expect(await host.text("Action log", "A6")).toBe("S11 2025/26 Police #2");
      await screenshot("written");

      // The secretary types the status and evidence into the log, in Excel.
      await host.edit("Action log", "I6", "Complete");
      await host.edit("Action log", "J6", "References re-checked; checklist changed.");
      await pickFileWithMouse(page, section.getByRole("button", { name: "Choose return files to collate" }), audits.files);
      await section.getByText(/^Action log: 4 actions, 0 new;/).waitFor();
      await section.getByRole("button", { name: "Write the collated sheets" }).click();
      await waitForStatus(section, "Collated sheets written");
      await expect(section.getByRole("button", { name: "Replace it" }).count()).resolves.toBe(0);
      expect([await host.text("Action log", "I6"), await host.text("Action log", "J6")]).toEqual(["Complete", "References re-checked; checklist changed."]);
      await screenshot("kept");
    });

    test("keyboard only: pick the audits and write the collated sheets", async () => {
      const { page, host } = await pane.open();
      const section = collateSection(await open(page, "Collation", "keyboard"));
      await tabTo(page, section.getByRole("button", { name: "Choose return files to collate" }), { max: 40 });
      await pickFileWithKeyboard(page, audits.files);
      expect(await waitForStatus(section, "Collated", 30_000)).toContain("2 Section 11 audits among them");
      await tabTo(page, section.getByRole("button", { name: "Write the collated sheets" }), { max: 5 });
      await page.keyboard.press("Enter");
      await waitForStatus(section, "Collated sheets written");
      expect(await host.sheetNames()).toContain("Action log");
    });
  });
});
