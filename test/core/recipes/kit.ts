/**
 * Workbooks for the recipe tests, in the pane's tests and on the command line: the bundled
 * sample scorecard, and "next quarter's" copy of it made here (the same layout, every figure
 * changed, the title and file name moved on a quarter), as grids, as seeds for the Excel test host
 * and as an .xlsx file.
 */
import * as path from "node:path";
import { cellAddress, parseCell, rangeAddress } from "../../../src/core/grid/address";
import type { Grid, GridWorkbook } from "../../../src/core/grid/grid";
import type { LayoutOverrides } from "../../../src/core/ingest";
import type { AnalystChoices, ReadingRecipe } from "../../../src/core/model";
import { analystSettingsSheet } from "../../../src/core/recipes";
import { planFingerprint, registerSheet } from "../../../src/excel/ownership";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan/plan";
import { renderPlanToXlsx } from "../../../src/files";
import { readWorkbookFile } from "../../../src/files/node";
import type { SeedCell, SeedSheet } from "../../excel-host/host";

export const SAMPLE = path.resolve(__dirname, "../../../assets/samples/partnership-scorecard-q2-2025-26.xlsx");
export const NEXT_QUARTER_FILE = "partnership-scorecard-q3-2025-26.xlsx";

/**
 * Two corrections an analyst might make to the sample's Scorecard sheet: last year's outturn
 * (column E) and last year's Q1 (column F) left out of the figures.
 */
export const CORRECTIONS: LayoutOverrides = {
  Scorecard: {
    columns: [
      { col: 4, role: "ignore" },
      { col: 5, role: "ignore" },
    ],
  },
};

export function sampleWorkbook(): Promise<GridWorkbook> {
  return readWorkbookFile(SAMPLE);
}

/** A figure moved on a little, keeping its kind: a fraction stays a fraction, a count a whole number. */
function moved(value: number): number {
  return value > 0 && value < 1 ? Math.round(value * 1030) / 1000 : Math.round(value * 1.1) + 1;
}

/**
 * Next quarter's workbook, as the partnership would circulate it: the same sheets and headings,
 * every figure below the headings changed, and "Quarter 2" become "Quarter 3" in the titles.
 */
export function nextQuarter(workbook: GridWorkbook): GridWorkbook {
  return {
    file: NEXT_QUARTER_FILE,
    sheets: workbook.sheets.map(
      (grid): Grid => ({
        ...grid,
        rows: grid.rows.map((row, r) =>
          row.map((cell) => {
            if (typeof cell.value === "string") {
              const value = cell.value.replace(/Quarter 2/g, "Quarter 3").replace(/July to September/g, "October to December");
              return { ...cell, value, text: value };
            }
            // Rows 1 to 4 of the Scorecard are its title and headings; figures start below them.
            if (typeof cell.value === "number" && grid.origin.row + r >= 4) {
              const value = moved(cell.value);
              return { ...cell, value, text: String(value) };
            }
            return cell;
          }),
        ),
      }),
    ),
  };
}

/** A grid as the Excel test host's seed: every cell with a value, a formula or a format, and its merges. */
export function seedOfGrid(grid: Grid): SeedSheet {
  const cells: Record<string, SeedCell> = {};
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.value === null && cell.formula === undefined && cell.error === undefined && cell.numberFormat === "General") return;
      const seed: SeedCell = { value: cell.value, numberFormat: cell.numberFormat, text: cell.text };
      if (cell.formula !== undefined) seed.formula = cell.formula;
      if (cell.error !== undefined) seed.error = cell.error;
      cells[cellAddress(grid.origin.row + r, grid.origin.col + c)] = seed;
    }),
  );
  return { name: grid.sheet, state: grid.state, cells, merges: grid.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)) };
}

/** A grid as a plan sheet (values, number formats and merges), to write it as a file. */
function planOfGrid(grid: Grid): SheetPlan {
  const numberFormats: { range: string; format: string }[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.numberFormat !== "General" && cell.value !== null) numberFormats.push({ range: cellAddress(grid.origin.row + r, grid.origin.col + c), format: cell.numberFormat });
    }),
  );
  return {
    name: grid.sheet,
    ...(grid.state !== "visible" ? { state: grid.state } : {}),
    blocks: grid.rows.length > 0 ? [{ at: cellAddress(grid.origin.row, grid.origin.col), values: grid.rows.map((row) => row.map((c) => c.value)) }] : [],
    numberFormats,
    merges: grid.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)),
  };
}

/** A workbook of grids as .xlsx bytes. */
export function xlsxOf(workbook: GridWorkbook): Promise<Uint8Array> {
  const plan: WorkbookPlan = { sheets: workbook.sheets.map(planOfGrid) };
  return renderPlanToXlsx(plan);
}

/** A plan sheet as the Excel test host's seed: its values, cell by cell (what the add-in's own hidden sheets hold). */
export function seedOfPlan(sheet: SheetPlan): SeedSheet {
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

/** The choices as the add-in keeps them: its hidden "Analyst settings" sheet, listed in its register with the sheet's fingerprint. */
export function keptChoiceSeeds(choices: AnalystChoices): SeedSheet[] {
  const sheet = analystSettingsSheet(choices);
  const register = registerSheet([{ sheet: sheet.name, wanted: sheet.name, job: "Analyst settings", fingerprint: planFingerprint(sheet), writtenAt: "2025-10-01 09:00 UTC" }]);
  return [seedOfPlan(sheet), seedOfPlan(register)];
}

/** Nothing chosen but a reading recipe. */
export function recipeOnly(recipe: ReadingRecipe): AnalystChoices {
  return { thresholds: null, groupBy: null, ratings: [], placements: [], priorities: null, framework: null, publishThreshold: null, recipe };
}
