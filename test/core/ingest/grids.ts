/**
 * Small grids written in code for the detector's tests. A cell is a value, or an object with
 * the value and its number format (and displayed text where it matters: a date heading).
 */
import type { CellValue, Grid, GridCell, GridWorkbook, MergeArea } from "../../../src/core/grid/grid";
import { parseRange } from "../../../src/core/grid/address";

export type CellSpec = CellValue | undefined | { v: CellValue; f?: string; t?: string; error?: string };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The text a cell shows: enough of Excel's formatting for these tests (%, mmm-yy dates). */
function shown(value: CellValue, format: string): string {
  if (value === null) return "";
  if (typeof value !== "number") return String(value);
  if (/%/.test(format)) {
    const dp = (/0\.(0+)%/.exec(format)?.[1] ?? "").length;
    return `${(value * 100).toFixed(dp)}%`;
  }
  if (/mmm-yy/i.test(format)) {
    const d = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
    return `${MONTHS[d.getUTCMonth()]}-${String(d.getUTCFullYear() % 100).padStart(2, "0")}`;
  }
  return String(value);
}

export function cell(spec: CellSpec): GridCell {
  if (spec === undefined || spec === null) return { value: null, text: "", numberFormat: "General" };
  if (typeof spec === "object") {
    const format = spec.f ?? "General";
    const c: GridCell = { value: spec.v, text: spec.t ?? shown(spec.v, format), numberFormat: format };
    if (spec.error) {
      c.error = spec.error;
      c.value = null;
      c.text = spec.error;
    }
    return c;
  }
  return { value: spec, text: shown(spec, "General"), numberFormat: "General" };
}

export function grid(sheet: string, rows: CellSpec[][], merges: string[] = [], origin = { row: 0, col: 0 }): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    sheet,
    state: "visible",
    origin,
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i]))),
    merges: merges.map((m): MergeArea => parseRange(m)),
  };
}

export function workbook(file: string, ...sheets: Grid[]): GridWorkbook {
  return { file, sheets };
}

/** Percent-formatted fraction. */
export const pct = (v: number, f = "0.0%"): CellSpec => ({ v, f });
/** An Excel date serial for the first of a month, shown as "Apr-25". */
export const monthSerial = (y: number, m: number): CellSpec => ({ v: (Date.UTC(y, m - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000, f: "mmm-yy" });
