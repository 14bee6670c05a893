/**
 * Workbooks to seed the Office.js stand-in with, from real files: the bundled samples and the
 * ingest fixtures are .xlsx/.csv, read here by the file adapter into grids and turned into the
 * Excel test host's seed form, so that a panel's flow test runs on the workbooks people send.
 */
import * as fs from "fs";
import * as path from "path";
import type { Grid } from "../../../src/core/grid/grid";
import type { WorkbookSnapshot } from "../../../src/core/plan/snapshot";
import { cellAddress, rangeAddress } from "../../../src/core/grid/address";
import { readWorkbookBuffer } from "../../../src/files";
import type { SeedCell, SeedSheet } from "../../excel-host/host";
import { ROOT } from "./build";

function seedOf(grid: Grid): SeedSheet {
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
  return {
    name: grid.sheet,
    state: grid.state,
    cells,
    merges: grid.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)),
  };
}

/** The sheets of a workbook file (a path from the project's root), as seeds for `pane.open({ host: { sheets } })`. */
export async function seedFromFile(relativePath: string): Promise<{ file: string; sheets: SeedSheet[] }> {
  const file = path.join(ROOT, relativePath);
  return seedFromBuffer(fs.readFileSync(file), path.basename(file));
}

/** The sheets of a workbook made in the test (an .xlsx's bytes, such as a filled return), as seeds. */
export async function seedFromBuffer(bytes: Buffer, file: string): Promise<{ file: string; sheets: SeedSheet[] }> {
  const book = await readWorkbookBuffer(bytes, file);
  return { file, sheets: book.sheets.map(seedOf) };
}

/**
 * A workbook as a page left it (HostClient.snapshot), as seeds for a new page: the same workbook
 * opened again, as when the pane is closed and opened on it. Values, formulas, number formats,
 * merges and sheet state carry over (what the add-in reads); styles and rules are left behind.
 */
export function seedFromSnapshot(snapshot: WorkbookSnapshot, file: string): { file: string; sheets: SeedSheet[] } {
  return {
    file,
    sheets: snapshot.sheets.map((sheet) => ({
      name: sheet.name,
      state: sheet.state,
      cells: Object.fromEntries(
        Object.entries(sheet.cells).map(([address, cell]): [string, SeedCell] => [
          address,
          { value: cell.value, numberFormat: cell.numberFormat, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) },
        ]),
      ),
      merges: sheet.merges,
    })),
  };
}
