/**
 * The Analyst panel's main job, as an analyst does it: read the circulated workbook that is open
 * in Excel (the bundled sample scorecard), look at what was found on each sheet, correct it,
 * write the indicator sheets, and rate the figures on a Scorecard. With the mouse and with the
 * keyboard alone; the workbook is checked through the Excel test host.
 */
import type { Locator, Page } from "playwright-core";
import { tabTo } from "../harness/keyboard";
import { usePane, type HostClient } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { seedFromFile } from "../harness/workbooks";
import { chooseStep, chooseStepWithKeyboard, stepSection } from "../harness/steps";

const SAMPLE = "assets/samples/partnership-scorecard-q2-2025-26.xlsx";

function importSection(page: Page): Locator {
  return stepSection(page, "Import");
}

function scorecardSection(page: Page): Locator {
  return stepSection(page, "Scorecard");
}

/** How each sync went: "read" or "write". */
async function syncKinds(host: HostClient): Promise<string[]> {
  return (await host.requests()).map((r) => (r.changedWorkbook ? "write" : "read"));
}

describe("Analyst panel: import a workbook and rate it", () => {
  const pane = usePane();
  let seed: Awaited<ReturnType<typeof seedFromFile>>;

  beforeAll(async () => {
    seed = await seedFromFile(SAMPLE);
  });

  test("read the workbook, look at a sheet, write the indicator sheets", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const analystSheets = await host.snapshot(seed.sheets.map((s) => s.name));

    await importSection(page).getByRole("button", { name: "Read this workbook" }).click();
    const read = await waitForStatus(importSection(page), "Read");
    expect(read).toMatch(/^Found \d+ indicators and \d+ figures on 1 sheet of partnership-scorecard-q2-2025-26\.xlsx\./);
    // Reading changes nothing and takes a fixed number of syncs, whatever the workbook's size:
    // the sheets, their sizes, their cells.
    expect(await syncKinds(host)).toEqual(["read", "read", "read"]);

    // One heading per sheet, saying what was found on it.
    const headings = importSection(page).getByRole("heading", { level: 3 });
    expect(await headings.allTextContents()).toEqual(["Cover: not read", expect.stringMatching(/^Scorecard: \d+ figures$/)]);
    await importSection(page).getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
    const sheet = importSection(page).getByRole("group", { name: "Sheet Scorecard" });
    await sheet.waitFor();
    await expect(sheet.getByText("Figures", { exact: true }).isVisible()).resolves.toBe(true);
    await screenshot("read");

    await importSection(page).getByRole("button", { name: "Write indicator sheets" }).click();
    const written = await waitForStatus(importSection(page), "Written");
    expect(written).toContain("“Indicators”");
    expect(written).toContain("“Observations”");
    // The analyst's own "Scorecard" is kept: the add-in's goes beside it, and the message says so.
    expect(written).toContain("so the add-in wrote “Scorecard (add-in)” and left yours alone");
    expect(await host.sheetNames()).toEqual(expect.arrayContaining(["Cover", "Scorecard", "Indicators", "Observations", "Scorecard (add-in)"]));
    expect((await host.snapshot(seed.sheets.map((s) => s.name))).sheets).toEqual(analystSheets.sheets);
    // The write is one request, after one read of the sheet names, the register and the add-in's sheets.
    expect(await syncKinds(host)).toEqual(["read", "read", "read", "read", "write"]);
    const indicators = (await host.snapshot(["Indicators"])).sheets[0];
    expect(Object.keys(indicators?.cells ?? {}).length).toBeGreaterThan(10);
    await screenshot("written");
  });

  test("leave a sheet out and read again", async () => {
    const { page, screenshot } = await pane.open({ host: seed });
    await importSection(page).getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection(page), "Read");
    await importSection(page).getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
    const sheet = importSection(page).getByRole("group", { name: "Sheet Scorecard" });
    // A sheet read well keeps its corrections one button away.
    await sheet.getByRole("button", { name: "Correct how this sheet is read" }).click();
    await sheet.getByRole("checkbox", { name: "Leave this sheet out" }).check();
    await importSection(page).getByRole("button", { name: "Read again with these corrections" }).click();
    await importSection(page).getByRole("heading", { name: "Scorecard: left out" }).waitFor();
    await screenshot();
  });

  test("rate the figures: Apply and write the Scorecard", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    await chooseStep(page, "Scorecard");
    const apply = scorecardSection(page).getByRole("button", { name: "Apply and write the Scorecard" });
    // Nothing to rate before a workbook is read, and the button says why.
    await expect(apply.getAttribute("aria-disabled")).resolves.toBe("true");
    await chooseStep(page, "Import");
    await importSection(page).getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection(page), "Read");
    await chooseStep(page, "Scorecard");
    await apply.click();
    const written = await waitForStatus(scorecardSection(page), "Scorecard written");
    expect(written).toContain("Wrote the sheet “Scorecard (add-in)”");
    // The ratings are words and numbers, not colour alone.
    expect(written).toMatch(/Red \d+\s*Amber \d+\s*Green \d+\s*Not rated \d+/);
    const [sheet] = (await host.snapshot(["Scorecard (add-in)"])).sheets;
    // The sheet rates itself: live conditional formats, not colours painted once.
    expect(sheet?.conditionalFormats.length).toBeGreaterThan(0);
    expect((await syncKinds(host)).slice(-2)).toEqual(["read", "write"]);
    await screenshot();
  });

  test("a Scorecard edited by hand: Apply asks before replacing it, and Replace it replaces it", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const apply = scorecardSection(page).getByRole("button", { name: "Apply and write the Scorecard" });
    await importSection(page).getByRole("button", { name: "Read this workbook" }).click();
    await waitForStatus(importSection(page), "Read");
    await chooseStep(page, "Scorecard");
    await apply.click();
    await waitForStatus(scorecardSection(page), "Scorecard written");
    const title = await host.text("Scorecard (add-in)", "A1");

    // The analyst types over the add-in's title in Excel.
    await host.edit("Scorecard (add-in)", "A1", "Our board's scorecard");
    const edited = await host.snapshot();
    const syncsBefore = (await host.requests()).length;
    await apply.click();
    const question = await waitForStatus(scorecardSection(page), "Replace this sheet?");
    expect(question).toBe("Sheet “Scorecard (add-in)” has been changed by hand since the add-in wrote it: replace it anyway?");
    // Asking took two reads (the sheets' sizes, then the add-in's Scorecard's cells) and wrote nothing.
    expect((await syncKinds(host)).slice(syncsBefore)).toEqual(["read", "read"]);
    expect(await host.snapshot()).toEqual(edited);
    await screenshot("asked");

    await scorecardSection(page).getByRole("button", { name: "Replace it" }).click();
    expect(await waitForStatus(scorecardSection(page), "Scorecard written")).toContain("“Scorecard (add-in)” was replaced as you asked");
    expect(await host.text("Scorecard (add-in)", "A1")).toBe(title);
    // The analyst's own Scorecard is still as it was.
    expect((await host.snapshot(["Scorecard"])).sheets).toEqual(edited.sheets.filter((s) => s.name === "Scorecard"));
    // Replacing reads the sizes and the sheet it replaces again, then writes once.
    expect((await syncKinds(host)).slice(syncsBefore)).toEqual(["read", "read", "read", "read", "write"]);
    await screenshot("replaced");
  });

  test("keyboard only: the question's answers follow the button, and Keep it leaves the edited Scorecard alone", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    const apply = scorecardSection(page).getByRole("button", { name: "Apply and write the Scorecard" });
    await tabTo(page, importSection(page).getByRole("button", { name: "Read this workbook" }));
    await page.keyboard.press("Enter");
    await waitForStatus(importSection(page), "Read");
    // Back up to the row of steps, choose the Scorecard step, and on into it.
    await chooseStepWithKeyboard(page, "Scorecard", { backwards: true });
    await tabTo(page, apply, { max: 40 });
    await page.keyboard.press("Enter");
    await waitForStatus(scorecardSection(page), "Scorecard written");
    await host.edit("Scorecard (add-in)", "A1", "Our board's scorecard");
    const edited = await host.snapshot();

    await page.keyboard.press("Enter");
    await waitForStatus(scorecardSection(page), "Replace this sheet?");
    await tabTo(page, scorecardSection(page).getByRole("button", { name: "Replace it" }), { max: 2 });
    await tabTo(page, scorecardSection(page).getByRole("button", { name: "Keep it" }), { max: 1 });
    await page.keyboard.press("Enter");
    expect(await waitForStatus(scorecardSection(page), "Kept")).toBe("Nothing was written: “Scorecard (add-in)” is kept as it is.");
    expect(await host.snapshot()).toEqual(edited);
    await screenshot();
  });

  test("keyboard only: read the workbook and write the indicator sheets", async () => {
    const { page, host, screenshot } = await pane.open({ host: seed });
    await tabTo(page, importSection(page).getByRole("button", { name: "Read this workbook" }));
    await page.keyboard.press("Enter");
    await waitForStatus(importSection(page), "Read");
    const write = importSection(page).getByRole("button", { name: "Write indicator sheets" });
    // Through the sheets' headings and the corrections, as a keyboard user goes.
    await tabTo(page, write, { max: 40 });
    await page.keyboard.press("Space");
    expect(await waitForStatus(importSection(page), "Written")).toContain("“Indicators”");
    expect(await host.sheetNames()).toEqual(expect.arrayContaining(["Indicators", "Observations"]));
    await screenshot();
  });
});
