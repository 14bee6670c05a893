/**
 * The Analyst panel's sample sheet, as an analyst uses it, with the mouse and with the keyboard
 * alone, checked in the workbook through the Excel test host.
 */
import type { Locator, Page } from "playwright-core";
import type { SeedSheet } from "../../excel-host/host";
import { tabTo } from "../harness/keyboard";
import { usePane, type HostClient } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { panel } from "../harness/tabs";

/** The analyst's own sheet, which the add-in must leave exactly as it was. */
const OWN_SHEET: SeedSheet = {
  name: "Q1 figures",
  cells: { A1: "Indicator", B1: "Value", A2: "CP01", B2: 87.5, A3: "Note", B3: { value: "=not a formula", numberFormat: "@" } },
};

function section(page: Page): Locator {
  return panel(page, "Analyst").getByRole("region", { name: "Sample sheet" });
}

function button(page: Page): Locator {
  return section(page).getByRole("button", { name: "Write the sample sheet" });
}

/** Waits for the outcome and returns its words. */
function outcome(page: Page, title: "Done" | "Could not finish"): Promise<string> {
  return waitForStatus(section(page), title);
}

/** What the sample sheet holds (src/core/plan/first-plan.ts), as Excel would show it. */
async function expectSampleSheet(host: HostClient, name = "Scorecard"): Promise<void> {
  expect(await host.sheetNames()).toContain(name);
  const [sheet] = (await host.snapshot([name])).sheets;
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
  expect(await host.text(name, "E4")).toBe("87.5");
  // Commentary that starts with "=" arrives as text, never as a formula.
  expect(sheet?.cells.G5).toMatchObject({ value: "=Second quarter above the national rate" });
  expect(sheet?.cells.G5?.formula).toBeUndefined();
  expect(sheet?.cells.H4?.formula).toBe("E4-F4");
  expect(sheet?.tables.map((t) => t.range)).toEqual(["A3:H8"]);
  expect(sheet?.merges).toEqual(["A1:H1"]);
  expect(sheet?.freeze).toEqual({ rows: 3, columns: 0 });
}

/**
 * The whole write is one request: exactly one context.sync() changes the workbook. Before it, one
 * sync reads the sheet names, the add-in's register of the sheets it wrote and the sizes of the
 * sheets it could land on (so that an analyst's own "Scorecard" is never replaced unasked; with
 * none of the add-in's sheets to replace, no cells are read back); none after it.
 */
async function expectOneWrite(host: HostClient): Promise<void> {
  const requests = await host.requests();
  expect(requests.map((r) => (r.changedWorkbook ? "write" : "read"))).toEqual(["read", "write"]);
  expect(await host.syncCount()).toBe(2);
  expect(await host.runCount()).toBe(1);
}

describe("Analyst panel: the sample sheet", () => {
  const pane = usePane();
  const seed = { sheets: [OWN_SHEET] };

  test("click Write the sample sheet: the sheet is in the workbook, written in one sync, the analyst's sheet untouched", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const before = await host.snapshot([OWN_SHEET.name]);
    expect(await host.syncCount()).toBe(0);

    await button(page).click();
    expect(await outcome(page, "Done")).toMatch(/^Wrote the sheet “Scorecard”\./);

    await expectSampleSheet(host);
    await expectOneWrite(host);
    // The sample becomes the active sheet; the analyst's sheet itself is as it was.
    expect((await host.snapshot([OWN_SHEET.name])).sheets).toEqual(before.sheets);
    await screenshot();
  });

  test("writing the sample again replaces it rather than adding a second copy", async () => {
    const { page, host } = await pane.open({ host: seed });
    await button(page).click();
    await outcome(page, "Done");
    const first = await host.snapshot(["Scorecard"]);
    const syncsForOne = await host.syncCount();
    await button(page).click();
    await page.waitForFunction(() => (window.__excelHost?.runCount() ?? 0) === 2);
    await outcome(page, "Done");
    expect((await host.sheetNames()).filter((n) => /scorecard/i.test(n))).toEqual(["Scorecard"]);
    expect(await host.snapshot(["Scorecard"])).toEqual(first);
    // The second time costs no more: the register's live count proves the add-in's own Scorecard
    // unchanged, so it is not read back before it is replaced.
    expect(await host.syncCount()).toBe(2 * syncsForOne);
  });

  test("an analyst's own sheet called Scorecard is kept; the sample goes beside it", async () => {
    const mine: SeedSheet = { name: "Scorecard", cells: { A1: "My own scorecard", B2: 42 } };
    const { page, host, screenshot } = await pane.open({ host: { sheets: [mine] } });
    const before = await host.snapshot(["Scorecard"]);
    await button(page).click();
    expect(await outcome(page, "Done")).toContain("Scorecard (add-in)");
    expect((await host.snapshot(["Scorecard"])).sheets).toEqual(before.sheets);
    await expectSampleSheet(host, "Scorecard (add-in)");
    await screenshot();
  });

  test.each(["Enter", "Space"] as const)("keyboard only: Tab to the button, %s, read the result", async (key) => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    await tabTo(page, button(page));
    await page.keyboard.press(key);
    expect(await outcome(page, "Done")).toMatch(/^Wrote the sheet “Scorecard”\./);
    await expectSampleSheet(host);
    await expectOneWrite(host);
    // Focus stays on the button, so the next Tab continues from where the person was.
    await expect(button(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshot();
  });

  test("when Excel refuses the change, the panel says so in words and the workbook is unchanged", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const before = await host.snapshot();
    await host.failNextRun("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    await button(page).click();
    expect(await outcome(page, "Could not finish")).toBe("Excel is busy editing a cell. Press Enter or Esc, then try again.");
    expect(await host.snapshot()).toEqual(before);
    await screenshot();
  });
});
