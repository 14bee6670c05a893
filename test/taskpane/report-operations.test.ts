/**
 * The report book written by the task pane's Excel operations, against the Excel test host: built
 * from the indicator sheets the add-in wrote, with progress reported step by step and request by
 * request; written again over itself without a question, keeping what the analyst typed in a
 * page's story box; and a copy to publish made as a file, the workbook left as it was.
 */
import ExcelJS from "exceljs";
import { defaultFramework } from "../../src/core/framework";
import type { CellValue } from "../../src/core/grid/grid";
import { pageName, STORY_LABEL } from "../../src/core/report/book";
import { createExcelOperations } from "../../src/taskpane/office/excel-operations";
import type { Progress, ScorecardSettings } from "../../src/taskpane/operations";
import { ExcelHost } from "../excel-host";
import { hostDeps } from "./excel-deps";

const SETTINGS: ScorecardSettings = { greenPercent: 95, amberPercent: 90, groupBy: "agency", additions: [] };
const ROWS: CellValue[][] = [
  ["Partnership scorecard 2024/25", null, null, null, null, null],
  ["Indicator", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Target", "Good is"],
  ["Referrals to children's social care", 410, 388, 3, null, null],
  ["Children subject to a child protection plan (rate per 10,000)", 41.2, 42.5, 39.8, 40, "Low"],
  ["Strategy discussions within 1 working day (%)", 88, 93, 91, 95, "High"],
];

async function workbookWithIndicatorSheets(): Promise<{ host: ExcelHost; operations: ReturnType<typeof createExcelOperations> }> {
  const host = new ExcelHost({ file: "Partnership.xlsx", sheets: [{ name: "Scorecard", rows: { values: ROWS } }] });
  const operations = createExcelOperations(hostDeps(host));
  const { extraction } = await operations.readWorkbook();
  await operations.writeIndicatorSheets({ data: extraction.detail, settings: SETTINGS, includeScorecard: false });
  return { host, operations };
}

describe("the report book in Excel", () => {
  it("says to write the indicator sheets first where there are none", async () => {
    const host = new ExcelHost({ file: "Empty.xlsx", sheets: [{ name: "Scorecard", rows: { values: ROWS } }] });
    const operations = createExcelOperations(hostDeps(host));
    await expect(operations.writeReportBook({ framework: null, settings: null })).rejects.toThrow(/write them first \(Import a workbook, then Write indicator sheets\)/);
  });

  it("writes a contents page and a page per content area, telling how far it has got as it goes", async () => {
    const { host, operations } = await workbookWithIndicatorSheets();
    const heard: Progress[] = [];
    const result = await operations.writeReportBook({ framework: null, settings: SETTINGS }, {}, { onProgress: (p) => heard.push(p) });
    expect(result.pages).toBe(defaultFramework.areas.length);
    expect(result.charts).toBeGreaterThan(0);
    const context = host.context;
    const names = context.workbook.worksheets;
    names.load("items/name");
    await context.sync();
    expect(names.items.map((w) => w.name)).toEqual(expect.arrayContaining(["Contents", ...defaultFramework.areas.map((a, i) => pageName(i, a.name))]));
    expect(heard.map((p) => p.step)).toEqual(["reading", "building", ...heard.filter((p) => p.step === "writing").map(() => "writing")]);
    // The write says when it begins (from then on it cannot be stopped), then each request sent.
    const [begins, ...writes] = heard.filter((p) => p.step === "writing");
    expect(begins).toEqual({ step: "writing", done: 0, total: 1 });
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.map((p) => p.done)).toEqual(writes.map((_, i) => i + 1));
    expect(writes.every((p) => p.total === writes.length)).toBe(true);
  });

  it("writes the book again without asking, keeping what the analyst typed in a story box", async () => {
    const { host, operations } = await workbookWithIndicatorSheets();
    await operations.writeReportBook({ framework: null, settings: SETTINGS });
    const page = pageName(0, defaultFramework.areas[0]!.name);
    const context = host.context;
    const used = context.workbook.worksheets.getItem(page).getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    const storyRow = (used.values as CellValue[][]).findIndex((row) => row[0] === STORY_LABEL);
    expect(storyRow).toBeGreaterThan(0);
    context.workbook.worksheets.getItem(page).getCell(storyRow + 1, 0).values = [["Referrals dipped in Q3 while the front door moved; checked with the MASH manager."]];
    await context.sync();

    const again = await operations.writeReportBook({ framework: null, settings: SETTINGS });
    expect(again.kept).toBe(1);
    const after = context.workbook.worksheets.getItem(page).getUsedRangeOrNullObject(true);
    after.load("values");
    await context.sync();
    expect((after.values as CellValue[][]).flat()).toContain("Referrals dipped in Q3 while the front door moved; checked with the MASH manager.");
  });

  it("makes a copy to publish as a file, withholding small counts, and writes nothing into the workbook", async () => {
    const { host, operations } = await workbookWithIndicatorSheets();
    await operations.writeReportBook({ framework: null, settings: SETTINGS });
    const before = host.snapshot();
    const copy = await operations.publishReportBook({ framework: null, settings: SETTINGS }, 5);
    expect(host.snapshot()).toEqual(before);
    expect(copy.withheld).toBeGreaterThan(0);
    expect(copy.summary).toMatch(/counts? from 1 to 5 withheld/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy.bytes as unknown as ExcelJS.Buffer);
    const marks: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cell.value === "c" && marks.push(cell.address))));
    expect(marks.length).toBeGreaterThan(0);
  });
});
