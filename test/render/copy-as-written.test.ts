/**
 * The register's live count of cells changed since the add-in wrote a sheet, worked out by a real
 * spreadsheet: the add-in's sheets, their very hidden copies and the register, rendered to .xlsx
 * by the file adapter, edited by hand (ExcelJS), then opened and recalculated by LibreOffice. The
 * same plan, written through the Office.js adapter into the Excel test host and edited the same
 * way, must give the same counts, so the host's calculator answers as a spreadsheet does.
 *
 * One workbook holds one copy of a real scorecard sheet per kind of edit, so that LibreOffice opens
 * it once.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cellAddress, parseRange } from "../../src/core/grid/address";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../../src/core/plan/plan";
import { renderPlan } from "../../src/excel";
import { copySheetName, planReadBack, readRegister, REGISTER_SHEET, registerSheet, type RegisterEntry } from "../../src/excel/ownership";
import { readWorkbookBuffer } from "../../src/files";
import { renderPlanToXlsx } from "../../src/files/render";
import { ExcelHost } from "../excel-host";
import { indicatorPlan } from "../safety/plans";
import { convertWithLibreOffice, withLibreOffice } from "./libreoffice";

const lo = withLibreOffice("copy-as-written");

/** A hand edit: the cell and what is typed there (a formula with its "="). */
interface Edit {
  address: string;
  typed: string | number | null;
}

const scorecard = (): SheetPlan => {
  const sheet = indicatorPlan().sheets.find((s) => s.name === "Scorecard");
  if (!sheet) throw new Error("the indicator plan has no Scorecard");
  // Tables are left out: a table's name may appear once in a workbook, and this one holds the sheet many times.
  return { ...sheet, tables: [] };
};

/** The scorecard's cells as the plan writes them (one block or several, later over earlier), by address. */
function cellsOf(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const block of sheet.blocks) {
    const at = parseRange(block.at);
    block.values.forEach((row, i) => row.forEach((v, j) => out.set(cellAddress(at.top + i, at.left + j), v)));
  }
  return out;
}

/** The edits, found in the scorecard itself so that each is the kind it says. */
function edits(sheet: SheetPlan): Record<string, Edit | null> {
  const range = parseRange(planReadBack(sheet).usedRange ?? "A1");
  const cells = cellsOf(sheet);
  const entries = [...cells.entries()];
  const formula = entries.find(([, v]) => v !== null && typeof v === "object");
  const text = entries.find(([, v]) => typeof v === "string" && v.length > 3);
  const number = entries.find(([, v]) => typeof v === "number");
  let blank: string | undefined;
  for (let row = range.top; row <= range.bottom && !blank; row++) {
    for (let col = range.left; col <= range.right && !blank; col++) {
      const v = cells.get(cellAddress(row, col));
      if (v === undefined || v === null || v === "") blank = cellAddress(row, col);
    }
  }
  if (!formula || !text || !number || !blank) throw new Error("the scorecard lacks a formula, a text, a number or a blank cell");
  const first = cellAddress(range.top, range.left);
  const last = cellAddress(range.bottom, range.right);
  const middle = cellAddress(Math.floor((range.top + range.bottom) / 2), range.left);
  const other = (v: PlanValue | undefined): string | number => (typeof v === "number" ? v + 1 : `${String(v ?? "")}x`);
  const t = text[1] as string;
  return {
    "Same": null,
    "First cell": { address: first, typed: other(cells.get(first)) },
    "Last cell": { address: last, typed: other(cells.get(last)) },
    "Middle cell": { address: middle, typed: other(cells.get(middle)) },
    "Zero in a blank": { address: blank, typed: 0 },
    "Formula rewritten": { address: formula[0], typed: `=(${(formula[1] as { formula: string }).formula})` },
    "Same-length text": { address: text[0], typed: `${t.slice(0, -1)}${t.endsWith("z") ? "y" : "z"}` },
    "Number cleared": { address: number[0], typed: null },
  };
}

/** The plan: each case's sheet, then every copy, then the register, as renderOwnedPlan lays them out. */
function planOf(cases: string[]): { plan: WorkbookPlan; entries: RegisterEntry[] } {
  const base = scorecard();
  const sheets = cases.map((name): SheetPlan => ({ ...base, name }));
  const entries = sheets.map((sheet): RegisterEntry => {
    const { fingerprint, usedRange } = planReadBack(sheet);
    return { sheet: sheet.name, wanted: sheet.name, job: "Test", fingerprint, writtenAt: "2026-12-03 09:00 UTC", copy: { sheet: copySheetName(sheet.name), range: usedRange ?? "A1" } };
  });
  const copies = entries.map((e): SheetPlan => ({ name: e.copy!.sheet, state: "veryHidden", blocks: [], copyOf: { sheet: e.sheet, range: e.copy!.range } }));
  return { plan: { sheets: [...sheets, ...copies, registerSheet(entries)], activeSheet: cases[0] }, entries };
}

/** The counts in the register, by sheet, from its values and formulas. */
function countsOf(values: unknown[][], formulas: unknown[][]): Record<string, number | null | undefined> {
  return Object.fromEntries([...readRegister(values, formulas).values()].map((e) => [e.sheet, e.changedCells]));
}

let work = "";
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "copy-as-written-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

lo("LibreOffice and the Excel test host count the same cells changed, for every kind of hand edit", async () => {
  const cases = edits(scorecard());
  const names = Object.keys(cases);
  const { plan } = planOf(names);
  const expected: Record<string, number> = Object.fromEntries(names.map((n) => [n, cases[n] ? 1 : 0]));

  // LibreOffice: the file adapter's .xlsx, edited as a person would, recalculated on opening.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderPlanToXlsx(plan)) as unknown as ExcelJS.Buffer);
  for (const [name, edit] of Object.entries(cases)) {
    if (!edit) continue;
    const cell = book.getWorksheet(name)!.getCell(edit.address);
    cell.value = typeof edit.typed === "string" && edit.typed.startsWith("=") ? { formula: edit.typed.slice(1) } : edit.typed;
  }
  const edited = path.join(work, "edited.xlsx");
  await book.xlsx.writeFile(edited);
  // Read by the add-in's own file reader, which keeps a formula's cached result (ExcelJS alone drops a result of 0).
  const recalculated = await readWorkbookBuffer(fs.readFileSync(convertWithLibreOffice(edited, "xlsx", path.join(work, "out"))), "edited.xlsx");
  const register = recalculated.sheets.find((g) => g.sheet === REGISTER_SHEET)!;
  const values = register.rows.map((row) => row.map((c) => c.value));
  const formulas = register.rows.map((row) => row.map((c) => c.formula ?? c.value));
  expect(countsOf(values, formulas)).toEqual(expected);

  // The Excel test host: the Office.js adapter's write, the same edits typed in, the register read back.
  const host = new ExcelHost();
  await renderPlan(host.context, plan);
  for (const [name, edit] of Object.entries(cases)) {
    if (!edit) continue;
    const range = host.context.workbook.worksheets.getItem(name).getRange(edit.address);
    if (typeof edit.typed === "string" && edit.typed.startsWith("=")) range.formulas = [[edit.typed]];
    else range.values = [[edit.typed ?? ""]];
  }
  const context = host.context;
  const used = context.workbook.worksheets.getItem(REGISTER_SHEET).getUsedRangeOrNullObject(true);
  used.load("values,formulas");
  await context.sync();
  expect(countsOf(used.values, used.formulas)).toEqual(expected);
}, 180_000);
