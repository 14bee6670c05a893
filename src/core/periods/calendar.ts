/**
 * Calendar arithmetic for periods. Periods are whole months almost always, so months are counted
 * on one line (a "month index": year * 12 + month - 1); spans, financial years and quarters then
 * become integer arithmetic instead of Date juggling, and no time zone can shift a month.
 */

/** A day of the (proleptic Gregorian) calendar; month is 1..12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function yearOfIndex(index: number): number {
  return Math.floor(index / 12);
}

/** 1..12 */
export function monthOfIndex(index: number): number {
  return index - yearOfIndex(index) * 12 + 1;
}

/** The financial year (named by the calendar year it starts in) holding the month: April starts it. */
export function fiscalYearOfIndex(index: number): number {
  return Math.floor((index - 3) / 12);
}

/** The month index of April of the financial year. */
export function fiscalStartIndex(fiscalYearStart: number): number {
  return fiscalYearStart * 12 + 3;
}

/** 0 for April .. 11 for March. */
export function fiscalOffsetOfMonth(month: number): number {
  return (month + 8) % 12;
}

/** 1..12 for a fiscal offset (0 = April); offsets past 11 wrap into the next year. */
export function monthOfFiscalOffset(offset: number): number {
  return ((offset + 3) % 12) + 1;
}

export function firstDayOf(index: number): CalendarDay {
  return { year: yearOfIndex(index), month: monthOfIndex(index), day: 1 };
}

export function lastDayOf(index: number): CalendarDay {
  const year = yearOfIndex(index);
  const month = monthOfIndex(index);
  return { year, month, day: daysInMonth(year, month) };
}

export function indexOfDay(day: CalendarDay): number {
  return monthIndex(day.year, day.month);
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function toIsoDate(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

/** A strict YYYY-MM-DD reader: the contract's date form, and nothing looser. */
export function parseIsoDate(text: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

/** "2025/26": the form the contract uses for a financial year. */
export function financialYearLabel(fiscalYearStart: number): string {
  return `${fiscalYearStart}/${pad((fiscalYearStart + 1) % 100, 2)}`;
}

export function monthAbbreviation(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1] ?? "";
}

/** "Apr 2025" */
export function monthLabel(index: number): string {
  return `${monthAbbreviation(monthOfIndex(index))} ${yearOfIndex(index)}`;
}

/** "3 Apr 2025" */
export function dayLabel(day: CalendarDay): string {
  return `${day.day} ${monthAbbreviation(day.month)} ${day.year}`;
}
