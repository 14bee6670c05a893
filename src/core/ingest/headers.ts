/**
 * Where the table starts: the title rows at the top, the block of (possibly stacked and merged)
 * heading rows, and the first row that holds figures. Found from the row profiles alone.
 */
import type { RowProfile } from "./profile";
import { headingRole } from "./roles";
import { cellText, type SheetView } from "./sheet-view";
import { normalise } from "./text";

/** Whether the cell at (row, col) reads as a period heading. */
export type PeriodHeadingTest = (row: number, col: number) => boolean;

export interface TableFrame {
  titleRows: number[];
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
}

/** A row with at least one real figure next to something else: a label, a period, another figure. */
export function isDataLike(p: RowProfile): boolean {
  return p.filled >= 2 && (p.numbers >= 1 || (p.marks >= 1 && p.texts >= 1));
}

/** The single cell's text, when a row shows exactly one cell. */
function onlyText(view: SheetView, row: number, p: RowProfile): string {
  return p.filled === 1 ? cellText(view.cell(row, p.firstCol)).trim() : "";
}

/** "Period: Q2 2025/26" or "Agency: Police" above a table: a fact about the sheet, not a heading. */
function isMetadataRow(view: SheetView, row: number, p: RowProfile): boolean {
  if (p.filled > 2 || p.filled === 0) return false;
  const first = cellText(view.cell(row, p.firstCol)).trim();
  return /:$/.test(first) || (p.filled === 1 && /^[^:]{1,30}:\s+\S/.test(first));
}

/**
 * A form's field above its table, a label and its answer side by side ("Date completed" |
 * 17/10/2025, "Agency" | "Hartsfell NHS Trust"), with the table's own heading straight under the
 * label. A band of a stacked heading leaves the label column empty (or merged down) over the
 * heading below it, so a filled label over a filled heading ends the heading block.
 */
function isFormField(view: SheetView, row: number, p: RowProfile, below: number, tableLeft: number): boolean {
  if (p.filled !== 2 || p.firstCol !== tableLeft) return false;
  if (view.isMergeFollower(below, tableLeft) || cellText(view.cell(below, tableLeft)).trim() === "") return false;
  const label = cellText(view.cell(row, tableLeft)).trim();
  const answer = cellText(view.cell(row, tableLeft + 1)).trim();
  return answer !== "" && /^[A-Za-z][A-Za-z '’/&()-]{1,40}:?$/.test(label) && label.split(/\s+/).length <= 4;
}

function isHeaderLike(view: SheetView, row: number, p: RowProfile, tableLeft: number, isPeriodHeading: PeriodHeadingTest): boolean {
  if (p.filled === 0 || isMetadataRow(view, row, p)) return false;
  if (p.numbers > 0 && p.numbers >= p.texts) return false;
  if (p.filled >= 2) return true;
  const text = onlyText(view, row, p);
  if (headingRole(text) !== null) return true;
  // A lone heading away from the label column: a year band, possibly merged over its quarters.
  if (p.firstCol > tableLeft && (p.widestMerge >= 2 || isPeriodHeading(row, p.firstCol) || p.years === 1)) return true;
  return false;
}

/**
 * Find the frame: the first data row, the heading rows directly above it (a lone section row
 * such as "Police" between the headings and the first figures is not a heading), and the title
 * rows above those.
 */
export function findFrame(view: SheetView, profiles: RowProfile[], isPeriodHeading: PeriodHeadingTest): TableFrame | null {
  const first = profiles.findIndex((p) => isDataLike(p));
  if (first < 0) return null;
  const tableLeft = profiles[first]!.firstCol;
  let r = first - 1;
  const skipped: number[] = [];
  while (r >= 0) {
    const p = profiles[r]!;
    if (p.filled !== 1 || isHeaderLike(view, r, p, tableLeft, isPeriodHeading)) break;
    skipped.push(r);
    r--;
  }
  const headerRows: number[] = [];
  while (r >= 0 && isHeaderLike(view, r, profiles[r]!, tableLeft, isPeriodHeading) && !(headerRows.length > 0 && isFormField(view, r, profiles[r]!, headerRows[0]!, tableLeft))) {
    headerRows.unshift(r);
    r--;
  }
  if (headerRows.length === 0) {
    // No heading block: the lone rows above were titles, not sections.
    r = first - 1;
  }
  const titleRows: number[] = [];
  for (let t = 0; t <= r; t++) if (profiles[t]!.filled > 0) titleRows.push(t);
  let last = first;
  for (let i = first; i < profiles.length; i++) {
    const p = profiles[i]!;
    // A notes block under the table ("Notes:", "Source: ...") ends it: a number further down
    // ("Children aged 0 to 17: 58,930") explains the table rather than belonging to it.
    if (i > first && p.filled <= 2 && isNotesHeading(view, i, p)) break;
    if (p.filled >= 2 && (p.numbers >= 1 || p.marks >= 1)) last = i;
  }
  // Rows between the headings and the first figures (a section row such as "Police") belong to the data.
  const firstBelowHeadings = headerRows.length ? headerRows[headerRows.length - 1]! + 1 : first;
  return { titleRows, headerRows, firstDataRow: firstBelowHeadings, lastDataRow: last };
}

/** A row that opens a block of notes: "Notes", "Notes:", "Footnotes", "Source: ...", "Definitions". */
function isNotesHeading(view: SheetView, row: number, p: RowProfile): boolean {
  const text = cellText(view.cell(row, p.firstCol)).trim();
  return /^(notes?|footnotes?|sources?|definitions?|data notes|technical notes|caveats?|key)\s*[:.]?$/i.test(text) || /^(notes?|sources?|footnotes?)\s*:/i.test(text);
}

/** The title: every cell of the title rows, in reading order. */
export function titleText(view: SheetView, rows: number[]): string | null {
  const lines: string[] = [];
  for (const r of rows) {
    const parts: string[] = [];
    for (let c = 0; c < view.width; c++) {
      if (view.isMergeFollower(r, c)) continue;
      const t = cellText(view.cell(r, c)).trim();
      if (t) parts.push(t);
    }
    // A label and its answer ("Agency" | "Police") read as "Agency: Police", as a form means it.
    const field = parts.length === 2 && /^[A-Za-z][A-Za-z '’/&()-]{1,40}$/.test(parts[0]!) && parts[0]!.split(/\s+/).length <= 4;
    if (parts.length) lines.push(parts.join(field ? ": " : " "));
  }
  // Rows are kept apart, so that "Police" on its own row is not read into the line above.
  return lines.length ? lines.join(" | ") : null;
}

/** A heading row inside the data: the same headings repeated over a later block. */
export function isRepeatedHeading(view: SheetView, row: number, p: RowProfile, headingTexts: Set<string>): boolean {
  if (p.filled < 2 || p.numbers > 0) return false;
  let matches = 0;
  for (let c = 0; c < view.width; c++) {
    const t = normalise(cellText(view.cell(row, c)));
    if (t && headingTexts.has(t)) matches++;
  }
  return matches >= 2 && matches >= p.filled / 2;
}
