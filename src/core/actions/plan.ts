/**
 * The action log as sheets: the "Action log" the sub-committee works in, its hidden copy (what
 * collation wrote, for the next merge), and "Actions due", the lists as at the day of collation.
 * Every cell from an audit or a person is written as data, never as a formula: the only formulas
 * are the worked-out due state, which is this tool's own.
 */
import { columnLetters } from "../grid/address";
import type { ConditionalFormatPlan, PlanValue, SheetPlan } from "../plan/plan";
import { landscapeOnePageWide } from "../plan/print";
import { wrappedRowHeights } from "../plan/units";
import { serialOfDay, shortDay } from "../periods/days";
import { longDate } from "../returns/template";
import { DATE_FORMAT } from "../s11/layout";
import { RATING_STYLES } from "../s11/standards";
import type { DueAction, DueLists } from "./due";
import {
  ACTION_LOG_SHEET,
  ACTION_LOG_TABLE,
  ACTIONS_DUE_SHEET,
  DUE_SOON,
  DUE_SOON_DAYS,
  DUE_STATE_HEADING,
  LOG_BASE_SHEET,
  LOG_COLUMNS,
  LOG_HEADER_ROW,
  LOG_HEADINGS,
  OVERDUE,
} from "./layout";
import { BASE_FIELDS, BASE_MARK, type BaseEntry } from "./read";
import { ACTION_SOURCES, ACTION_STATUSES, CLOSED_STATUSES, type LogAction } from "./types";

/** Rows below the log that keep its lists and date rule, for actions typed in by hand. */
const ROOM_BELOW = 200;

const col = (c: (typeof LOG_COLUMNS)[number]): string => columnLetters(LOG_COLUMNS.indexOf(c));
const STATE_COL = columnLetters(LOG_COLUMNS.length);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function dueValue(due: string): PlanValue {
  return ISO_DAY.test(due) ? serialOfDay(due) : due === "" ? null : due;
}

function dueStateFormula(row: number): { formula: string } {
  const due = `${col("due")}${row}`;
  const status = `${col("status")}${row}`;
  const closed = CLOSED_STATUSES.map((s) => `${status}="${s}"`).join(",");
  return {
    formula: `IF(OR(${closed}),"",IF(${due}="","No due date",IF(NOT(ISNUMBER(${due})),"Check the date",IF(${due}<TODAY(),"${OVERDUE}",IF(${due}<=TODAY()+${DUE_SOON_DAYS},"${DUE_SOON}","")))))`,
  };
}

/** The log's column widths, in the order of its columns and then the due state. */
const LOG_WIDTHS = [24, 18, 24, 18, 28, 50, 22, 13, 14, 40, 30, 14] as const;
/** The log's wrapped columns: the action, its evidence and the notes. */
const LOG_WRAPPED = ["action", "evidence", "notes"] as const;

export function actionLogSheet(actions: readonly LogAction[]): SheetPlan {
  const first = LOG_HEADER_ROW + 1;
  const last = Math.max(first, LOG_HEADER_ROW + actions.length);
  const room = last + ROOM_BELOW;
  const rows: PlanValue[][] = actions.map((a, i) => [...LOG_COLUMNS.map((c) => (c === "due" ? dueValue(a.due) : a[c])), dueStateFormula(first + i)]);
  const body = rows.length ? rows : [[...LOG_COLUMNS.map(() => null), null]];
  const range = (c: string, to = last) => `${c}${first}:${c}${to}`;
  const textColumns = LOG_COLUMNS.filter((c) => c !== "due").map((c) => range(col(c), room));
  const conditionalFormats: ConditionalFormatPlan[] = [
    { kind: "expression", range: range(STATE_COL), formula: `$${STATE_COL}${first}="${OVERDUE}"`, style: { fill: RATING_STYLES["Not met"].fill, fontColor: RATING_STYLES["Not met"].fontColor }, priority: 1 },
    { kind: "expression", range: range(STATE_COL), formula: `$${STATE_COL}${first}="${DUE_SOON}"`, style: { fill: RATING_STYLES["Partly met"].fill, fontColor: RATING_STYLES["Partly met"].fontColor }, priority: 2 },
    { kind: "expression", range: range(col("status")), formula: `$${col("status")}${first}="Complete"`, style: { fill: RATING_STYLES["Fully met"].fill, fontColor: RATING_STYLES["Fully met"].fontColor }, priority: 3 },
  ];
  return {
    name: ACTION_LOG_SHEET,
    blocks: [
      { at: "A1", values: [["Partnership action log"]] },
      {
        at: "A2",
        values: [
          [
            "Actions from Section 11 audits, multi-agency case audits and case reviews. Keep status, evidence and notes up to date here, and add actions from case audits and reviews as new rows: collation adds new actions from audits and keeps every change you make. The last column is worked out from the due date and status.",
          ],
        ],
      },
      { at: `A${LOG_HEADER_ROW}`, values: [[...LOG_COLUMNS.map((c) => LOG_HEADINGS[c]), DUE_STATE_HEADING], ...body] },
    ],
    numberFormats: [...textColumns.map((r) => ({ range: r, format: "@" })), { range: range(col("due"), room), format: DATE_FORMAT }],
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      { range: `A${LOG_HEADER_ROW}:${STATE_COL}${LOG_HEADER_ROW}`, style: { bold: true } },
      { range: `${col("action")}${first}:${col("action")}${last}`, style: { wrap: true } },
      { range: `${col("evidence")}${first}:${col("notes")}${last}`, style: { wrap: true } },
    ],
    tables: [{ name: ACTION_LOG_TABLE, range: `A${LOG_HEADER_ROW}:${STATE_COL}${last}`, style: "TableStyleMedium2" }],
    dataValidations: [
      {
        range: range(col("source"), room),
        kind: "list",
        items: [...ACTION_SOURCES],
        allowBlank: true,
        prompt: { title: "Source", message: "Where the action came from: a Section 11 audit, a multi-agency case audit or a case review." },
        error: { title: "Choose from the list", message: `The source is one of: ${ACTION_SOURCES.join(", ")}.`, style: "stop" },
      },
      {
        range: range(col("status"), room),
        kind: "list",
        items: [...ACTION_STATUSES],
        allowBlank: true,
        prompt: { title: "Status", message: "Mark an action Complete only with evidence of its outcome in the next column." },
        error: { title: "Choose from the list", message: `The status is one of: ${ACTION_STATUSES.join(", ")}.`, style: "stop" },
      },
      {
        range: range(col("due"), room),
        kind: "decimal",
        operator: "between",
        min: serialOfDay("2000-01-01"),
        max: serialOfDay("2099-12-31"),
        allowBlank: true,
        prompt: { title: "Due date", message: "The date the action is due, such as 31/03/2026." },
        error: { title: "Not a date", message: "Type a date, such as 31/03/2026.", style: "stop" },
      },
    ],
    conditionalFormats,
    columnWidths: LOG_WIDTHS.map((width, c) => ({ col: c, width })),
    // The wrapped columns' rows are given the lines their text needs: neither Excel, when the add-in
    // writes, nor LibreOffice grows a row by itself. Collation writes the log again each time, so a
    // row grows with evidence typed since; a row lengthened by hand between collations keeps its height.
    rowHeights: wrappedRowHeights(actions.map((a, i) => ({ row: LOG_HEADER_ROW + i, cells: LOG_WRAPPED.map((c) => ({ text: a[c], width: LOG_WIDTHS[LOG_COLUMNS.indexOf(c)]! })) }))),
    freeze: { rows: LOG_HEADER_ROW, columns: 1 },
    // Twelve columns, the action and its evidence wrapped: A3 across, the headings on every page.
    print: landscapeOnePageWide("A3", LOG_HEADER_ROW - 1),
  };
}

/** The hidden copy of the log as written; text throughout so that no tool reformats a date. */
export function logBaseSheet(entries: readonly BaseEntry[]): SheetPlan {
  const values: PlanValue[][] = [
    ["Action log as collation wrote it", "Collation compares the Action log with this copy to tell the changes people made from the cells nobody touched. Do not edit."],
    ["fields", ...BASE_FIELDS],
    ...entries.map((e) => [BASE_MARK, e.id, ...BASE_FIELDS.slice(1, -1).map((f) => e[f as keyof LogAction]), e.state]),
  ];
  const width = 1 + BASE_FIELDS.length;
  return {
    name: LOG_BASE_SHEET,
    state: "veryHidden",
    blocks: [{ at: "A1", values: values.map((r) => [...r, ...new Array<PlanValue>(Math.max(0, width - r.length)).fill(null)]) }],
    numberFormats: [{ range: `A1:${columnLetters(width - 1)}${values.length}`, format: "@" }],
    protection: { protect: true, unlocked: [] },
  };
}

const DUE_HEADINGS = ["Action ID", "Agency", "Action", "Owner", "Due date", "Status"];

function dueRow(a: LogAction): PlanValue[] {
  return [a.id, a.agency, a.action, a.owner, ISO_DAY.test(a.due) ? shortDay(a.due) : a.due, a.status];
}

export function actionsDueSheet(lists: DueLists, changes: readonly string[] = []): SheetPlan {
  const sections: { title: string; headings: string[]; rows: PlanValue[][] }[] = [
    { title: `Overdue (${lists.overdue.length})`, headings: [...DUE_HEADINGS, "Days overdue"], rows: lists.overdue.map((d: DueAction) => [...dueRow(d.action), d.days]) },
    { title: `Due within ${DUE_SOON_DAYS / 7} weeks (${lists.dueSoon.length})`, headings: [...DUE_HEADINGS, "Days left"], rows: lists.dueSoon.map((d) => [...dueRow(d.action), d.days]) },
    {
      title: `Marked complete without evidence of the outcome (${lists.completeWithoutEvidence.length})`,
      headings: DUE_HEADINGS,
      rows: lists.completeWithoutEvidence.map(dueRow),
    },
    { title: `Open, with no due date or one that is not a date (${lists.noDate.length})`, headings: DUE_HEADINGS, rows: lists.noDate.map(dueRow) },
  ];
  const values: PlanValue[][] = [
    [`Actions due, as at ${longDate(lists.asAt)}`],
    ["From the action log as it stood at collation. The log's own Due state column keeps up to date as dates and statuses change."],
  ];
  const bold: string[] = ["A1"];
  for (const s of sections) {
    values.push([null], [s.title]);
    bold.push(`A${values.length}`);
    if (s.rows.length === 0) {
      values.push(["None."]);
      continue;
    }
    values.push(s.headings);
    bold.push(`A${values.length}:G${values.length}`);
    values.push(...s.rows);
  }
  if (changes.length) {
    values.push([null], ["What this collation changed in the action log"]);
    bold.push(`A${values.length}`);
    values.push(...changes.map((line) => [line]));
  }
  return {
    name: ACTIONS_DUE_SHEET,
    blocks: [{ at: "A1", values }],
    styles: [{ range: "A1", style: { bold: true, size: 14 } }, ...bold.slice(1).map((range) => ({ range, style: { bold: true } })), { range: `C3:C${values.length}`, style: { wrap: true } }],
    // Each action wraps in its column (row 3 on): its row is given the lines it needs.
    rowHeights: wrappedRowHeights(values.slice(2).map((row, i) => ({ row: i + 2, cells: [{ text: typeof row[2] === "string" ? row[2] : "", width: 50 }] }))),
    columnWidths: [
      { col: 0, width: 26 },
      { col: 1, width: 20 },
      { col: 2, width: 50 },
      { col: 3, width: 22 },
      { col: 4, width: 12 },
      { col: 5, width: 14 },
      { col: 6, width: 13 },
    ],
    // The sub-committee's list for the meeting: seven columns fit one A4 page across.
    print: landscapeOnePageWide("A4", 0),
  };
}
