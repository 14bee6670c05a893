/**
 * The period parser: one reader for every way partnership workbooks write a period.
 *
 * Decisions other code relies on:
 * - Quarters are financial-year quarters (Q1 = April-June, Q4 = January-March of the next
 *   calendar year). Financial years are named by the year they start in (2025 for 2025/26).
 * - Canonical labels, worked out from the dates alone so the same months always get the same
 *   label: "Q1 2025/26", "Apr 2025", "2025/26", "2025", "YTD Q2 2025/26" (a year to date from
 *   April to a quarter end), "YTD Aug 2025" (from April to another month end), "H1 2025/26",
 *   "Q1-Q3 2025/26", "Apr-Aug 2025", "Nov 2025-Feb 2026", and for spans that are not whole
 *   months "3 Apr 2025 to 10 May 2025". Every label parses back to the same period.
 * - A bare four-digit year ("2025", or the number 2025 in a cell) is the calendar year, for years
 *   1950-2099 only; any other number is not a period. A serial date is read as a date only when
 *   the cell's number format is a date format; it then means its month (a year-only format such
 *   as "yyyy" means its year).
 * - A date in a heading means its month ("01/04/2025", text in UK day/month order, is April
 *   2025); two dates joined by "-" or "to" mean exactly those days, labelled by what they span.
 * - Two-digit years are 20yy. "yy/yy" and "yyyy-yy" are financial years only when the second
 *   year follows the first, so "2003-04" is 2003/04, not April 2003; "2025-04" is April 2025.
 * - A quarter with a calendar year ("Q1 2025", or "Q4" under a "2025" band) is placed so its last
 *   month falls in that year (Q4 2025 is January-March 2025); `assumption` says so.
 * - "Year 2024-25" is the financial year 2024/25 (the word "year" adds nothing; the second year
 *   must still follow the first). A band "Quarter ending" / "12 months to" over a date makes that
 *   date's month the last month of the span: "Quarter ending" over 30/06/2024 is Q1 2024/25.
 * - "FY2025" (one year after FY) is not read: it means 2024/25 to some and 2025/26 to others.
 * - A year to date runs from April to the period it names ("YTD Q2", "YTD Aug 2025"); months
 *   written out as a range with YTD ("Apr-Sep 2025 (YTD)", "Jan-Jun 2025 YTD") are taken as
 *   written. "YTD" alone, or "2025/26 YTD", is partial: completePeriod supplies the end.
 * - Target headings ("Target", "Q1 target", "2024/25 target") are not periods; parseTargetHeading
 *   says which period a target is for. Any unknown word makes a heading not a period ("England
 *   2024/25", "Children seen within 10 working days"); findPeriodsInText looks inside such text.
 * - Allowed around a period: footnote marks (*, ¹, †), status words and notes ("provisional",
 *   "[r]", "(p)", "[note 2]"), "outturn", "actual", "total", "full year", "year end", "as at".
 */
export type {
  CellLike,
  CompletePeriod,
  ParseContext,
  ParsedPeriod,
  PartialPeriod,
  PeriodInput,
  PeriodKind,
  PeriodMatch,
} from "./types";
export {
  completePeriod,
  findPeriodInText,
  findPeriodsInText,
  isPeriodLike,
  parsePeriod,
  parseStackedPeriod,
  parseTargetHeading,
  toPeriod,
} from "./parse";
export type { YearSource } from "./parse";
export {
  calendarYearPeriod,
  financialYearPeriod,
  monthPeriod,
  periodFromDates,
  quarterPeriod,
  yearToDatePeriod,
} from "./build";
export {
  calendarDayOfDate,
  dateFormatGranularity,
  dateToExcelSerial,
  excelSerialToDate,
  isDateNumberFormat,
} from "./excel-dates";
export type { DateGranularity } from "./excel-dates";
export { financialYearLabel } from "./calendar";
export type { CalendarDay } from "./calendar";
