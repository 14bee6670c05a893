/**
 * The Analyst panel as an analyst uses it, with the mouse and with the keyboard alone, checked in
 * the workbook through the Excel test host.
 */
import type { Page } from "playwright-core";
import type { SeedSheet } from "../../excel-host/host";
import { tabTo } from "../harness/keyboard";
import { usePane, type HostClient } from "../harness/pane";
import { panel } from "../harness/tabs";

/** The analyst's own sheet, which the add-in must leave exactly as it was. */
const OWN_SHEET: SeedSheet = {
  name: "Q1 figures",
  cells: { A1: "Indicator", B1: "Value", A2: "CP01", B2: 87.5, A3: "Note", B3: { value: "=not a formula", numberFormat: "@" } },
};

/** What the sample sheet holds (src/core/plan/first-plan.ts), as Excel would show it. */
async function expectSampleSheet(host: HostClient): Promise<void> {
  expect(await host.sheetNames()).toContain("Scorecard");
  const [sheet] = (await host.snapshot(["Scorecard"])).sheets;
  expect(sheet?.state).toBe("visible");
  expect(sheet?.cells.A1?.value).toBe("Safeguarding partnership scorecard: Q1 2025/26");
  expect(["A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3"].map((a) => sheet?.cells[a]?.value)).toEqual([
    "Indicator ID",
    "Indicator",
    "Agency",
    "Period",
    "Value (%)",
    "Target (%)",
    "Commentary",
    "Gap",
  ]);
  expect(sheet?.cells.A4?.value).toBe("CP01");
  expect(sheet?.cells.E4).toMatchObject({ value: 87.5, numberFormat: "0.0" });
  expect(await host.text("Scorecard", "E4")).toBe("87.5");
  // Commentary that starts with "=" arrives as text, never as a formula.
  expect(sheet?.cells.G5).toMatchObject({ value: "=Second quarter above the national rate" });
  expect(sheet?.cells.G5?.formula).toBeUndefined();
  expect(sheet?.cells.H4?.formula).toBe("E4-F4");
  expect(sheet?.tables.map((t) => [t.name, t.range])).toEqual([["ScorecardData", "A3:H8"]]);
  expect(sheet?.merges).toEqual(["A1:H1"]);
  expect(sheet?.freeze).toEqual({ rows: 3, columns: 0 });
}

async function done(page: Page): Promise<string> {
  const result = panel(page, "Analyst").getByText("Done");
  await result.waitFor();
  return (await panel(page, "Analyst").getByRole("group").or(result.locator("..")).first().textContent()) ?? "";
}

describe("Analyst panel", () => {
  const pane = usePane();
  const seed = { sheets: [OWN_SHEET] };

  test("Write the sample sheet: one click, one sync, the sheet in the workbook and the analyst's sheet untouched", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const before = await host.snapshot([OWN_SHEET.name]);
    expect(await host.syncCount()).toBe(0);

    await panel(page, "Analyst").getByRole("button", { name: "Write the sample sheet" }).click();
    const summary = await done(page);

    expect(summary).toMatch(/Scorecard/);
    await expectSampleSheet(host);
    expect(await host.syncCount()).toBe(1);
    expect(await host.runCount()).toBe(1);
    expect(await host.snapshot([OWN_SHEET.name])).toEqual(before);
    await screenshot();
  });

  test("writing the sample again replaces it rather than adding a second copy", async () => {
    const { page, host } = await pane.open({ host: seed });
    const button = panel(page, "Analyst").getByRole("button", { name: "Write the sample sheet" });
    await button.click();
    await done(page);
    const first = await host.snapshot(["Scorecard"]);
    const syncsForOne = await host.syncCount();
    await button.click();
    await page.waitForFunction(() => (window.__excelHost?.runCount() ?? 0) === 2);
    await done(page);
    expect((await host.sheetNames()).filter((n) => /scorecard/i.test(n))).toEqual(["Scorecard"]);
    expect(await host.snapshot(["Scorecard"])).toEqual(first);
    expect(await host.syncCount()).toBe(2 * syncsForOne);
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the button, %s, read the result", async (key) => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const button = panel(page, "Analyst").getByRole("button", { name: "Write the sample sheet" });
    const presses = await tabTo(page, button);
    // The first thing in the panel: just past the tab list.
    expect(presses).toBeLessThanOrEqual(3);
    await page.keyboard.press(key);
    expect(await done(page)).toMatch(/Scorecard/);
    await expectSampleSheet(host);
    expect(await host.syncCount()).toBe(1);
    // Focus stays on the button, so the next Tab continues from where the person was.
    await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshot();
  });

  test("when Excel refuses the change, the panel says so in words and the workbook is unchanged", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const before = await host.snapshot();
    await host.failNextRun("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    await panel(page, "Analyst").getByRole("button", { name: "Write the sample sheet" }).click();
    await panel(page, "Analyst").getByText("Could not finish").waitFor();
    await expect(panel(page, "Analyst").getByText("Excel is busy editing a cell. Press Enter or Esc, then try again.").isVisible()).resolves.toBe(true);
    expect(await host.snapshot()).toEqual(before);
    await screenshot();
  });
});
