/**
 * Reading one figure out of one cell: numbers as stored or as text ("1,234", "17.5%"),
 * percentages in percent units, and the marks statisticians put where a figure is withheld
 * or does not exist. Pure functions of the cell; the caller decides what a doubt is worth.
 */
import type { GridCell } from "../grid/grid";
import type { ObservationStatus, Unit } from "../model/model";
import { cellText, isBlankCell } from "./cells";
import { normalise } from "./text";

export type Figure =
  | { kind: "blank" }
  | {
      kind: "figure";
      status: ObservationStatus;
      /** Null unless status is ok. Already in percent units when the cell showed a percentage. */
      value: number | null;
      /** The cell showed a percentage (a % number format or "17.5%" text). */
      percent: boolean;
      /** The mark as written, for a figure that is not ok. */
      mark?: string;
      /** The unit the cell's own text gave ("24 days", "£1,200", "17 children"). */
      unit?: Unit;
      /** The target written in the cell beside the figure ("82% (target 90%)"), in the figure's units. */
      target?: number;
    }
  | { kind: "error"; error: string }
  | { kind: "text"; text: string };

/**
 * Marks for figures withheld to protect small numbers. "x" is DfE's mark for suppressed; the
 * bracketed "[x]" is the GSS mark for not available, so it counts as missing.
 */
const SUPPRESSED = new Set(["*", "**", "***", "c", "[c]", "x", "supp", "supp.", "suppressed", "redacted", "~", "[w]", "[low]", "[d]"]);
/** Marks for figures that cannot exist for this row or period. */
const NOT_APPLICABLE = new Set([".", "n/a", "na", "n.a.", "n.a", "not applicable", "[z]", "z", "n/app"]);
/** Marks for figures that should exist but were not supplied. */
const MISSING = new Set([
  "-", "--", ":", "..", "...", "\u2026", "[u]", "[x]", "nk", "n/k", "not known", "not available", "unavailable",
  "tbc", "tba", "awaited", "no data", "nd", "pending", "not yet available", "not submitted", "no return",
]);

/** How a mark reads: suppressed, not applicable, missing, or not a mark at all. */
export function markStatus(text: string): Exclude<ObservationStatus, "ok"> | null {
  // Marks are short; a label or a sentence is not worth the normalising.
  if (text.length > 24) return null;
  const t = normalise(text);
  if (t === "") return null;
  if (SUPPRESSED.has(t)) return "suppressed";
  // "<5", "< 10", "<=5": a small count withheld.
  if (/^<\s*=?\s*\d+$/.test(t)) return "suppressed";
  if (NOT_APPLICABLE.has(t)) return "not_applicable";
  if (MISSING.has(t)) return "missing";
  return null;
}

/** Whether a number format shows a date or time (dates are serial numbers underneath). */
export function isDateFormat(format: string): boolean {
  if (!format || /^general$/i.test(format)) return false;
  // Literal text in quotes or brackets ("[Red]", "[$-809]") says nothing about dates.
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

export function isPercentFormat(format: string): boolean {
  return format.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
}

/** Text such as "1,234", "17.5%", "£1,200", "(12)" read as a number; null when it is not one. */
/**
 * Units typed with the figure, after it ("24 days", "3.5 hrs", "17 children"): what the unit is.
 * Spans other than days are the "other" unit, as written: nothing is converted.
 */
const UNIT_WORDS: readonly [RegExp, Unit][] = [
  [/\s*(working days?|days?)$/i, "days"],
  [/\s*(hrs?|hours?|mins?|minutes?|wks?|weeks?|months?)$/i, "other"],
  [/\s*(children|child|young people|young person|cases?|families|family|people|persons?)$/i, "count"],
];

export function parseNumberText(text: string): { value: number; percent: boolean; unit?: Unit } | null {
  // Most figures typed as text are plain digits: read those without the general path.
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return { value: Number(text), percent: false };
  // A figure may carry a flag that qualifies it without withholding it: GSS "[p]" provisional,
  // "[r]" revised, "[e]" estimated, "[u]" low reliability, or a footnote mark ("45*", "45¹"), or
  // the same letter bare after the figure ("1,311p", "97 p").
  let t = text.trim().replace(/\s*\[(p|r|e|u|f|b|note \d+|\d+)\]$/i, "").replace(/(\d)\s*(\*|\u2020|[\u00b9\u00b2\u00b3\u2070-\u2079]|\((p|r|e|provisional|revised|estimate)\)|[pre])$/i, "$1").replace(/\u00a0/g, "").replace(/[\u2212\u2013]/g, "-");
  let unit: Unit | undefined;
  for (const [words, u] of UNIT_WORDS) {
    const m = words.exec(t);
    if (m && /\d$/.test(t.slice(0, m.index).trim())) {
      t = t.slice(0, m.index).trim();
      unit = u;
      break;
    }
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) {
    negative = true;
    t = bracketed[1]!.trim();
  }
  // Money is "other": an average cost is neither a count nor a rate.
  if (/^[£$€]/.test(t)) {
    t = t.slice(1);
    unit = unit ?? "other";
  }
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return unit ? { value: negative ? -n : n, percent, unit } : { value: negative ? -n : n, percent };
}

/** Floating-point noise from "0.875 * 100" trimmed off without hiding real precision. */
export function cleanNumber(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** Read a cell as a figure. */
export function readFigure(cell: GridCell): Figure {
  if (cell.error) return { kind: "error", error: cell.error };
  if (isBlankCell(cell)) return { kind: "blank" };
  const v = cell.value;
  if (typeof v === "number") {
    // A date is a heading or a period, never a figure.
    if (isDateFormat(cell.numberFormat)) return { kind: "text", text: cellText(cell) };
    if (isPercentFormat(cell.numberFormat)) return { kind: "figure", status: "ok", value: cleanNumber(v * 100), percent: true };
    return { kind: "figure", status: "ok", value: v, percent: false };
  }
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  const text = cellText(cell).trim();
  // "82% (target 90%)", "41 (tgt 50)": the figure with its own target beside it.
  const withTarget = /^(.+?)\s*\(\s*(?:target|tgt|trgt)\s*:?\s*([^()]+)\)$/i.exec(text);
  if (withTarget) {
    const figure = parseNumberText(withTarget[1]!);
    const target = parseNumberText(withTarget[2]!);
    if (figure && target) return { kind: "figure", status: "ok", value: figure.value, percent: figure.percent, ...(figure.unit ? { unit: figure.unit } : {}), target: target.value };
  }
  const parsed = parseNumberText(text);
  if (parsed) return parsed.unit ? { kind: "figure", status: "ok", value: parsed.value, percent: parsed.percent, unit: parsed.unit } : { kind: "figure", status: "ok", value: parsed.value, percent: parsed.percent };
  const status = markStatus(text);
  if (status) return { kind: "figure", status, value: null, percent: false, mark: text };
  return { kind: "text", text };
}

/** Whether a cell holds something a value column would hold: a number, a mark, or an error. */
export function looksLikeFigure(cell: GridCell): boolean {
  const f = readFigure(cell);
  return f.kind === "figure" || f.kind === "error";
}
