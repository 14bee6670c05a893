/**
 * A single day as a person gives it in a cell: a date Excel stored (a serial number in a date
 * format), or a date typed as text ("31/03/2026", "31/3/26", "2026-03-31", "31 March 2026").
 * Days are day first, as written in England: "03/04/2026" is 3 April. Used where a return asks
 * for a due date; a period ("Q2 2025/26") is the period parser's business, not this.
 */
import type { GridCell } from "../grid/grid";
import { isValidDay } from "./calendar";
import { dateToExcelSerial, excelSerialToDay, isDateNumberFormat } from "./excel-dates";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function iso(year: number, month: number, day: number): string | null {
  if (!isValidDay(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A two-digit year is this century's: nobody sets an action due in 1926. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** The day a text names, as YYYY-MM-DD, or null when it names none. */
export function dayOfText(text: string): string | null {
  const t = text.replace(/\s+/g, " ").trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) return iso(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const word = m[2]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
    return month < 0 ? null : iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}

export type DayRead =
  | { kind: "blank" }
  | { kind: "day"; iso: string }
  /** Something that is not a day: `shown` is what the person sees in the cell. */
  | { kind: "not a day"; shown: string }
  | { kind: "error"; error: string };

/** What a cell meant to hold a day holds. */
export function readDay(cell: GridCell | undefined): DayRead {
  if (!cell) return { kind: "blank" };
  if (cell.error !== undefined) return { kind: "error", error: cell.error };
  const v = cell.value;
  if (v === null || (typeof v === "string" && v.trim() === "")) return { kind: "blank" };
  if (typeof v === "number") {
    // A date format says the number is a day; a plain number in a due-date cell is not one.
    const day = isDateNumberFormat(cell.numberFormat) ? excelSerialToDay(v) : null;
    const out = day ? iso(day.year, day.month, day.day) : null;
    return out ? { kind: "day", iso: out } : { kind: "not a day", shown: cell.text || String(v) };
  }
  if (typeof v === "boolean") return { kind: "not a day", shown: v ? "TRUE" : "FALSE" };
  const out = dayOfText(v);
  return out ? { kind: "day", iso: out } : { kind: "not a day", shown: v.trim() };
}

/** The Excel serial of a YYYY-MM-DD day, to write it as a date a spreadsheet can compare. */
export function serialOfDay(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const serial = m ? dateToExcelSerial(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : null;
  if (serial === null) throw new Error(`Not a day written YYYY-MM-DD: ${day}`);
  return serial;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(serialOfDay(to) - serialOfDay(from));
}

/** "31/03/2026": how the partnership's sheets show a day in words. */
export function shortDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
