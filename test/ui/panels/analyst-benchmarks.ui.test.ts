/**
 * The Analyst panel's Benchmarks section in the browser: the bundled scorecard read under Import,
 * the generated open-data sample and its neighbour list picked through the file chooser, the area
 * found by typing part of its name, the comparison listed, links suggested from the names, and the
 * Scorecard written with England, region and neighbour columns and the hidden settings sheet;
 * settings kept in a workbook restored when it is read; and the same flow with the keyboard alone.
 */
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { benchmarkSettingsSheet, BENCHMARK_SETTINGS_SHEET } from "../../../src/core/benchmark";
import { cellAddress, parseCell } from "../../../src/core/grid/address";
import type { BenchmarkSettings } from "../../../src/core/model";
import type { SheetPlan } from "../../../src/core/plan/plan";
import { planFingerprint, registerSheet, REGISTER_SHEET } from "../../../src/excel/ownership";
import type { SeedSheet } from "../../excel-host/host";
import { ROOT } from "../harness/build";
import { pickFileWithKeyboard, pickFileWithMouse } from "../harness/files";
import { tabTo, typeText } from "../harness/keyboard";
import { usePane } from "../harness/pane";
import { waitForStatus } from "../harness/status";
import { panel } from "../harness/tabs";
import { seedFromFile } from "../harness/workbooks";
import { chooseStep, chooseStepWithKeyboard } from "../harness/steps";

const OPEN_DATA = path.join(ROOT, "assets/samples/open-data/children-in-need.csv");
const NEIGHBOURS = path.join(ROOT, "assets/samples/open-data/statistical-neighbours.xlsx");

function section(page: Page, name: string): Locator {
  return panel(page, "Analyst").getByRole("region", { name });
}

const benchmarks = (page: Page) => section(page, "Benchmarks");

async function readWorkbook(page: Page): Promise<void> {
  await section(page, "Import a workbook").getByRole("button", { name: "Read this workbook" }).click();
  await waitForStatus(section(page, "Import a workbook"), "Read");
}

/** A plan sheet as the stand-in's seed: its values, cell by cell. */
function seedOfPlan(sheet: SheetPlan): SeedSheet {
  const cells: Record<string, string | number | boolean> = {};
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v !== "object" && v !== "") cells[cellAddress(at.row + r, at.col + c)] = v;
      }),
    );
  }
  return { name: sheet.name, state: sheet.state ?? "visible", cells };
}

const KEPT: BenchmarkSettings = {
  area: "Northshire",
  neighbourFile: "statistical-neighbours.xlsx",
  files: ["children-in-need.csv"],
  map: { links: [{ indicatorId: "CSC01", indicator: "Re-referrals to children's social care within 12 months (%)", file: "children-in-need.csv", column: "rereferrals_percent", breakdown: { category: "Children in need" } }] },
};

/** The kept settings as the add-in writes them: its hidden sheet, listed in its register with the sheet's fingerprint. */
function keptSheets(): SeedSheet[] {
  const sheet = benchmarkSettingsSheet(KEPT);
  const register = registerSheet([{ sheet: sheet.name, wanted: sheet.name, job: "Benchmark settings", fingerprint: planFingerprint(sheet), writtenAt: "2025-10-01 09:00 UTC" }]);
  return [seedOfPlan(sheet), seedOfPlan(register)];
}

describe("Analyst panel: benchmarks", () => {
  const pane = usePane();

  test("pick the files, find the area, compare, link by name, and write the Scorecard with the comparators", async () => {
    const seed = await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx");
    const { page, host, screenshot } = await pane.open({ host: seed });
    await readWorkbook(page);
    await chooseStep(page, "Benchmarks");

    await pickFileWithMouse(page, benchmarks(page).getByRole("button", { name: "Choose open-data files" }), OPEN_DATA);
    expect(await waitForStatus(benchmarks(page), "Files read")).toBe("children-in-need.csv: 6 published figures for 12 local authorities.");
    await pickFileWithMouse(page, benchmarks(page).getByRole("button", { name: "Choose the neighbour list" }), NEIGHBOURS);
    await benchmarks(page).getByText("statistical-neighbours.xlsx: neighbours for 12 authorities.").waitFor();

    const area = benchmarks(page).getByRole("combobox", { name: "Area" });
    await area.click();
    await area.fill("north");
    expect(await page.getByRole("option").allTextContents()).toEqual(["Northgate (961, E09990011), Outer London", "Northshire (951, E06990001), North East"]);
    await page.getByRole("option", { name: /^Northshire/ }).click();
    expect(await area.inputValue()).toBe("Northshire");

    await benchmarks(page).getByRole("button", { name: "Compare" }).click();
    const results = benchmarks(page).getByRole("list", { name: "How Northshire compares" });
    await results.waitFor();
    expect(await results.getByRole("listitem").count()).toBe(6);
    expect(await results.getByRole("listitem").filter({ hasText: "cpp_rate_per_10000" }).textContent()).toMatch(/England44\.3North East46\.3Neighbours' mean.*of 10 neighbours had a figure/);
    await screenshot("compared");

    await benchmarks(page).getByRole("button", { name: "Suggest links from the names" }).click();
    expect(await waitForStatus(benchmarks(page), "Suggested")).toBe("3 indicators linked by name. Each says how close the match is: check them.");
    await chooseStep(page, "Scorecard");
    await section(page, "Scorecard").getByText(/^Official benchmarks: 3 indicators get England, region and neighbour columns for Northshire/).waitFor();

    const before = (await host.requests()).length;
    await section(page, "Scorecard").getByRole("button", { name: "Apply and write the Scorecard" }).click();
    await waitForStatus(section(page, "Scorecard"), "Scorecard written");
    // One read (the register and what the add-in's sheets hold), then one write of both sheets.
    expect((await host.requests()).slice(before).map((r) => (r.changedWorkbook ? "write" : "read"))).toEqual(["read", "write"]);
    const names = await host.sheetNames();
    expect(names).toContain(BENCHMARK_SETTINGS_SHEET);
    const written = names.find((n) => /^Scorecard \(add-in\)$|^Scorecard$/.test(n) && !seed.sheets.some((s) => s.name === n)) ?? "Scorecard (add-in)";
    const headings = await Promise.all(Array.from({ length: 30 }, (_, c) => host.text(written, cellAddress(4, c))));
    expect(headings).toEqual(expect.arrayContaining(["England", "North East", "Neighbours' mean", "Neighbours left out", "Against England"]));
    const snapshot = await host.snapshot([BENCHMARK_SETTINGS_SHEET]);
    expect(snapshot.sheets[0]?.state).toBe("hidden");
    await screenshot("written");
  });

  test("settings kept in the workbook come back when it is read, and the files picked again use them", async () => {
    const seed = await seedFromFile("assets/samples/partnership-scorecard-q2-2025-26.xlsx");
    const { page } = await pane.open({ host: { ...seed, sheets: [...seed.sheets, ...keptSheets()] } });
    await readWorkbook(page);
    await chooseStep(page, "Benchmarks");
    await benchmarks(page).getByText(/^Kept in this workbook: area Northshire; open-data file children-in-need\.csv; neighbour list statistical-neighbours\.xlsx; 1 link\./).waitFor();
    // The kept sheets are the add-in's: never read as the analyst's figures.
    await chooseStep(page, "Import");
    expect(await waitForStatus(section(page, "Import a workbook"), "Read")).not.toContain(BENCHMARK_SETTINGS_SHEET);
    expect(await waitForStatus(section(page, "Import a workbook"), "Read")).not.toContain(REGISTER_SHEET);
    await chooseStep(page, "Benchmarks");

    await pickFileWithMouse(page, benchmarks(page).getByRole("button", { name: "Choose open-data files" }), OPEN_DATA);
    expect(await benchmarks(page).getByRole("combobox", { name: "Area" }).inputValue()).toBe("Northshire");
    expect(await benchmarks(page).getByRole("combobox", { name: /^Published figure for Re-referrals/ }).textContent()).toBe(
      "rereferrals_percent (category: Children in need), children-in-need.csv",
    );
  });

  test("keyboard only: pick the files, type the area and choose it, compare", async () => {
    const { page } = await pane.open();
    await chooseStepWithKeyboard(page, "Benchmarks");
    await tabTo(page, benchmarks(page).getByRole("button", { name: "Choose open-data files" }), { max: 20 });
    await pickFileWithKeyboard(page, OPEN_DATA, "Enter");
    await waitForStatus(benchmarks(page), "Files read");

    const area = benchmarks(page).getByRole("combobox", { name: "Area" });
    await tabTo(page, area, { max: 5 });
    await typeText(page, "Northsh");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await area.inputValue()).toBe("Northshire");

    await tabTo(page, benchmarks(page).getByRole("button", { name: "Compare" }), { max: 5 });
    await page.keyboard.press("Enter");
    await benchmarks(page).getByRole("list", { name: "How Northshire compares" }).waitFor();
  });
});
