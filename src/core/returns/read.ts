/**
 * Reading a filled Return sheet: where its details and table are, which row is which indicator,
 * and what each entry cell holds. Everything is found by label and heading, never by a fixed
 * address, so a row inserted by hand (or by another tool) moves nothing the checks rely on.
 *
 * Cells are read as the person filled them: a formula gives its calculated value (and its
 * formula is remembered only so that a message can name it), "87.5%" typed as text is 87.5, a
 * number in a cell formatted as a percentage is in percent units (0.9 shown as 90% is 90).
 */
import { cellAddress } from "../grid/address";
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { cleanNumber, isDateFormat, isPercentFormat, markStatus, parseNumberText } from "../ingest/values";
import type { ReturnIndicatorSpec, ReturnSpec } from "../model/model";
import type { DetailKey, Details } from "../templates/layout";
import { COLUMN_ORDER, DETAIL_LABELS, HEADINGS, labelKey, REQUIRED_COLUMNS, RETURN_SHEET, type Column } from "./layout";

export type { DetailCell } from "../templates/layout";

/** What one entry cell holds, read for checking. */
export type Entry =
  | { kind: "blank" }
  | {
      kind: "number";
      /** In the indicator's units: percent units for a percentage. */
      value: number;
      /** The figure as the person sees it, for messages ("104", "87.5%"). */
      shown: string;
      /** The cell was formatted as a percentage (its stored 0.9 is shown as 90%). */
      percentFormat: boolean;
      /** Typed as text ("87.5%", "1,234"). */
      fromText: boolean;
      formula?: string;
    }
  /** mark: the text is a statistician's mark ("n/a", "-", "not known") rather than a figure. */
  | { kind: "text"; text: string; mark: boolean; formula?: string }
  | { kind: "error"; error: string; formula?: string }
  /** A formula saved without its calculated result (the saving program did not calculate). */
  | { kind: "noResult"; formula: string };

function tidyNumber(n: number): string {
  return String(cleanNumber(n));
}

/** The cell's content as text, for headings, labels, IDs and commentary. */
export function cellString(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  if (typeof cell.value === "string") return cell.value;
  return cell.text !== "" ? cell.text : String(cell.value);
}

/**
 * Reads an entry cell. `percentUnits`: the cell is a percentage's value, so a percentage format or
 * a "%" sign means percent units; elsewhere "50%" typed as text is not a figure at all.
 */
export function readEntry(cell: GridCell | undefined, percentUnits: boolean): Entry {
  if (!cell) return { kind: "blank" };
  const formula = cell.formula;
  const withFormula = <T extends object>(e: T): T => (formula === undefined ? e : { ...e, formula });
  if (cell.error !== undefined) return withFormula({ kind: "error", error: cell.error });
  const v = cell.value;
  if (v === null) return formula === undefined ? { kind: "blank" } : { kind: "noResult", formula };
  if (typeof v === "number") {
    // A date typed where a figure belongs ("3/4" becomes 3 April in Excel) is not a figure.
    if (isDateFormat(cell.numberFormat)) return withFormula({ kind: "text", text: cell.text || String(v), mark: false });
    const percentFormat = isPercentFormat(cell.numberFormat);
    if (percentFormat && percentUnits) {
      const value = cleanNumber(v * 100);
      return withFormula({ kind: "number", value, shown: `${tidyNumber(value)}%`, percentFormat, fromText: false });
    }
    return withFormula({ kind: "number", value: v, shown: tidyNumber(v), percentFormat, fromText: false });
  }
  if (typeof v === "boolean") return withFormula({ kind: "text", text: v ? "TRUE" : "FALSE", mark: false });
  const text = v.trim();
  // A formula that gives "" shows nothing: it is as blank as an empty cell.
  if (text === "") return { kind: "blank" };
  const parsed = parseNumberText(text);
  if (parsed && (!parsed.percent || percentUnits)) {
    return withFormula({ kind: "number", value: parsed.value, shown: text, percentFormat: false, fromText: true });
  }
  return withFormula({ kind: "text", text, mark: markStatus(text) !== null });
}

/** Whether the "Not available" cell marks the figure as not available. */
export function marksNotAvailable(cell: GridCell | undefined): boolean {
  const t = labelKey(cellString(cell));
  if (t === "" || t === "no" || t === "n" || t === "false" || t === "available") return false;
  return true;
}

// ---------------------------------------------------------------------------------------------

export interface SheetRow {
  /** 1-based sheet row. */
  row: number;
  cells: Partial<Record<Column, GridCell>>;
}

export interface ReturnSheet {
  grid: Grid;
  /** 1-based row of the headings. */
  headerRow: number;
  /** Zero-based absolute column of each heading found. */
  columns: Partial<Record<Column, number>>;
  details: Details;
  /** Rows below the headings with anything in the table's columns, in sheet order. */
  rows: SheetRow[];
}

export type ReturnSheetRead = { ok: true; sheet: ReturnSheet } | { ok: false; problem: string };

export function findReturnGrid(workbook: GridWorkbook): Grid | null {
  return workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(RETURN_SHEET)) ?? null;
}

const HEADING_KEYS = new Map<string, Column>(COLUMN_ORDER.map((c) => [labelKey(HEADINGS[c]), c]));

function headingColumns(row: readonly GridCell[], originCol: number): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  row.forEach((cell, j) => {
    const column = HEADING_KEYS.get(labelKey(cellString(cell)));
    if (column && out[column] === undefined) out[column] = originCol + j;
  });
  return out;
}

/**
 * The details above a template's table (partnership, agency, period, version...), each the first
 * non-blank cell to the right of its label, in the rows above the table's headings. An audit's
 * are read the same way (../s11/read.ts).
 */
export function readDetails(grid: Grid, above: number): Details {
  const out: Details = {};
  const wanted = Object.entries(DETAIL_LABELS) as [DetailKey, string][];
  for (let i = 0; i < above; i++) {
    const row = grid.rows[i] ?? [];
    row.forEach((cell, j) => {
      const key = labelKey(cellString(cell));
      const found = wanted.find(([, label]) => labelKey(label) === key);
      if (!found || out[found[0]]) return;
      let k = j + 1;
      while (k < row.length && cellString(row[k]).trim() === "") k++;
      const valueAt = k < row.length ? k : j + 1;
      out[found[0]] = { text: cellString(row[valueAt]).trim(), cell: cellAddress(grid.origin.row + i, grid.origin.col + valueAt) };
    });
  }
  return out;
}

function hasContent(cell: GridCell | undefined): boolean {
  return !!cell && (cell.error !== undefined || cell.formula !== undefined || (cell.value !== null && !(typeof cell.value === "string" && cell.value.trim() === "")));
}

export function readReturnSheet(workbook: GridWorkbook): ReturnSheetRead {
  const grid = findReturnGrid(workbook);
  if (!grid) return { ok: false, problem: `it has no sheet named "${RETURN_SHEET}"` };
  const headerIndex = grid.rows.findIndex((row) => {
    const cols = headingColumns(row, grid.origin.col);
    return cols.id !== undefined && cols.value !== undefined;
  });
  if (headerIndex < 0) {
    return { ok: false, problem: `its ${RETURN_SHEET} sheet has no row headed "${HEADINGS.id}" and "${HEADINGS.value}"` };
  }
  const columns = headingColumns(grid.rows[headerIndex]!, grid.origin.col);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length) {
    return { ok: false, problem: `its table has no ${missing.map((c) => `"${HEADINGS[c]}"`).join(" or ")} column` };
  }
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const gridRow = grid.rows[i]!;
    const cells: SheetRow["cells"] = {};
    let any = false;
    for (const c of COLUMN_ORDER) {
      const at = columns[c];
      if (at === undefined) continue;
      const cell = gridRow[at - grid.origin.col];
      if (cell) cells[c] = cell;
      if (hasContent(cell)) any = true;
    }
    if (any) rows.push({ row: grid.origin.row + i + 1, cells });
  }
  return {
    ok: true,
    sheet: { grid, headerRow: grid.origin.row + headerIndex + 1, columns, details: readDetails(grid, headerIndex), rows },
  };
}

// ---------------------------------------------------------------------------------------------
// Matching the table's rows with the spec's indicators.

export interface IndicatorRow {
  spec: ReturnIndicatorSpec;
  /** Position of the indicator in the spec (0-based). */
  index: number;
  row: number;
  /** The name as written on the sheet. */
  name: string;
  value: Entry;
  numerator: Entry;
  denominator: Entry;
  target: Entry;
  notAvailable: boolean;
  /** The commentary's text; a formula's calculated text, never the formula. */
  commentary: string;
  commentaryFormula?: string;
  commentaryError?: string;
  address(column: Column): string;
}

export interface OtherRow {
  row: number;
  id: string;
  /** Anything in the cells a person fills in (value, numerator, denominator, not available, commentary). */
  hasEntries: boolean;
  address(column: Column): string;
}

export interface MatchedReturn {
  rows: IndicatorRow[];
  /** Rows whose ID is not one of the spec's (or blank) but hold something. */
  unknown: OtherRow[];
  /** A second (or later) row for an indicator already matched. */
  duplicates: { row: OtherRow; first: IndicatorRow }[];
  /** Spec indicators with no row. */
  missing: { spec: ReturnIndicatorSpec; index: number }[];
}

const ENTRY_COLUMNS: readonly Column[] = ["value", "numerator", "denominator", "notAvailable", "commentary"];

function addresser(sheet: ReturnSheet, row: number): (column: Column) => string {
  return (column) => {
    const at = sheet.columns[column] ?? sheet.columns.value!;
    return cellAddress(row - 1, at);
  };
}

function indicatorRow(sheet: ReturnSheet, r: SheetRow, spec: ReturnIndicatorSpec, index: number): IndicatorRow {
  const percent = spec.unit === "percent" && !(spec.choices && spec.choices.length);
  const commentaryCell = r.cells.commentary;
  const out: IndicatorRow = {
    spec,
    index,
    row: r.row,
    name: cellString(r.cells.name).replace(/\s+/g, " ").trim(),
    value: readEntry(r.cells.value, percent),
    numerator: readEntry(r.cells.numerator, false),
    denominator: readEntry(r.cells.denominator, false),
    target: readEntry(r.cells.target, percent),
    notAvailable: marksNotAvailable(r.cells.notAvailable),
    commentary: commentaryCell?.error !== undefined ? "" : cellString(commentaryCell).trim(),
    address: addresser(sheet, r.row),
  };
  if (commentaryCell?.formula !== undefined) out.commentaryFormula = commentaryCell.formula;
  if (commentaryCell?.error !== undefined) out.commentaryError = commentaryCell.error;
  return out;
}

export function matchRows(sheet: ReturnSheet, spec: ReturnSpec): MatchedReturn {
  const byId = new Map(spec.indicators.map((ind, index) => [ind.id.trim().toLowerCase(), { ind, index }]));
  const matched = new Map<string, IndicatorRow>();
  const out: MatchedReturn = { rows: [], unknown: [], duplicates: [], missing: [] };
  for (const r of sheet.rows) {
    const id = cellString(r.cells.id).trim();
    const key = id.toLowerCase();
    const found = byId.get(key);
    const other: OtherRow = { row: r.row, id, hasEntries: ENTRY_COLUMNS.some((c) => hasContent(r.cells[c])), address: addresser(sheet, r.row) };
    if (!found) {
      out.unknown.push(other);
      continue;
    }
    const first = matched.get(key);
    if (first) {
      out.duplicates.push({ row: other, first });
      continue;
    }
    const row = indicatorRow(sheet, r, found.ind, found.index);
    matched.set(key, row);
    out.rows.push(row);
  }
  spec.indicators.forEach((ind, index) => {
    if (!matched.has(ind.id.trim().toLowerCase())) out.missing.push({ spec: ind, index });
  });
  return out;
}
