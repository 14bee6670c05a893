/**
 * The period of an open-data row, from its `time_period` and `time_identifier`.
 *
 * The Department for Education writes a year as four digits ("2025") for calendar years,
 * reporting years, months and weeks, and as six digits ("202425") for academic, financial and
 * tax years, their parts, and terms (its data screener's rule; dfe-published-data-qa,
 * R/knownVariables.r). The identifier says which year is meant:
 *   Financial year 202425  2024-04-01..2025-03-31 ("2024/25", the contract's reading)
 *   Academic year 202425   2024-09-01..2025-08-31
 *   Tax year 202425        2024-04-06..2025-04-05
 *   Reporting year 2025    the year to 31 March 2025 (a census year, such as children in need)
 *   Calendar year 2025     2025-01-01..2025-12-31
 *   Financial year Q1..Q4  April-June .. January-March (the contract's quarters)
 *   Calendar year Q1..Q4   January-March .. October-December
 *   Academic year Q1..Q4   September-November .. June-August
 *   Tax year Q1..Q4        from the 6th: 6 April-5 July .. 6 January-5 April
 *   Part 1 / Part 2        April-September / October-March of the financial year
 *   Autumn / Spring / Summer term, Autumn and spring term: whole months of the academic year
 *                          (September-December, January-March, April-August), since term dates
 *                          differ by school and year; what matters is that terms do not overlap
 *                          and sort in order.
 *   January..December 2025 that month; Week 1..53 2025 that ISO week (Monday to Sunday)
 * Near-standard files without a time_identifier: "2024/25", "2024-25" and "202425" are financial
 * years (the contract's reading of "2024/25"), a bare "2025" the calendar year; the reader then
 * says which it assumed.
 */
import type { Period } from "../model/model";
import { calendarYearPeriod, financialYearPeriod, monthPeriod, parsePeriod, quarterPeriod, toPeriod } from "../periods";
import type { CellValue } from "../grid/grid";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A year written as time_period: the year it starts (2024 for "202425" and "2024/25"), and its form. */
interface YearCode {
  first: number;
  /** True for the six-digit form (two years: an academic, financial or tax year). */
  span: boolean;
}

/** "2025", "202425", "2024/25", "2024-25", "2024/2025" (text or number). */
export function readYearCode(value: CellValue): YearCode | null {
  const text = typeof value === "number" ? (Number.isInteger(value) ? String(value) : "") : typeof value === "string" ? value.trim() : "";
  let m = /^(\d{4})$/.exec(text);
  if (m) return { first: Number(m[1]), span: false };
  m = /^(\d{4})[/-]?(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  const follows = m[2]!.length === 2 ? second === (first + 1) % 100 : second === first + 1;
  return follows ? { first, span: true } : null;
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** The last day of month m (1-12) of year y. */
function endOfMonth(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Months a..b (1-based; b may run past 12 into the next year) from year y. */
function months(y: number, a: number, b: number, label: string): Period {
  const endYear = y + Math.floor((b - 1) / 12);
  const endMonth = ((b - 1) % 12) + 1;
  return { start: iso(y, a, 1), end: endOfMonth(endYear, endMonth), label };
}

const yy = (first: number): string => `${first}/${String((first + 1) % 100).padStart(2, "0")}`;

function fromProject(period: ReturnType<typeof financialYearPeriod>): Period | null {
  return period ? toPeriod(period) : null;
}

/** ISO week `week` of `year`: week 1 holds 4 January; weeks run Monday to Sunday. */
function isoWeek(year: number, week: number): Period | null {
  if (week < 1 || week > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const start = monday + (week - 1) * 7 * 86_400_000;
  const startDate = new Date(start).toISOString().slice(0, 10);
  const endDate = new Date(start + 6 * 86_400_000).toISOString().slice(0, 10);
  return { start: startDate, end: endDate, label: `Week ${week} ${year}` };
}

const SIX_DIGIT = /^(academic year|financial year|tax year|autumn term|spring term|summer term|autumn and spring term|part [12]\b.*|(academic|financial|tax) year q[1-4])$/;

/** The period an identifier and a year code name, or null when they do not fit together. */
export function periodOf(identifier: string, code: YearCode): Period | null {
  const id = identifier.trim().toLowerCase().replace(/\s+/g, " ").replace("decemeber", "december");
  const y = code.first;
  // A four-digit year under an identifier that needs two (or the reverse) is not guessed at,
  // except a reporting year written with both years ("202425"): the year ending in the second.
  if (SIX_DIGIT.test(id) && !code.span) return null;
  switch (id) {
    case "financial year":
      return fromProject(financialYearPeriod(y));
    case "academic year":
      return months(y, 9, 20, `${yy(y)} academic year`);
    case "tax year":
      return { start: iso(y, 4, 6), end: iso(y + 1, 4, 5), label: `${yy(y)} tax year` };
    case "reporting year": {
      const last = code.span ? y + 1 : y;
      return { ...months(last - 1, 4, 15, ""), label: `Year to 31 March ${last}` };
    }
    case "calendar year":
      return code.span ? null : fromProject(calendarYearPeriod(y));
    case "autumn term":
      return months(y, 9, 12, `Autumn term ${yy(y)}`);
    case "spring term":
      return months(y + 1, 1, 3, `Spring term ${yy(y)}`);
    case "summer term":
      return months(y + 1, 4, 8, `Summer term ${yy(y)}`);
    case "autumn and spring term":
      return months(y, 9, 15, `Autumn and spring terms ${yy(y)}`);
  }
  if (id.startsWith("part 1")) return months(y, 4, 9, `H1 ${yy(y)}`);
  if (id.startsWith("part 2")) return months(y, 10, 15, `H2 ${yy(y)}`);
  const quarter = /^(academic|financial|tax|calendar) year q([1-4])$/.exec(id);
  if (quarter) {
    const q = Number(quarter[2]);
    switch (quarter[1]) {
      case "financial":
        return fromProject(quarterPeriod(y, q));
      case "calendar":
        return code.span ? null : months(y, q * 3 - 2, q * 3, `Q${q} ${y} (calendar year)`);
      case "academic":
        return months(y, 9 + (q - 1) * 3, 11 + (q - 1) * 3, `Q${q} ${yy(y)} academic year`);
      case "tax": {
        const startMonth = 4 + (q - 1) * 3;
        const end = new Date(Date.UTC(y, startMonth - 1 + 3, 5)).toISOString().slice(0, 10);
        return { start: iso(y + Math.floor((startMonth - 1) / 12), ((startMonth - 1) % 12) + 1, 6), end, label: `Q${q} ${yy(y)} tax year` };
      }
    }
  }
  const month = MONTHS.indexOf(id);
  if (month >= 0) return code.span ? null : fromProject(monthPeriod(y, month + 1));
  const week = /^week (\d{1,2})$/.exec(id);
  if (week) return code.span ? null : isoWeek(y, Number(week[1]));
  return null;
}

/** Every identifier periodOf knows, for the README and for recognising the column. */
export function isKnownIdentifier(identifier: string): boolean {
  return periodOf(identifier, { first: 2024, span: true }) !== null || periodOf(identifier, { first: 2024, span: false }) !== null;
}

/**
 * A period with no time_identifier to say what kind: six digits or "2024/25" are a financial
 * year; anything else goes to the project's period parser ("Q1 2024/25", "Apr 2025", "2025").
 * `assumed` says the kind was a guess (a bare year could be any kind of year).
 */
export function periodWithoutIdentifier(value: CellValue, text: string): { period: Period; assumed: string | null } | null {
  const code = readYearCode(value);
  if (code?.span) return { period: periodOf("Financial year", code)!, assumed: "financial years (April to March)" };
  const parsed = parsePeriod({ value, text });
  if (!parsed || !parsed.complete) return null;
  const assumed = code && !code.span ? "calendar years (January to December)" : null;
  return { period: toPeriod(parsed), assumed };
}
