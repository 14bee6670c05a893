/**
 * Reading a filled Section 11 audit: the details above the standards, each standard's row, and
 * each action's row. Everything is found by heading and label; each standard's row by its
 * number, each action's by its action number.
 */
import { cellAddress } from "../grid/address";
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { readDay, type DayRead } from "../periods/days";
import { cellString, readDetails } from "../returns/read";
import type { Details } from "../templates/layout";
import {
  ACTION_COLUMNS,
  ACTION_HEADINGS,
  ACTIONS_SHEET,
  AUDIT_SHEET,
  labelKey,
  STANDARD_HEADINGS,
  type ActionColumn,
  type StandardColumn,
} from "./layout";
import { ratingOf, type Rating } from "./standards";

/** A text cell as read for checking: its text (a formula's shown text, never the formula). */
export interface TextEntry {
  text: string;
  formula?: string;
  error?: string;
}

function textEntry(cell: GridCell | undefined): TextEntry {
  if (!cell) return { text: "" };
  if (cell.error !== undefined) return { text: "", error: cell.error, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) };
  const out: TextEntry = { text: cellString(cell).replace(/\r\n/g, "\n").trim() };
  if (cell.formula !== undefined) out.formula = cell.formula;
  return out;
}

export interface StandardRow {
  /** The standard's number as the row gives it. */
  number: number;
  row: number;
  /** The rating as typed, and as one of the scale (null when blank or not on it). */
  ratingText: TextEntry;
  rating: Rating | null;
  evidence: TextEntry;
  comments: TextEntry;
  address(column: StandardColumn): string;
}

export interface ActionRow {
  /** The action number the row gives (its position on the Actions sheet). */
  number: number | null;
  row: number;
  standardText: TextEntry;
  /** The standard's number, when the cell holds a whole number. */
  standard: number | null;
  action: TextEntry;
  owner: TextEntry;
  due: DayRead;
  /** Anything typed in the cells a person fills in. */
  used: boolean;
  address(column: ActionColumn): string;
}

export interface AuditSheets {
  details: Details;
  standards: StandardRow[];
  /** Rows of the standards table whose number is not a standard's (or is blank) but that hold something. */
  strayStandardRows: { row: number; shown: string; address(column: StandardColumn): string }[];
  actions: ActionRow[];
}

export type AuditSheetsRead = { ok: true; sheets: AuditSheets } | { ok: false; problem: string };

function sheetOf(workbook: GridWorkbook, name: string): Grid | null {
  return workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(name)) ?? null;
}

function columnsOf<C extends string>(row: readonly GridCell[], originCol: number, headings: Record<C, string>): Partial<Record<C, number>> {
  const wanted = new Map<string, C>((Object.entries(headings) as [C, string][]).map(([c, h]) => [labelKey(h), c]));
  const out: Partial<Record<C, number>> = {};
  row.forEach((cell, j) => {
    const c = wanted.get(labelKey(cellString(cell)));
    if (c !== undefined && out[c] === undefined) out[c] = originCol + j;
  });
  return out;
}

interface Table<C extends string> {
  grid: Grid;
  headerIndex: number;
  columns: Partial<Record<C, number>>;
}

function findTable<C extends string>(grid: Grid, headings: Record<C, string>, needs: readonly C[]): Table<C> | null {
  for (let i = 0; i < grid.rows.length; i++) {
    const columns = columnsOf(grid.rows[i]!, grid.origin.col, headings);
    if (needs.every((c) => columns[c] !== undefined)) return { grid, headerIndex: i, columns };
  }
  return null;
}

function cellAt<C extends string>(t: Table<C>, i: number, c: C): GridCell | undefined {
  const at = t.columns[c];
  return at === undefined ? undefined : t.grid.rows[i]?.[at - t.grid.origin.col];
}

function addresser<C extends string>(t: Table<C>, row: number, fallback: C): (c: C) => string {
  return (c) => cellAddress(row - 1, t.columns[c] ?? t.columns[fallback]!);
}

function wholeNumber(cell: GridCell | undefined): number | null {
  if (!cell || cell.error !== undefined) return null;
  const v = cell.value;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
}

function hasContent(cell: GridCell | undefined): boolean {
  return !!cell && (cell.error !== undefined || cell.formula !== undefined || (cell.value !== null && !(typeof cell.value === "string" && cell.value.trim() === "")));
}

const STANDARD_ENTRIES: readonly StandardColumn[] = ["rating", "evidence", "comments"];
const ACTION_ENTRIES: readonly ActionColumn[] = ["standard", "action", "owner", "due"];

export function readAuditSheets(workbook: GridWorkbook): AuditSheetsRead {
  const audit = sheetOf(workbook, AUDIT_SHEET);
  if (!audit) return { ok: false, problem: `it has no sheet named "${AUDIT_SHEET}"` };
  const standards = findTable<StandardColumn>(audit, STANDARD_HEADINGS, ["number", "rating", "evidence"]);
  if (!standards) {
    return { ok: false, problem: `its ${AUDIT_SHEET} sheet has no row headed "${STANDARD_HEADINGS.number}", "${STANDARD_HEADINGS.rating}" and "${STANDARD_HEADINGS.evidence}"` };
  }
  const actionsGrid = sheetOf(workbook, ACTIONS_SHEET);
  if (!actionsGrid) return { ok: false, problem: `it has no sheet named "${ACTIONS_SHEET}"` };
  const actions = findTable<ActionColumn>(actionsGrid, ACTION_HEADINGS, ["number", "standard", "action", "owner", "due"]);
  if (!actions) {
    return { ok: false, problem: `its ${ACTIONS_SHEET} sheet has no row headed ${ACTION_COLUMNS.map((c) => `"${ACTION_HEADINGS[c]}"`).join(", ")}` };
  }

  const out: AuditSheets = { details: readDetails(audit, standards.headerIndex), standards: [], strayStandardRows: [], actions: [] };
  for (let i = standards.headerIndex + 1; i < audit.rows.length; i++) {
    const row = audit.origin.row + i + 1;
    const number = wholeNumber(cellAt(standards, i, "number"));
    const address = addresser(standards, row, "rating");
    const filled = STANDARD_ENTRIES.some((c) => hasContent(cellAt(standards, i, c)));
    if (number === null) {
      if (filled) out.strayStandardRows.push({ row, shown: cellString(cellAt(standards, i, "number")).trim(), address });
      continue;
    }
    const ratingText = textEntry(cellAt(standards, i, "rating"));
    out.standards.push({
      number,
      row,
      ratingText,
      rating: ratingOf(ratingText.text),
      evidence: textEntry(cellAt(standards, i, "evidence")),
      comments: textEntry(cellAt(standards, i, "comments")),
      address,
    });
  }
  for (let i = actions.headerIndex + 1; i < actionsGrid.rows.length; i++) {
    const row = actionsGrid.origin.row + i + 1;
    const used = ACTION_ENTRIES.some((c) => hasContent(cellAt(actions, i, c)));
    const number = wholeNumber(cellAt(actions, i, "number"));
    if (number === null && !used) continue;
    const standardText = textEntry(cellAt(actions, i, "standard"));
    out.actions.push({
      number,
      row,
      standardText,
      standard: wholeNumber(cellAt(actions, i, "standard")),
      action: textEntry(cellAt(actions, i, "action")),
      owner: textEntry(cellAt(actions, i, "owner")),
      due: readDay(cellAt(actions, i, "due")),
      used,
      address: addresser(actions, row, "action"),
    });
  }
  return { ok: true, sheets: out };
}
