/**
 * Building periods and their canonical labels. Every complete period, however it was written,
 * gets its kind and label from its dates alone, so the same months always get the same label:
 * "Apr-Jun 2025", "Q1 25/26" and "01/04/2025 - 30/06/2025" are all "Q1 2025/26".
 */
import {
  CalendarDay,
  compareDays,
  daysInMonth,
  dayLabel,
  fiscalStartIndex,
  fiscalYearOfIndex,
  financialYearLabel,
  firstDayOf,
  indexOfDay,
  isValidDay,
  lastDayOf,
  monthAbbreviation,
  monthLabel,
  monthOfFiscalOffset,
  monthOfIndex,
  parseIsoDate,
  toIsoDate,
  yearOfIndex,
} from "./calendar";
import { calendarDayOfDate } from "./excel-dates";
import type { CompletePeriod, PartialPeriod, PeriodKind } from "./types";

export interface Meta {
  text: string;
  annotations: string[];
  assumption?: string;
}

export interface Offsets {
  from: number;
  to: number;
}

/** First and last month index when the span is whole months, else null. */
function wholeMonths(start: CalendarDay, end: CalendarDay): { a: number; b: number } | null {
  if (start.day !== 1 || end.day !== daysInMonth(end.year, end.month)) return null;
  return { a: indexOfDay(start), b: indexOfDay(end) };
}

function quarterName(fiscalOffset: number): string {
  return `Q${Math.floor(fiscalOffset / 3) + 1}`;
}

/** Quarter-aligned spans inside one financial year are named by quarters: "H1", "Q1-Q3". */
function quarterRangeName(from: number, to: number): string | null {
  if (from % 3 !== 0 || to % 3 !== 2 || to > 11 || to - from < 3) return null;
  if (from === 0 && to === 5) return "H1";
  if (from === 6 && to === 11) return "H2";
  return `${quarterName(from)}-${quarterName(to)}`;
}

function monthRangeLabel(a: number, b: number): string {
  if (a === b) return monthLabel(a);
  if (yearOfIndex(a) === yearOfIndex(b)) return `${monthAbbreviation(monthOfIndex(a))}-${monthLabel(b)}`;
  return `${monthLabel(a)}-${monthLabel(b)}`;
}

/** Kind and label of whole months a..b that are not a year to date. */
function monthSpanLabel(a: number, b: number): { kind: PeriodKind; label: string } {
  const fy = fiscalYearOfIndex(a);
  const from = a - fiscalStartIndex(fy);
  const to = b - fiscalStartIndex(fy);
  const length = b - a + 1;
  if (length === 1) return { kind: "month", label: monthLabel(a) };
  if (length === 3 && from % 3 === 0) return { kind: "quarter", label: `${quarterName(from)} ${financialYearLabel(fy)}` };
  if (length === 12 && from === 0) return { kind: "financialYear", label: financialYearLabel(fy) };
  if (length === 12 && monthOfIndex(a) === 1) return { kind: "calendarYear", label: String(yearOfIndex(a)) };
  const quarters = quarterRangeName(from, to);
  if (quarters) return { kind: "range", label: `${quarters} ${financialYearLabel(fy)}` };
  return { kind: "range", label: monthRangeLabel(a, b) };
}

/**
 * A year to date from April is named by where it has got to ("YTD Q2 2025/26", "YTD Aug 2025");
 * any other is named by its months ("YTD Jan-Jun 2025"), which the parser reads literally.
 */
function yearToDateMonthsLabel(a: number, b: number): string {
  const fyStart = fiscalStartIndex(fiscalYearOfIndex(b));
  if (a !== fyStart) return `YTD ${monthRangeLabel(a, b)}`;
  const to = b - fyStart;
  if (to % 3 === 2) return `YTD ${quarterName(to)} ${financialYearLabel(fiscalYearOfIndex(b))}`;
  return `YTD ${monthLabel(b)}`;
}

export function spanKindAndLabel(start: CalendarDay, end: CalendarDay, yearToDate: boolean): { kind: PeriodKind; label: string } {
  const months = wholeMonths(start, end);
  if (!months) {
    const days = `${dayLabel(start)} to ${dayLabel(end)}`;
    return yearToDate ? { kind: "yearToDate", label: `YTD ${days}` } : { kind: "range", label: days };
  }
  if (yearToDate) return { kind: "yearToDate", label: yearToDateMonthsLabel(months.a, months.b) };
  return monthSpanLabel(months.a, months.b);
}

/** Null when the days are not real days or run backwards. */
export function makeComplete(start: CalendarDay, end: CalendarDay, yearToDate: boolean, meta: Meta): CompletePeriod | null {
  if (!isValidDay(start.year, start.month, start.day) || !isValidDay(end.year, end.month, end.day)) return null;
  if (compareDays(start, end) > 0) return null;
  const { kind, label } = spanKindAndLabel(start, end, yearToDate);
  const period: CompletePeriod = {
    complete: true,
    kind,
    label,
    start: toIsoDate(start),
    end: toIsoDate(end),
    text: meta.text,
    annotations: meta.annotations,
  };
  if (meta.assumption) period.assumption = meta.assumption;
  return period;
}

export function makeCompleteMonths(a: number, b: number, yearToDate: boolean, meta: Meta): CompletePeriod | null {
  return makeComplete(firstDayOf(a), lastDayOf(b), yearToDate, meta);
}

function fiscalMonthName(offset: number): string {
  return monthAbbreviation(monthOfFiscalOffset(offset));
}

function offsetsLabel(from: number, to: number): { kind: PeriodKind; label: string } {
  const length = to - from + 1;
  const months = `${fiscalMonthName(from)}-${fiscalMonthName(to)}`;
  if (length === 1) return { kind: "month", label: fiscalMonthName(from) };
  if (length === 3 && from % 3 === 0) return { kind: "quarter", label: quarterName(from) };
  if (length === 12 && from === 0) return { kind: "financialYear", label: months };
  if (length === 12 && from === 9) return { kind: "calendarYear", label: months };
  return { kind: "range", label: quarterRangeName(from, to) ?? months };
}

function yearToDateOffsetsLabel(from: number, to: number): string {
  if (from !== 0) return `YTD ${fiscalMonthName(from)}-${fiscalMonthName(to)}`;
  return to % 3 === 2 && to <= 11 ? `YTD ${quarterName(to)}` : `YTD ${fiscalMonthName(to)}`;
}

export function makePartialYear(offsets: Offsets, yearToDate: boolean, meta: Meta): PartialPeriod {
  const { kind, label } = yearToDate
    ? { kind: "yearToDate" as const, label: yearToDateOffsetsLabel(offsets.from, offsets.to) }
    : offsetsLabel(offsets.from, offsets.to);
  return withMeta({ complete: false, missing: "year", kind, label, fiscalMonths: { ...offsets } }, meta);
}

/** A year to date known to start on `start` (1 April, or 1 January for a calendar year). */
export function makePartialEnd(start: CalendarDay, meta: Meta): PartialPeriod {
  const label = start.month === 4 ? `YTD ${financialYearLabel(start.year)}` : `YTD ${start.year}`;
  return withMeta({ complete: false, missing: "end", kind: "yearToDate", label, start: toIsoDate(start) }, meta);
}

export function makePartialYearAndEnd(meta: Meta): PartialPeriod {
  return withMeta({ complete: false, missing: "yearAndEnd", kind: "yearToDate", label: "YTD" }, meta);
}

function withMeta(partial: Omit<PartialPeriod, "text" | "annotations">, meta: Meta): PartialPeriod {
  const result: PartialPeriod = { ...partial, text: meta.text, annotations: meta.annotations };
  if (meta.assumption) result.assumption = meta.assumption;
  return result;
}

function dayOf(input: string | Date): CalendarDay | null {
  return typeof input === "string" ? parseIsoDate(input) : calendarDayOfDate(input);
}

/**
 * The period from `start` to `end` inclusive (ISO "YYYY-MM-DD" strings or Dates), with its kind
 * and canonical label worked out from the dates: 2025-04-01..2025-06-30 is "Q1 2025/26". It is
 * never a year to date (dates cannot say so). Null for invalid dates or an end before the start.
 */
export function periodFromDates(start: string | Date, end: string | Date): CompletePeriod | null {
  const s = dayOf(start);
  const e = dayOf(end);
  if (!s || !e) return null;
  const made = makeComplete(s, e, false, { text: "", annotations: [] });
  return made ? { ...made, text: made.label } : null;
}

function labelled(period: CompletePeriod | null): CompletePeriod | null {
  return period ? { ...period, text: period.label } : null;
}

const NO_META: Meta = { text: "", annotations: [] };

/** Quarter 1..4 of the financial year starting in April of `fiscalYearStart`. */
export function quarterPeriod(fiscalYearStart: number, quarter: number): CompletePeriod | null {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4 || !Number.isInteger(fiscalYearStart)) return null;
  const a = fiscalStartIndex(fiscalYearStart) + (quarter - 1) * 3;
  return labelled(makeCompleteMonths(a, a + 2, false, NO_META));
}

/** Month 1..12 of `year`. */
export function monthPeriod(year: number, month: number): CompletePeriod | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return null;
  const a = year * 12 + month - 1;
  return labelled(makeCompleteMonths(a, a, false, NO_META));
}

export function financialYearPeriod(fiscalYearStart: number): CompletePeriod | null {
  if (!Number.isInteger(fiscalYearStart)) return null;
  const a = fiscalStartIndex(fiscalYearStart);
  return labelled(makeCompleteMonths(a, a + 11, false, NO_META));
}

export function calendarYearPeriod(year: number): CompletePeriod | null {
  if (!Number.isInteger(year)) return null;
  return labelled(makeCompleteMonths(year * 12, year * 12 + 11, false, NO_META));
}

/** The financial year to date, from April to the end of month 1..12 of `year`. */
export function yearToDatePeriod(year: number, month: number): CompletePeriod | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return null;
  const b = year * 12 + month - 1;
  return labelled(makeCompleteMonths(fiscalStartIndex(fiscalYearOfIndex(b)), b, true, NO_META));
}
