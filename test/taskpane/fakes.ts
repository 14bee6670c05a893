/**
 * Fake operations for the panels' jsdom tests. Reading and re-reading run the real engine on grids
 * built here (no Excel), so the panels are tested on what the engine really reports; writes resolve
 * with fixed results unless a test says otherwise.
 */
import type { CellValue, Grid, GridWorkbook } from "../../src/core/grid/grid";
import * as jobs from "../../src/taskpane/office/jobs";
import type { Operations } from "../../src/taskpane/operations";

export function gridOf(sheet: string, rows: CellValue[][]): Grid {
  return {
    sheet,
    state: "visible",
    origin: { row: 0, col: 0 },
    rows: rows.map((r) => r.map((value) => ({ value, text: value === null ? "" : String(value), numberFormat: "General" }))),
    merges: [],
  };
}

/** A circulated scorecard: a title, one heading row (row 3), three indicators by two quarters, and a notes sheet. */
export const PARTNERSHIP: GridWorkbook = {
  file: "Partnership.xlsx",
  sheets: [
    gridOf("Scorecard", [
      ["Partnership scorecard 2024/25", null, null, null, null],
      [null, null, null, null, null],
      ["Indicator", "Q1 2024/25", "Q2 2024/25", "Target", "Good is"],
      ["Children subject to a CP plan for 2 years or more (%)", 3.5, 4.1, 2, "Low"],
      ["Strategy discussions within 1 working day (%)", 88, 93, 95, "High"],
      ["Referrals to children's social care", 410, "see note", null, null],
    ]),
    gridOf("Notes", [["Read me first"]]),
  ],
};

export type FakeOperations = { [K in keyof Operations]: jest.Mock<ReturnType<Operations[K]>, Parameters<Operations[K]>> };

export function fakeOperations(overrides: Partial<Operations> = {}, workbook: GridWorkbook = PARTNERSHIP): FakeOperations {
  const defaults: Operations = {
    writeSampleSheet: async () => ({ summary: "Wrote the sheet “Scorecard” to this workbook." }),
    readWorkbook: async () => jobs.importWorkbook(workbook),
    extract: async (imported, overrides) => jobs.extract(imported, overrides),
    writeIndicatorSheets: async () => ({
      summary: "Wrote the sheets “Scorecard”, “Indicators” and “Observations”. Only sheets the add-in wrote were replaced.",
      counts: { red: 1, amber: 0, green: 1, notRated: 1, total: 3 },
    }),
    writeScorecard: async () => ({
      summary: "Wrote the sheet “Scorecard”. Only sheets the add-in wrote were replaced.",
      counts: { red: 1, amber: 0, green: 2, notRated: 0, total: 3 },
    }),
    selectCell: async () => undefined,
  };
  const all = { ...defaults, ...overrides };
  const mocks: Record<string, jest.Mock> = {};
  for (const [name, fn] of Object.entries(all) as [string, (...args: never[]) => unknown][]) mocks[name] = jest.fn(fn);
  return mocks as unknown as FakeOperations;
}

/** Elements a Tab key can reach, in document order: what keyboard users can get to. */
export function tabbable(root: ParentNode = document.body): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]");
  return [...candidates].filter((el) => {
    if (el.closest("[hidden]") || el.hasAttribute("data-tabster-dummy")) return false;
    if ((el as HTMLButtonElement).disabled) return false;
    return el.tabIndex >= 0;
  });
}
