/**
 * Reading the action log back: the sheet as people have left it (rows edited, added or deleted
 * by hand) and the hidden copy of what collation last wrote. Columns are found by heading, so a
 * column moved or inserted by hand moves nothing; the worked-out column is never read, since it
 * is a formula of the others.
 */
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { readDay } from "../periods/days";
import { cellString } from "../returns/read";
import { labelKey } from "../returns/layout";
import { ACTION_LOG_SHEET, LOG_BASE_SHEET, LOG_COLUMNS, LOG_HEADINGS } from "./layout";
import { LOG_FIELDS, type LogAction, type LogField } from "./types";

/** A row of the log as a person left it. `id` is "" where none was typed. */
export interface LogRowRead extends LogAction {
  /** The sheet row, 1-based. */
  row: number;
}

export interface LogSheetRead {
  sheet: string;
  rows: LogRowRead[];
}

/** What collation last wrote for an action, and whether it is still in the log or was deleted by hand. */
export interface BaseEntry extends LogAction {
  state: "in log" | "removed by hand";
}

export type LogBase = Map<string, BaseEntry>;

export const idKey = (id: string): string => labelKey(id);

function text(cell: GridCell | undefined): string {
  if (!cell || cell.error !== undefined) return "";
  return cellString(cell).replace(/\r\n/g, "\n").trim();
}

function dueText(cell: GridCell | undefined): string {
  const day = readDay(cell);
  if (day.kind === "day") return day.iso;
  if (day.kind === "not a day") return day.shown;
  return day.kind === "error" ? day.error : "";
}

/** The row of headings: the first with "Action ID", "Action" and "Status". */
function headerOf(grid: Grid): { index: number; columns: Partial<Record<"id" | LogField, number>> } | null {
  const wanted = new Map(LOG_COLUMNS.map((c) => [labelKey(LOG_HEADINGS[c]), c]));
  for (let i = 0; i < grid.rows.length; i++) {
    const columns: Partial<Record<"id" | LogField, number>> = {};
    grid.rows[i]!.forEach((cell, j) => {
      const c = wanted.get(labelKey(cellString(cell)));
      if (c !== undefined && columns[c] === undefined) columns[c] = j;
    });
    if (columns.id !== undefined && columns.action !== undefined && columns.status !== undefined) return { index: i, columns };
  }
  return null;
}

/** Whether a grid is an action log: it has the log's headings. */
export function isLogSheet(grid: Grid): boolean {
  return headerOf(grid) !== null;
}

/** The log's rows, in sheet order; rows with nothing typed in the log's columns are passed over. */
export function readLogSheet(grid: Grid): LogSheetRead | null {
  const header = headerOf(grid);
  if (!header) return null;
  const rows: LogRowRead[] = [];
  for (let i = header.index + 1; i < grid.rows.length; i++) {
    const cells = grid.rows[i]!;
    const at = (c: "id" | LogField): GridCell | undefined => (header.columns[c] === undefined ? undefined : cells[header.columns[c]!]);
    const row: LogRowRead = {
      row: grid.origin.row + i + 1,
      id: text(at("id")),
      source: text(at("source")),
      from: text(at("from")),
      agency: text(at("agency")),
      about: text(at("about")),
      action: text(at("action")),
      owner: text(at("owner")),
      due: dueText(at("due")),
      status: text(at("status")),
      evidence: text(at("evidence")),
      notes: text(at("notes")),
    };
    if (row.id !== "" || LOG_FIELDS.some((f) => row[f] !== "")) rows.push(row);
  }
  return { sheet: grid.sheet, rows };
}

// ---------------------------------------------------------------------------------------------
// The hidden copy: one row per action, "action" in column A, then the ID, the fields and the state.

export const BASE_MARK = "action";
export const BASE_FIELDS: readonly string[] = ["id", ...LOG_FIELDS, "state"];

export function readLogBase(grid: Grid | null | undefined): LogBase {
  const out: LogBase = new Map();
  if (!grid) return out;
  for (const cells of grid.rows) {
    if (cellString(cells[0]).trim() !== BASE_MARK) continue;
    const values = cells.slice(1).map((c) => cellString(c));
    const get = (name: string): string => values[BASE_FIELDS.indexOf(name)] ?? "";
    const id = get("id").trim();
    if (id === "" || out.has(idKey(id))) continue;
    const entry = { id, state: get("state") === "removed by hand" ? "removed by hand" : "in log" } as BaseEntry;
    for (const f of LOG_FIELDS) entry[f] = get(f);
    out.set(idKey(id), entry);
  }
  return out;
}

/** A workbook's action log, found by name or by its headings, with its hidden copy. */
export function findActionLog(workbook: GridWorkbook): { log: LogSheetRead; base: LogBase } | null {
  const byName = workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(ACTION_LOG_SHEET) && isLogSheet(s));
  const grid = byName ?? workbook.sheets.find((s) => s.state === "visible" && isLogSheet(s));
  const log = grid ? readLogSheet(grid) : null;
  if (!log) return null;
  return { log, base: readLogBase(workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(LOG_BASE_SHEET))) };
}

