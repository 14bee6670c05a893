/**
 * Putting a heading's pieces together into one period. Order does not matter ("Q1 2025/26" and
 * "2025/26 Q1" are the same), but each kind of piece may appear once, and pieces that say the
 * same thing twice must agree ("Q1 (Apr-Jun)" is fine, "Q1 (Jul-Sep)" is not a period).
 */
import {
  CalendarDay,
  daysInMonth,
  fiscalOffsetOfMonth,
  fiscalStartIndex,
  fiscalYearOfIndex,
  firstDayOf,
  indexOfDay,
  isValidDay,
  lastDayOf,
  monthIndex,
  monthOfFiscalOffset,
} from "./calendar";
import { Meta, Offsets, makeComplete, makePartialEnd, makePartialYear, makePartialYearAndEnd } from "./build";
import type { DatePoint, Piece } from "./pieces";
import type { ParsedPeriod } from "./types";

/** Months known absolutely (to the day), or only as offsets into some financial year. */
type Span = { absolute: true; start: CalendarDay; end: CalendarDay } | { absolute: false; offsets: Offsets };

/** Where a year comes from: a financial year, or a calendar year that the span's last month falls in. */
export type YearAnchor = { fiscalYear: number } | { calendarYear: number };

interface Collected {
  quarter?: { from: number; to: number };
  dates?: Extract<Piece, { t: "dates" }> | Extract<Piece, { t: "trailing" }>;
  year?: YearAnchor;
  yearToDate: boolean;
  target: boolean;
  annotations: string[];
}

export const CALENDAR_YEAR_ASSUMPTION =
  "months named without their own year, with a calendar year, are placed so that the last month falls in that year (Q4 2025 is January to March 2025)";

/** Null when a kind of piece comes twice (two years, two quarters, two sets of dates). */
function collect(pieces: readonly Piece[]): Collected | null {
  const c: Collected = { yearToDate: false, target: false, annotations: [] };
  for (const p of pieces) {
    switch (p.t) {
      case "quarter":
        if (c.quarter) return null;
        c.quarter = { from: p.from, to: p.to };
        break;
      case "dates":
      case "trailing":
        if (c.dates) return null;
        c.dates = p;
        break;
      case "fiscalYear":
      case "calendarYear":
        if (c.year) return null;
        c.year = p.t === "fiscalYear" ? { fiscalYear: p.year } : { calendarYear: p.year };
        break;
      case "yearToDate":
        c.yearToDate = true;
        break;
      case "target":
        c.target = true;
        break;
      case "annotation":
        c.annotations.push(p.text);
        break;
      case "filler":
        break;
    }
  }
  return c;
}

function offsetsOfMonths(startMonth: number, endMonth: number): Offsets {
  const from = fiscalOffsetOfMonth(startMonth);
  return { from, to: from + ((endMonth - startMonth + 12) % 12) };
}

/** A day written without a year must exist in some year (29 February does, in leap years). */
function plausibleDay(dp: DatePoint): boolean {
  return dp.day === undefined || dp.day <= (dp.month === 2 ? 29 : daysInMonth(2001, dp.month));
}

/** The span a dates piece names. A single date names its month; a range of dates names those days. */
function spanOfDates(piece: NonNullable<Collected["dates"]>): Span | null {
  if (piece.t === "trailing") {
    const endMonth = piece.end.month;
    if (!plausibleDay(piece.end)) return null;
    if (piece.end.year === undefined) {
      let to = fiscalOffsetOfMonth(endMonth);
      while (to - piece.months + 1 < 0) to += 12;
      return { absolute: false, offsets: { from: to - piece.months + 1, to } };
    }
    const b = monthIndex(piece.end.year, endMonth);
    return { absolute: true, start: firstDayOf(b - piece.months + 1), end: lastDayOf(b) };
  }
  const { start, end } = piece;
  const single = start === end;
  if (!plausibleDay(start) || !plausibleDay(end)) return null;
  if (start.year === undefined && end.year === undefined) {
    // Days without a year cannot be placed; only whole months ("1 Apr - 30 Jun") are kept.
    const wholeMonths = single || ((start.day ?? 1) === 1 && (end.day === undefined || end.day >= daysInMonth(2001, end.month)));
    return wholeMonths ? { absolute: false, offsets: offsetsOfMonths(start.month, end.month) } : null;
  }
  // A year written once belongs to the month it follows; the other month is the nearest one
  // before (or after) it: "Nov-Jan 2026" is November 2025 to January 2026.
  let a: number;
  let b: number;
  if (end.year !== undefined) {
    b = monthIndex(end.year, end.month);
    a = start.year !== undefined ? monthIndex(start.year, start.month) : b - ((end.month - start.month + 12) % 12);
  } else {
    a = monthIndex(start.year ?? 0, start.month);
    b = a + ((end.month - start.month + 12) % 12);
  }
  if (a > b) return null;
  if (single) {
    if (start.day !== undefined && start.year !== undefined && !isValidDay(start.year, start.month, start.day)) return null;
    return { absolute: true, start: firstDayOf(a), end: lastDayOf(b) };
  }
  const first = firstDayOf(a);
  const last = lastDayOf(b);
  return {
    absolute: true,
    start: { ...first, day: start.day ?? 1 },
    end: { ...last, day: end.day ?? last.day },
  };
}

function isWholeMonths(span: Extract<Span, { absolute: true }>): boolean {
  return span.start.day === 1 && span.end.day === daysInMonth(span.end.year, span.end.month);
}

/**
 * "Q2 (Jul-Sep)", "Aug 2025 (Q2)": the months must lie inside the quarter; the months, being the
 * more exact, are kept.
 */
function withQuarter(span: Span | null, quarter: { from: number; to: number }): Span | null {
  const q = { from: (quarter.from - 1) * 3, to: quarter.to * 3 - 1 };
  if (span === null) return { absolute: false, offsets: q };
  if (!span.absolute) return span.offsets.from >= q.from && span.offsets.to <= q.to ? span : null;
  if (!isWholeMonths(span)) return null;
  const a = indexOfDay(span.start);
  const from = a - fiscalStartIndex(fiscalYearOfIndex(a));
  const to = from + indexOfDay(span.end) - a;
  return from >= q.from && to <= q.to ? span : null;
}

/**
 * A year to date runs from the start of the financial year to the period named ("YTD Q2",
 * "YTD Aug 2025", "Jul-Sep 2025 YTD" with quarter notation). A range of months written out in
 * full with "YTD" ("Apr-Sep 2025 (YTD)", "Jan-Jun 2025 YTD") is taken as written.
 */
function extendToYearStart(span: Span, literal: boolean): Span {
  if (literal) return span;
  if (!span.absolute) return { absolute: false, offsets: { from: 0, to: span.offsets.to } };
  if (!isWholeMonths(span)) return span;
  return { ...span, start: firstDayOf(fiscalStartIndex(fiscalYearOfIndex(indexOfDay(span.end)))) };
}

function isLiteralRange(c: Collected, span: Span): boolean {
  if (c.quarter || !c.dates) return false;
  if (c.dates.t === "trailing") return true;
  return span.absolute ? indexOfDay(span.start) !== indexOfDay(span.end) : span.offsets.from !== span.offsets.to;
}

/**
 * Months given as offsets placed in a year. With a financial year they fall in it; with a
 * calendar year, the last month falls in that year ("Q4 2025" is January to March 2025), as it
 * does when the year is written after months ("Jan-Mar 2026").
 */
export function placeOffsets(offsets: Offsets, year: YearAnchor): { a: number; b: number } {
  if ("fiscalYear" in year) {
    const base = fiscalStartIndex(year.fiscalYear);
    return { a: base + offsets.from, b: base + offsets.to };
  }
  const b = monthIndex(year.calendarYear, monthOfFiscalOffset(offsets.to));
  return { a: b - (offsets.to - offsets.from), b };
}

function spanInFiscalYear(span: Extract<Span, { absolute: true }>, fiscalYear: number): boolean {
  return fiscalYearOfIndex(indexOfDay(span.start)) === fiscalYear && fiscalYearOfIndex(indexOfDay(span.end)) === fiscalYear;
}

/** A year alone: the year itself, or (with YTD) a year to date whose end is not yet known. */
function yearOnly(c: Collected, meta: Meta): ParsedPeriod | null {
  const year = c.year;
  if (!year) return c.yearToDate ? makePartialYearAndEnd(meta) : null;
  const start =
    "fiscalYear" in year ? fiscalStartIndex(year.fiscalYear) : monthIndex(year.calendarYear, 1);
  if (c.yearToDate) return makePartialEnd(firstDayOf(start), meta);
  return makeComplete(firstDayOf(start), lastDayOf(start + 11), false, meta);
}

export interface Resolution {
  target: boolean;
  period: ParsedPeriod | null;
}

/** The period the pieces name; null when they contradict each other or name none. */
export function resolvePieces(pieces: readonly Piece[], text: string): Resolution | null {
  const c = collect(pieces);
  if (!c) return null;
  const meta: Meta = { text, annotations: c.annotations };
  let span: Span | null = c.dates ? spanOfDates(c.dates) : null;
  if (c.dates && !span) return null;
  if (c.quarter) {
    span = withQuarter(span, c.quarter);
    if (!span) return null;
  }
  if (!span) return { target: c.target, period: yearOnly(c, meta) };
  if (c.yearToDate) span = extendToYearStart(span, isLiteralRange(c, span));

  if (span.absolute) {
    if (c.year && ("calendarYear" in c.year || !spanInFiscalYear(span, c.year.fiscalYear))) return null;
    return { target: c.target, period: makeComplete(span.start, span.end, c.yearToDate, meta) };
  }
  if (!c.year) return { target: c.target, period: makePartialYear(span.offsets, c.yearToDate, meta) };
  const placed = placeOffsets(span.offsets, c.year);
  const multiMonth = span.offsets.to > span.offsets.from;
  const placedMeta = "calendarYear" in c.year && multiMonth ? { ...meta, assumption: CALENDAR_YEAR_ASSUMPTION } : meta;
  return { target: c.target, period: makeComplete(firstDayOf(placed.a), lastDayOf(placed.b), c.yearToDate, placedMeta) };
}
