/**
 * The parser's entry points: a heading (text, number, Date or cell) to a period, completing a
 * partial period from another heading or a title, and finding a period inside a title.
 */
import type { Period } from "../model/model";
import {
  CalendarDay,
  fiscalStartIndex,
  fiscalYearOfIndex,
  firstDayOf,
  indexOfDay,
  monthIndex,
  parseIsoDate,
  toIsoDate,
} from "./calendar";
import { Meta, makeCompleteMonths, makePartialEnd } from "./build";
import { calendarDayOfDate, dateFormatGranularity, excelSerialToDay } from "./excel-dates";
import { BARE_YEAR_MAX, BARE_YEAR_MIN, readPieces } from "./pieces";
import { CALENDAR_YEAR_ASSUMPTION, Resolution, YearAnchor, placeOffsets, resolvePieces } from "./resolve";
import { Token, tokenize } from "./tokens";
import type { CellLike, CompletePeriod, ParseContext, ParsedPeriod, PeriodInput, PeriodMatch } from "./types";

/** Longer text is a sentence, not a period heading; findPeriodsInText is for that. */
const MAX_HEADING_LENGTH = 200;
/** The most tokens one period spelling takes ("Quarter 2 2025/26 (July to September)" is 11). */
const MAX_MATCH_TOKENS = 16;

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function readTokens(ts: readonly Token[], text: string): Resolution | null {
  const pieces = readPieces(ts);
  return pieces ? resolvePieces(pieces, text) : null;
}

function readText(raw: string): Resolution | null {
  const text = collapse(raw);
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return null;
  return readTokens(tokenize(text), text);
}

/** A number alone is a period only as a year; a serial date needs a date format to say so. */
function readNumber(value: number, text: string): Resolution | null {
  if (!Number.isInteger(value) || value < BARE_YEAR_MIN || value > BARE_YEAR_MAX) return null;
  const start = monthIndex(value, 1);
  return { target: false, period: makeCompleteMonths(start, start + 11, false, { text, annotations: [] }) };
}

function monthOfDay(day: CalendarDay, text: string): Resolution {
  const m = indexOfDay(day);
  return { target: false, period: makeCompleteMonths(m, m, false, { text, annotations: [] }) };
}

function readCell(cell: CellLike): Resolution | null {
  const text = collapse(cell.text ?? "");
  const { value } = cell;
  if (typeof value === "number") {
    const granularity = dateFormatGranularity(cell.numberFormat ?? "General");
    if (granularity === null) return readNumber(value, text || String(value));
    const day = excelSerialToDay(value);
    if (!day) return null;
    // A date formatted to show only its year ("yyyy") is a year heading; any other date means its month.
    if (granularity === "year") return readNumber(day.year, text || String(day.year));
    return monthOfDay(day, text || toIsoDate(day));
  }
  if (typeof value === "string") return readText(value);
  if (value === null) return readText(text);
  return null;
}

function readInput(input: PeriodInput): Resolution | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "string") return readText(input);
  if (typeof input === "number") return Number.isFinite(input) ? readNumber(input, String(input)) : null;
  if (input instanceof Date) {
    const day = calendarDayOfDate(input);
    // Only four-digit years can be written as the contract's YYYY-MM-DD (a JS Date reaches year 275760).
    return day && day.year >= 1000 && day.year <= 9999 ? monthOfDay(day, toIsoDate(day)) : null;
  }
  return readCell(input);
}

function applyContext(period: ParsedPeriod | null, context: ParseContext): ParsedPeriod | null {
  if (!period || period.complete || context.fiscalYearStart === undefined) return period;
  return completePeriod(period, { fiscalYearStart: context.fiscalYearStart }) ?? period;
}

/**
 * The period a heading names, or null when it names none. Target headings ("2024/25 target",
 * "Q1 target") are not periods here: they head targets, not observations (see parseTargetHeading).
 */
export function parsePeriod(input: PeriodInput, context: ParseContext = {}): ParsedPeriod | null {
  const read = readInput(input);
  if (!read || read.target) return null;
  return applyContext(read.period, context);
}

/** Whether the input reads as a period heading, complete or partial. */
export function isPeriodLike(input: PeriodInput, context: ParseContext = {}): boolean {
  return parsePeriod(input, context) !== null;
}

/**
 * For a target heading ("Target", "Q1 target", "2024/25 target", "Target 2025/26"), the period
 * the target is for (null for a bare "Target"). Null when the heading is not a target heading.
 */
export function parseTargetHeading(input: PeriodInput, context: ParseContext = {}): { period: ParsedPeriod | null } | null {
  const read = readInput(input);
  if (!read || !read.target) return null;
  return { period: applyContext(read.period, context) };
}

/** What completes a partial period: another heading's period, its text, or a financial year. */
export type YearSource = ParsedPeriod | string | { fiscalYearStart: number };

interface Anchor {
  year: YearAnchor | null;
  /** The month index the source ends in, when it names months (a quarter, a month...). */
  endMonth: number | null;
}

function anchorOf(source: YearSource): Anchor | null {
  if (typeof source === "string") {
    const parsed = parsePeriod(source);
    return parsed ? anchorOf(parsed) : null;
  }
  if ("fiscalYearStart" in source) {
    return Number.isInteger(source.fiscalYearStart) ? { year: { fiscalYear: source.fiscalYearStart }, endMonth: null } : null;
  }
  if (!source.complete) {
    const start = source.missing === "end" && source.start ? parseIsoDate(source.start) : null;
    if (!start) return null;
    return { year: start.month === 4 ? { fiscalYear: start.year } : { calendarYear: start.year }, endMonth: null };
  }
  const start = parseIsoDate(source.start);
  const end = parseIsoDate(source.end);
  if (!start || !end) return null;
  if (source.kind === "financialYear") return { year: { fiscalYear: fiscalYearOfIndex(indexOfDay(start)) }, endMonth: null };
  if (source.kind === "calendarYear") return { year: { calendarYear: start.year }, endMonth: null };
  const endMonth = indexOfDay(end);
  return { year: { fiscalYear: fiscalYearOfIndex(endMonth) }, endMonth };
}

/**
 * Completes a partial period with the year (or, for a year to date, the end) that another
 * heading gives: "Q1" under a "2025/26" band is Q1 2025/26; "Jan" under "2025/26" is January
 * 2026; "Q4" under a calendar "2025" is January to March 2025 (with an assumption noted);
 * "2025/26 YTD" beside "Q2 2025/26" is YTD Q2 2025/26. A complete period is returned as it is.
 * Null when the source gives nothing the partial needs, or an end outside the year.
 */
export function completePeriod(partial: ParsedPeriod, source: YearSource): ParsedPeriod | null {
  if (partial.complete) return partial;
  const anchor = anchorOf(source);
  if (!anchor) return null;
  const meta: Meta = { text: partial.text, annotations: partial.annotations };
  if (partial.assumption) meta.assumption = partial.assumption;
  const yearToDate = partial.kind === "yearToDate";
  switch (partial.missing) {
    case "year": {
      if (!partial.fiscalMonths || !anchor.year) return null;
      const { a, b } = placeOffsets(partial.fiscalMonths, anchor.year);
      if ("calendarYear" in anchor.year && b > a) meta.assumption = CALENDAR_YEAR_ASSUMPTION;
      return makeCompleteMonths(a, b, yearToDate, meta);
    }
    case "end": {
      const start = partial.start ? parseIsoDate(partial.start) : null;
      if (!start || anchor.endMonth === null) return null;
      const a = indexOfDay(start);
      if (anchor.endMonth < a || anchor.endMonth > a + 11) return null;
      return makeCompleteMonths(a, anchor.endMonth, true, meta);
    }
    case "yearAndEnd": {
      if (anchor.endMonth !== null) {
        return makeCompleteMonths(fiscalStartIndex(fiscalYearOfIndex(anchor.endMonth)), anchor.endMonth, true, meta);
      }
      if (!anchor.year) return null;
      const start = "fiscalYear" in anchor.year ? fiscalStartIndex(anchor.year.fiscalYear) : monthIndex(anchor.year.calendarYear, 1);
      return makePartialEnd(firstDayOf(start), meta);
    }
  }
}

function isYearOnly(period: ParsedPeriod): boolean {
  return period.complete && (period.kind === "financialYear" || period.kind === "calendarYear");
}

/**
 * The period of a stacked heading, its parts read top to bottom (a year band over "Q1"), or of a
 * row whose period is split over cells (a Year column beside a Quarter column). Parts that are
 * not periods (an agency band, "Number") are passed over; a target part makes the whole a target,
 * so null. The most specific part, the lowest if several, is completed from the others, nearest
 * first, then from the title, then from context.fiscalYearStart.
 */
export function parseStackedPeriod(
  parts: readonly PeriodInput[],
  context: ParseContext & { title?: string | null } = {},
): ParsedPeriod | null {
  const periods: ParsedPeriod[] = [];
  let trailing: number | null = null;
  for (const part of parts) {
    const read = readInput(part);
    if (read?.target) return null;
    if (read?.period) periods.push(read.period);
    else if (periods.length === 0) trailing = trailingLeadMonths(part) ?? trailing;
  }
  let mainIndex = -1;
  periods.forEach((p, i) => {
    const main = periods[mainIndex];
    if (!main || !isYearOnly(p) || isYearOnly(main)) mainIndex = i;
  });
  let result = periods[mainIndex];
  if (!result) return null;
  for (let i = periods.length - 1; i >= 0 && !result.complete; i--) {
    const other = periods[i];
    if (i !== mainIndex && other) result = completePeriod(result, other) ?? result;
  }
  if (!result.complete && context.title) {
    const fromTitle = findPeriodInText(context.title);
    if (fromTitle) result = completePeriod(result, fromTitle.period) ?? result;
  }
  if (trailing !== null && result.complete && result.kind === "month") {
    result = endingIn(result, trailing) ?? result;
  }
  return applyContext(result, context);
}

/** The words that open a trailing span and wait for its end: "Quarter ending", "12 months to". */
const TRAILING_ENDS = new Set(["ending", "ended", "to"]);

/**
 * How many months a band such as "Quarter ending", "Year ended" or "3 months to" spans, when the
 * band says nothing else: the month under it (often a real date, "Jun 24") is then the last month
 * of the span, not a month on its own, so "Quarter ending" over 30/06/2024 is April-June 2024.
 */
function trailingLeadMonths(part: PeriodInput): number | null {
  let raw = "";
  if (typeof part === "string") raw = part;
  else if (part !== null && typeof part === "object" && !(part instanceof Date) && typeof part.value !== "number") {
    raw = typeof part.value === "string" ? part.value : part.text ?? "";
  }
  const words = tokenize(collapse(raw)).filter((t) => t.type !== "mark" && t.text !== ":").map((t) => t.text);
  const last = words[words.length - 1];
  if (last === undefined || !TRAILING_ENDS.has(last)) return null;
  const lead = words.slice(0, -1).join(" ");
  if (lead === "quarter" || lead === "qtr" || lead === "three months") return 3;
  if (lead === "year" || lead === "twelve months") return 12;
  const counted = /^(\d{1,2}) months?$/.exec(lead);
  const n = counted ? Number(counted[1]) : 0;
  return n >= 1 && n <= 36 ? n : null;
}

/** The span of `months` months ending with the month `period` names. */
function endingIn(period: CompletePeriod, months: number): ParsedPeriod | null {
  const end = parseIsoDate(period.end);
  if (!end) return null;
  const b = indexOfDay(end);
  return makeCompleteMonths(b - months + 1, b, false, { text: period.text, annotations: period.annotations });
}

function isMatchEdge(t: Token | undefined): boolean {
  return t !== undefined && (t.type === "word" || t.type === "num" || t.type === "mark");
}

/** A match may end on a closing bracket only when it opened it: "Q2 (Jul-Sep)", not "Q2)". */
function isMatchEnd(ts: readonly Token[], i: number, end: number): boolean {
  const last = ts[end - 1];
  if (isMatchEdge(last)) return true;
  if (last?.type !== "punct" || (last.text !== ")" && last.text !== "]")) return false;
  const opening = last.text === ")" ? "(" : "[";
  let depth = 0;
  for (let k = i; k < end; k++) {
    const t = ts[k];
    if (t?.type === "punct" && t.text === opening) depth += 1;
    if (t?.type === "punct" && t.text === last.text) depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** A month name on its own ("May", "March") is an ordinary word in a sentence, not a period. */
function isBareMonthWord(period: ParsedPeriod, tokenCount: number): boolean {
  return !period.complete && period.kind === "month" && tokenCount === 1;
}

function longestMatchAt(ts: readonly Token[], i: number, text: string): { match: PeriodMatch; next: number } | null {
  const first = ts[i];
  if (!first || first.type === "mark" || !isMatchEdge(first)) return null;
  for (let end = Math.min(ts.length, i + MAX_MATCH_TOKENS); end > i; end--) {
    const last = ts[end - 1];
    if (!last || !isMatchEnd(ts, i, end)) continue;
    const written = text.slice(first.start, last.end);
    const read = readTokens(ts.slice(i, end), collapse(written));
    if (!read || read.target || !read.period || isBareMonthWord(read.period, end - i)) continue;
    return { match: { period: read.period, index: first.start, length: last.end - first.start, text: written }, next: end };
  }
  return null;
}

/**
 * Every period written in a longer text (a title, a sheet name, a note), left to right, each the
 * longest reading at its place: "Scorecard Q2 2025/26 (July to September)" gives one match, Q2
 * 2025/26. Target phrases are skipped; a month name alone is not taken for a period.
 */
export function findPeriodsInText(text: string): PeriodMatch[] {
  const ts = tokenize(text);
  const matches: PeriodMatch[] = [];
  let i = 0;
  while (i < ts.length) {
    const found = longestMatchAt(ts, i, text);
    if (found) {
      matches.push(found.match);
      i = found.next;
    } else {
      i += 1;
    }
  }
  return matches;
}

/**
 * The period a title is about: the first match that names months (a quarter, a month, a year to
 * date); else a partial one completed by a year found elsewhere in the title ("Q2 report,
 * 2025/26"), reported at the partial's place; else the first year; else the first partial
 * match. Null when there is none.
 */
export function findPeriodInText(text: string): PeriodMatch | null {
  const matches = findPeriodsInText(text);
  const specific = matches.find((m) => m.period.complete && !isYearOnly(m.period));
  if (specific) return specific;
  const partial = matches.find((m) => !m.period.complete);
  const year = matches.find((m) => m.period.complete);
  if (partial && year) {
    const completed = completePeriod(partial.period, year.period);
    if (completed) return { ...partial, period: completed };
  }
  return year ?? partial ?? null;
}

/** Exactly the contract's Period, for JSON output: the extra fields of a parsed period dropped. */
export function toPeriod(period: CompletePeriod): Period {
  return { start: period.start, end: period.end, label: period.label };
}
