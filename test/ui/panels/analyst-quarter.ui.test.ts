/**
 * The analyst's quarter in the browser: the Analyst tab's five steps, and the choices the workbook
 * remembers. The bundled sample read, a sheet corrected, thresholds set, a placement changed and a
 * priority marked, and the indicator sheets written; then the pane opened again on that workbook
 * (a new page, the workbook as the first left it) finds the corrections, thresholds and placements
 * as they were, in the read's three syncs; next quarter's workbook (the same layout, every figure
 * changed, made here) is read with last quarter's corrections, from the workbook or a recipe file.
 * Every step at 360 px with the sample read is measured (none over two screens) and photographed,
 * and every step is reached by keyboard alone.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { recipeFrom } from "../../../src/core/recipes";
import { CORRECTIONS, nextQuarter, NEXT_QUARTER_FILE, sampleWorkbook, seedOfGrid } from "../../core/recipes/kit";
import { pickFileWithMouse } from "../harness/files";
import { hasFocus, tabTo } from "../harness/keyboard";
import { PANE_VIEWPORT, usePane, type HostClient } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { chooseStep, chooseStepWithKeyboard, paneHeight, stepButton, stepSection, type StepName } from "../harness/steps";
import { panel } from "../harness/tabs";
import { seedFromFile, seedFromSnapshot } from "../harness/workbooks";

const SAMPLE = "assets/samples/partnership-scorecard-q2-2025-26.xlsx";
const SAMPLE_FILE = "partnership-scorecard-q2-2025-26.xlsx";
/** Two screens of the pane at its height (800 px): the most any step may take with the sample read. */
const TWO_SCREENS = 2 * PANE_VIEWPORT.height;
const ANALYST_SHEETS = ["Cover", "Scorecard"];

async function readWorkbook(page: Page): Promise<string> {
  const section = await chooseStep(page, "Import");
  await section.getByRole("button", { name: "Read this workbook" }).click();
  return waitForStatus(section, "Read");
}

/** The figures the Import step found on the Scorecard sheet, from its heading ("Scorecard: 96 figures"). */
async function scorecardFigures(page: Page): Promise<number> {
  const heading = await stepSection(page, "Import").getByRole("heading", { level: 3, name: /^Scorecard: / }).textContent();
  return Number(/^Scorecard: (\d+) figures/.exec(heading ?? "")?.[1] ?? NaN);
}

/**
 * This quarter, as an analyst does it: read, leave last year's outturn and Q1 out of the Scorecard
 * sheet and read again, set the thresholds, place an indicator and mark a priority area, write.
 * Returns the indicator moved and where to.
 */
async function quarterOfWork(page: Page): Promise<{ moved: string }> {
  await readWorkbook(page);
  const importStep = stepSection(page, "Import");
  await importStep.getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
  const sheet = importStep.getByRole("group", { name: "Sheet Scorecard" });
  await sheet.getByRole("button", { name: "Correct how this sheet is read" }).click();
  await sheet.getByRole("checkbox", { name: /^E: / }).uncheck();
  await sheet.getByRole("checkbox", { name: /^F: / }).uncheck();
  await importStep.getByRole("button", { name: "Read again with these corrections" }).click();
  await importStep.getByRole("link", { name: "Download the reading recipe (JSON)" }).waitFor();

  const scorecard = await chooseStep(page, "Scorecard");
  await scorecard.getByRole("textbox", { name: /Green at least/ }).fill("97");
  await scorecard.getByRole("textbox", { name: /Amber at least/ }).fill("85");

  const gaps = await chooseStep(page, "Gaps");
  await gaps.getByRole("button", { name: "Analyse the indicators from Import" }).click();
  await waitForStatus(gaps, "Analysed");
  const change = gaps.getByRole("button", { name: /^Change placement of / }).first();
  const moved = ((await change.getAttribute("aria-label")) ?? "").replace(/^Change placement of /, "");
  await change.click();
  const editor = gaps.getByRole("group", { name: `Placement of ${moved}` });
  await editor.getByRole("combobox", { name: "Content area" }).click();
  await page.getByRole("option", { name: "Workforce", exact: true }).click();
  await editor.getByRole("button", { name: "Save placement" }).click();
  await gaps.getByRole("row", { name: new RegExp(`^${literal(moved)}.*confirmed by you`) }).waitFor();
  await gaps.getByRole("button", { name: /^Workforce: / }).click();
  await gaps.getByRole("group", { name: "Area Workforce" }).getByRole("checkbox", { name: "Priority area" }).check();
  await gaps.getByRole("button", { name: /^Workforce \(priority\): / }).waitFor();

  const importAgain = await chooseStep(page, "Import");
  await importAgain.getByRole("button", { name: "Write indicator sheets" }).click();
  expect(await waitForStatus(importAgain, "Written")).toContain("Your choices are kept in this workbook, on the add-in's hidden sheet “Analyst settings”.");
  return { moved };
}

/** Text as a regular expression that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The workbook as the page left it, with the analyst's own sheets swapped for next quarter's. */
async function nextQuarterSeed(host: HostClient): Promise<{ file: string; sheets: ReturnType<typeof seedOfGrid>[] }> {
  const kept = seedFromSnapshot(await host.snapshot(), NEXT_QUARTER_FILE).sheets.filter((s) => !ANALYST_SHEETS.includes(s.name));
  const next = nextQuarter(await sampleWorkbook());
  return { file: NEXT_QUARTER_FILE, sheets: [...next.sheets.map(seedOfGrid), ...kept] };
}

describe("Analyst panel: the analyst's quarter", () => {
  const pane = usePane();
  let folder: string;
  let recipeFile: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-ui-quarter-"));
    recipeFile = path.join(folder, "reading-recipe.json");
    fs.writeFileSync(recipeFile, JSON.stringify(recipeFrom(await sampleWorkbook(), CORRECTIONS), null, 2));
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  test("read, correct, write; the pane opened again on the workbook finds the corrections, thresholds and placements as they were", async () => {
    const first = await pane.open({ host: await seedFromFile(SAMPLE) });
    await readWorkbook(first.page);
    const plain = await scorecardFigures(first.page);
    const { moved } = await quarterOfWork(first.page);
    const corrected = await scorecardFigures(first.page);
    expect(corrected).toBeLessThan(plain);
    expect(await first.host.sheetNames()).toContain("Analyst settings");
    await first.screenshot("written");

    // The pane opened again on the same workbook: nothing is read while it opens.
    const { page, host, screenshot } = await pane.open({ host: seedFromSnapshot(await first.host.snapshot(), SAMPLE_FILE) });
    expect(await host.syncCount()).toBe(0);
    await readWorkbook(page);
    // The read's own three syncs (the sheets, their sizes, their cells) bring the choices too.
    expect((await host.requests()).map((r) => (r.changedWorkbook ? "write" : "read"))).toEqual(["read", "read", "read"]);
    const importStep = stepSection(page, "Import");
    expect(await waitForStatus(importStep, "Corrections kept")).toBe(
      "Read as last time: 2 corrections applied to “Scorecard”, as kept in this workbook. Clear or change them below.",
    );
    expect(await waitForStatus(importStep, "Your choices are back")).toMatch(/^Kept in this workbook from last time: RAG thresholds 97% and 85% of target; 1 placement; priority areas .*Workforce/);
    expect(await scorecardFigures(page)).toBe(corrected);
    // With the two notes of what came back, the Import step is still within two screens.
    const restoredHeight = await paneHeight(page);
    process.stdout.write(`Import step with the choices back: ${restoredHeight} px at ${PANE_VIEWPORT.width} px wide\n`);
    expect(restoredHeight).toBeLessThanOrEqual(TWO_SCREENS);
    await importStep.getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
    const sheet = importStep.getByRole("group", { name: "Sheet Scorecard" });
    // The kept corrections are the analyst's own, not in doubt: one button away, the sheet's report short.
    const show = sheet.getByRole("button", { name: "Show or change the corrections" });
    await expect(show.getAttribute("aria-expanded")).resolves.toBe("false");
    // Measured, not held to two screens: the sheet's details (about 560 px) under the two notes of
    // what came back. The views the issue names are held to two screens above and in the test below.
    const withSheetOpen = await paneHeight(page);
    process.stdout.write(`Import step with the choices back and the corrected sheet open: ${withSheetOpen} px\n`);
    await show.click();
    await expect(sheet.getByRole("checkbox", { name: /^E: / }).isChecked()).resolves.toBe(false);
    await expect(sheet.getByRole("checkbox", { name: /^F: / }).isChecked()).resolves.toBe(false);
    await expect(sheet.getByRole("checkbox", { name: /^G: / }).isChecked()).resolves.toBe(true);
    // Read with the kept corrections, the reading is ready to write as it is.
    await expect(importStep.getByRole("button", { name: "Write indicator sheets" }).getAttribute("aria-disabled")).resolves.toBeNull();
    await screenshot("restored-import");

    const scorecard = await chooseStep(page, "Scorecard");
    await expect(scorecard.getByRole("textbox", { name: /Green at least/ }).inputValue()).resolves.toBe("97");
    await expect(scorecard.getByRole("textbox", { name: /Amber at least/ }).inputValue()).resolves.toBe("85");

    const gaps = await chooseStep(page, "Gaps");
    await gaps.getByRole("button", { name: "Analyse the indicators from Import" }).click();
    await waitForStatus(gaps, "Analysed");
    const row = gaps.getByRole("row", { name: new RegExp(`^${literal(moved)}`) });
    expect(await row.textContent()).toMatch(/confirmed by you.*Workforce/);
    await gaps.getByRole("button", { name: /^Workforce \(priority\): / }).waitFor();
    await screenshot("restored-gaps");
  });

  test("next quarter's workbook, the same layout with new figures, is read with last quarter's corrections: kept in the workbook, or from a recipe file", async () => {
    const first = await pane.open({ host: await seedFromFile(SAMPLE) });
    await quarterOfWork(first.page);
    const corrected = await scorecardFigures(first.page);

    // Last quarter's workbook, its circulated sheets swapped for next quarter's.
    const { page, screenshot } = await pane.open({ host: await nextQuarterSeed(first.host) });
    await readWorkbook(page);
    expect(await waitForStatus(stepSection(page, "Import"), "Corrections kept")).toBe(
      `Read as last quarter: 2 corrections applied to “Scorecard”, as kept in this workbook from ${SAMPLE_FILE}. Clear or change them below.`,
    );
    expect(await scorecardFigures(page)).toBe(corrected);
    await screenshot("next-quarter-kept");

    // Next quarter's workbook alone, and the recipe file the analyst downloaded.
    const fresh = await pane.open({ host: { file: NEXT_QUARTER_FILE, sheets: nextQuarter(await sampleWorkbook()).sheets.map(seedOfGrid) } });
    await readWorkbook(fresh.page);
    const importStep = stepSection(fresh.page, "Import");
    expect(await scorecardFigures(fresh.page)).toBeGreaterThan(corrected);
    await pickFileWithMouse(fresh.page, importStep.getByRole("button", { name: "Read with a recipe file" }), recipeFile);
    expect(await waitForStatus(importStep, "Recipe applied")).toBe("Read with the recipe reading-recipe.json: 2 corrections applied to “Scorecard”.");
    expect(await scorecardFigures(fresh.page)).toBe(corrected);
    await fresh.screenshot("next-quarter-recipe-file");
  });

  test(`every step at ${PANE_VIEWPORT.width} px with the sample read is at most two screens tall`, async () => {
    const { page, screenshot } = await pane.open({ host: await seedFromFile(SAMPLE) });
    await readWorkbook(page);
    const heights: Partial<Record<StepName | "Import, a sheet's details open", number>> = {};
    heights.Import = await paneHeight(page);
    await screenshot("step-import");
    for (const step of ["Scorecard", "Benchmarks", "Gaps", "Report"] as const) {
      const section = await chooseStep(page, step);
      if (step === "Gaps") {
        await section.getByRole("button", { name: "Analyse the indicators from Import" }).click();
        await waitForStatus(section, "Analysed");
      }
      heights[step] = await paneHeight(page);
      await screenshot(`step-${step.toLowerCase()}`);
    }
    const importStep = await chooseStep(page, "Import");
    await importStep.getByRole("button", { name: /^Scorecard: \d+ figures/ }).click();
    await importStep.getByRole("group", { name: "Sheet Scorecard" }).waitFor();
    heights["Import, a sheet's details open"] = await paneHeight(page);
    await screenshot("step-import-details-open");
    process.stdout.write(`view heights at ${PANE_VIEWPORT.width} px with the sample read: ${Object.entries(heights).map(([k, v]) => `${k} ${v} px`).join(", ")}\n`);
    const over = Object.entries(heights).filter(([, height]) => (height ?? Infinity) > TWO_SCREENS);
    expect(over).toEqual([]);
    // Measured with the sheet's details open, not before they had grown.
    expect(heights["Import, a sheet's details open"]).toBeGreaterThan(heights.Import ?? Infinity);
  });

  test("keyboard only: every step is reached from the row of steps, and Next moves on", async () => {
    const { page } = await pane.open({ host: await seedFromFile(SAMPLE) });
    // Along the row of steps, one Tab each, Enter on each; then back to the first.
    for (const step of ["Scorecard", "Benchmarks", "Gaps", "Report"] as const) await chooseStepWithKeyboard(page, step, { max: 30 });
    await chooseStepWithKeyboard(page, "Import", { backwards: true, max: 6 });
    // On the Import step: Tab on to Next, Enter, and focus lands on the Scorecard step's button.
    await tabTo(page, panel(page, "Analyst").getByRole("button", { name: "Next: Scorecard" }), { max: 30 });
    await page.keyboard.press("Enter");
    await stepSection(page, "Scorecard").waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-current") === "step");
    expect(await hasFocus(stepButton(page, "Scorecard"))).toBe(true);
  });
});
