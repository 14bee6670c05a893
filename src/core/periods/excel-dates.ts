/**
 * Excel's 1900 date system, and reading dates out of cells and JS Dates.
 *
 * Serial 1 is 1900-01-01. Excel (copying Lotus 1-2-3) believes 1900 was a leap year, so serial
 * 60 is the fictitious 29 February 1900 and every serial from 61 (1 March 1900) on is one more
 * than the true day count. Workbooks in the 1904 system are not handled here: the file adapter
 * reads them into 1900-system serials before the engine sees them.
 */
import { CalendarDay, isValidDay } from "./calendar";

const MS_PER_DAY = 86_400_000;
/** Serial 1. */
const EXCEL_DAY_ONE = Date.UTC(1900, 0, 1);
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;
const FICTITIOUS_LEAP_DAY = 60;

/** Whole days from 1900-01-01 for a serial, or null for serials that name no real day. */
function realDayOffset(serial: number): number | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === FICTITIOUS_LEAP_DAY) return null;
  return whole < FICTITIOUS_LEAP_DAY ? whole - 1 : whole - 2;
}

/**
 * The moment a serial stands for, as a Date at that UTC time (UTC so that the day does not
 * depend on the machine's time zone; this is also how ExcelJS hands dates over). Null for
 * serials below 1, above 9999-12-31, non-finite, and for 60, the day that never was.
 */
export function excelSerialToDate(serial: number): Date | null {
  const offset = realDayOffset(serial);
  if (offset === null) return null;
  const timeMs = Math.round((serial - Math.floor(serial)) * MS_PER_DAY);
  return new Date(EXCEL_DAY_ONE + offset * MS_PER_DAY + timeMs);
}

/**
 * The serial for a Date's UTC moment (the inverse of excelSerialToDate), with the time of day as
 * the fraction. Null before 1900-01-01, after 9999-12-31, or for an invalid Date.
 */
export function dateToExcelSerial(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const days = (ms - EXCEL_DAY_ONE) / MS_PER_DAY;
  const whole = Math.floor(days);
  if (whole < 0) return null;
  // Days from 1 March 1900 on skip over the fictitious 29 February.
  const serial = whole < FICTITIOUS_LEAP_DAY - 1 ? days + 1 : days + 2;
  return Math.floor(serial) > MAX_SERIAL ? null : serial;
}

/** The calendar day a serial falls on, computed without Date so no time zone can move it. */
export function excelSerialToDay(serial: number): CalendarDay | null {
  const date = excelSerialToDate(serial);
  if (!date) return null;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The calendar day a JS Date stands for. A Date at exactly UTC midnight is read in UTC: that is
 * what ExcelJS and excelSerialToDate produce. Any other Date is read in local time, because that
 * is how `new Date(2025, 3, 1)` was built; reading it in UTC would put 1 April (BST) in March.
 */
export function calendarDayOfDate(date: Date): CalendarDay | null {
  if (!Number.isFinite(date.getTime())) return null;
  const utcMidnight =
    date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
  const day = utcMidnight
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
    : { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
  return isValidDay(day.year, day.month, day.day) ? day : null;
}

/** What a date number format shows at its finest: the day, the month, or only the year. */
export type DateGranularity = "day" | "month" | "year";

const NAMED_NON_DATE_FORMATS = new Set(["general", "standard", "text", "@", ""]);

/**
 * Whether a number format shows a date, and how finely. Quoted text, escaped characters,
 * [colour]/[locale] sections and padding are removed first, so "0 \"days\"" or "[Red]0" are not
 * mistaken for dates. An "m" next to "h" or "s" is minutes, so a time-only format is no date.
 */
export function dateFormatGranularity(numberFormat: string): DateGranularity | null {
  const trimmed = numberFormat.trim().toLowerCase();
  if (NAMED_NON_DATE_FORMATS.has(trimmed)) return null;
  if (trimmed === "short date" || trimmed === "long date") return "day";
  const codes = (trimmed.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
  const hasYear = codes.includes("y");
  const hasDay = codes.includes("d");
  const hasMonth = codes.includes("m") && (hasYear || hasDay || !/[hs]/.test(codes));
  if (hasDay) return "day";
  if (hasMonth) return "month";
  return hasYear ? "year" : null;
}

export function isDateNumberFormat(numberFormat: string): boolean {
  return dateFormatGranularity(numberFormat) !== null;
}
