/**
 * What the Import section says about each sheet, worked out from the engine's result. Plain data
 * in and out, with no engine code, so that it stays in the bundle the pane opens with.
 */
import type { ColumnLayout, ColumnRole, LayoutKind, LayoutOverride, LayoutOverrides, SheetLayout } from "../../../core/ingest";
import type { Period, Warning } from "../../../core/model";
import type { Extraction, ImportedWorkbook } from "../../operations";

/** Roles that give figures (the engine's FIGURE_ROLES, repeated so this file needs no engine code). */
export const FIGURE_ROLES: readonly ColumnRole[] = ["value", "numerator", "denominator"];

export interface SheetSummary {
  sheet: string;
  /** Left out because the analyst asked. */
  skipped: boolean;
  /** Why the engine did not read the sheet, when it did not. */
  notRead: string | null;
  layouts: SheetLayout[];
  observations: number;
  indicators: string[];
  periods: Period[];
  agencies: string[];
  warnings: Warning[];
  /**
   * The sheet was read, but the evidence says a person should check the reading (the engine's
   * INGEST_LOW_CONFIDENCE): the panel lists such sheets first, with their corrections open.
   */
  inDoubt: boolean;
  /** The lowest confidence of the sheet's tables, 0..1, or null where nothing was read. */
  confidence: number | null;
}

const KIND_WORDS: Record<LayoutKind, string> = {
  wide: "indicators down the rows, periods across the columns",
  long: "one figure a row, with indicator and period columns",
  "periods-down": "periods down the rows, measures across the columns",
  matrix: "rows by measures, with the period in the title",
  none: "no table of figures found",
};

export function describeKind(kind: LayoutKind): string {
  return KIND_WORDS[kind];
}

function distinct<T>(items: Iterable<T>, keyOf: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

/** The engine's reason for not reading a sheet, from its warning ("Sheet "X" was skipped because ..."). */
function skipReason(warnings: readonly Warning[], sheet: string): string | null {
  const w = warnings.find((x) => x.code === "INGEST_SHEET_SKIPPED" && x.sheet === sheet);
  if (!w) return null;
  const because = /because (.*?)\.?$/.exec(w.message);
  return because?.[1] ?? w.message;
}

/** One summary per sheet read, in tab order. */
export function sheetSummaries(imported: ImportedWorkbook, extraction: Extraction, applied: LayoutOverrides): SheetSummary[] {
  const { detail } = extraction;
  return imported.workbook.sheets.map(({ sheet }) => {
    const observations = detail.observations.filter((o) => o.source.sheet === sheet);
    const skipped = applied[sheet]?.skip === true;
    const reason = skipped ? null : skipReason(detail.warnings, sheet);
    return {
      sheet,
      skipped,
      notRead: reason ?? (!skipped && extraction.problem !== null ? "no sheet in the workbook could be read as a table of figures" : null),
      layouts: detail.layouts.filter((l) => l.sheet === sheet),
      observations: observations.length,
      indicators: distinct(observations.map((o) => o.indicator), (s) => s.toLowerCase()),
      periods: distinct(observations.map((o) => o.period), (p) => `${p.start}|${p.end}`).sort(
        (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
      ),
      agencies: distinct(observations.map((o) => o.agency).filter((a): a is string => a !== null), (s) => s.toLowerCase()),
      warnings: detail.warnings.filter((w) => w.sheet === sheet && w.code !== "INGEST_SHEET_SKIPPED"),
      inDoubt: !skipped && reason === null && detail.warnings.some((w) => w.sheet === sheet && w.code === "INGEST_LOW_CONFIDENCE"),
      confidence: observations.length === 0 ? null : Math.min(...detail.layouts.filter((l) => l.sheet === sheet && l.kind !== "none").map((l) => l.confidence), 1),
    };
  });
}

/** The sheets in the order the analyst should look at them: those in doubt first, then the rest as in the workbook. */
export function reviewOrder(summaries: SheetSummary[]): SheetSummary[] {
  return [...summaries.filter((s) => s.inDoubt), ...summaries.filter((s) => !s.inDoubt)];
}

/** "3 indicators" / "1 indicator". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Police, Health and 3 more", for lists that may be long. */
export function listSome(items: readonly string[], max = 4): string {
  if (items.length === 0) return "none";
  if (items.length <= max) return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** Zero-based rows as people number them: [2, 3, 5] -> "3-4, 6". */
export function formatRows(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b).map((r) => r + 1);
  const runs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/** "3-4, 6" (rows as people number them) -> zero-based [2, 3, 5], or a sentence saying what is wrong. */
export function parseRows(text: string): { rows: number[] } | { problem: string } {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== "");
  if (parts.length === 0) return { problem: "Give at least one row number, such as 3 or 3-4." };
  const rows = new Set<number>();
  for (const part of parts) {
    const m = /^(\d+)(?:[-–](\d+))?$/.exec(part);
    if (!m) return { problem: `“${part}” is not a row number or a range of rows such as 3-4.` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) return { problem: `“${part}” is not a range of rows: the first row is 1 and a range runs downwards, such as 3-4.` };
    if (to - from > 20) return { problem: `“${part}” is more than 20 heading rows: give only the rows that hold headings.` };
    for (let r = from; r <= to; r++) rows.add(r - 1);
  }
  return { rows: [...rows].sort((a, b) => a - b) };
}

/** "B: Indicator" or "B: no heading". */
export function columnName(c: Pick<ColumnLayout, "letter" | "heading">): string {
  return `${c.letter}: ${c.heading.trim() === "" ? "no heading" : c.heading}`;
}

export function columnByIndex(layout: SheetLayout, col: number | null): ColumnLayout | undefined {
  return col === null ? undefined : layout.columns.find((c) => c.col === col);
}

/** A column's role after the analyst's correction, if any. */
export function roleOf(column: ColumnLayout, override: LayoutOverride | undefined): ColumnRole {
  return override?.columns?.find((c) => c.col === column.col)?.role ?? column.role;
}

/** Sets (or replaces) a column's role in an override. */
export function withColumnRole(override: LayoutOverride, col: number, role: ColumnRole): LayoutOverride {
  const others = (override.columns ?? []).filter((c) => c.col !== col);
  const before = override.columns?.find((c) => c.col === col);
  return { ...override, columns: [...others, { ...before, col, role }].sort((a, b) => a.col - b.col) };
}
