/**
 * The detector's questions about periods, answered by the period parser (../periods). A stacked
 * heading ("2025/26" over "Q1") and a row split over two period columns are read the same way;
 * partial headings ("Q1", "Apr") are completed from the parts around them, then from the title.
 */
import type { Period } from "../model/model";
import { dayOfText, findPeriodInText, findPeriodsInText, parsePeriod, parsePeriodFromDates, parseStackedPeriod, readDay, toPeriod, type ParsedPeriod } from "./periods-api";
import type { HeadingPart, PeriodReader } from "./period-reader";

function complete(p: ParsedPeriod | null): Period | null {
  return p && p.complete ? toPeriod(p) : null;
}

/**
 * Words that make the day beside or under them a week: "w/c 07/04/2025", "Week commencing" over
 * a date, "w/e 13/04/2025" (a week ending that day).
 */
const WEEK_WORDS = /^(w\/c|w\/b|w\/e|wc|wb|we|week (commencing|beginning|starting|ending|ended))\b\.?:?\s*/i;

/** Whether a heading is only the words that make a week ("Week commencing"). */
export function isWeekWords(text: string): boolean {
  const m = WEEK_WORDS.exec(text.trim());
  return m !== null && text.trim().slice(m[0].length).trim() === "";
}

/** How many days a period spans, both ends counted. */
export function spanDays(p: Period): number {
  return (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1;
}

/** A financial, academic or calendar year: 365 or 366 days. */
export function isWholeYear(p: Period): boolean {
  const days = spanDays(p);
  return days >= 365 && days <= 366;
}

function plusDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The week a stacked heading names: the week words with their day in the same part ("w/c
 * 07/04/2025") or in a part under them (a real date under "Week commencing"). Seven days from a
 * day commencing, or to a day ending. Null where no part has the words or no day goes with them.
 */
export function weekOf(parts: readonly HeadingPart[]): Period | null {
  for (let i = 0; i < parts.length; i++) {
    const text = parts[i]!.text.trim();
    const m = WEEK_WORDS.exec(text);
    if (!m) continue;
    let day = dayOfText(text.slice(m[0].length));
    for (let j = i + 1; day === null && j < parts.length; j++) {
      const read = readDay(parts[j]!.cell);
      day = read.kind === "day" ? read.iso : dayOfText(parts[j]!.text);
    }
    if (day === null) return null;
    const ending = /^(w\/e|we\b|week end)/i.test(text);
    const start = ending ? plusDays(day, -6) : day;
    const made = parsePeriodFromDates(start, plusDays(start, 6));
    return made ? toPeriod(made) : null;
  }
  return null;
}

/** A period heading the parser reads completely, or whose year another heading can supply. */
function isHeading(part: HeadingPart): boolean {
  if (weekOf([part]) !== null) return true;
  const p = parsePeriod(part.cell);
  return p !== null && (p.complete || p.missing === "year");
}

function ofParts(parts: HeadingPart[], title: string | null): Period | null {
  const week = weekOf(parts);
  if (week) return week;
  const cells = parts.map((p) => p.cell);
  return byTitleLines(title, (t) => complete(parseStackedPeriod(cells, { title: t })));
}

/**
 * A title of several lines ("Sheet title | note above the table") read whole, then, where whole
 * it gives no period (a note naming other months beside the title's year), line by line from the
 * top: the sheet's own title first.
 */
function byTitleLines(title: string | null, read: (title: string | null) => Period | null): Period | null {
  const whole = read(title);
  if (whole !== null || title === null || !title.includes(" | ")) return whole;
  for (const line of title.split(" | ")) {
    const period = read(line);
    if (period !== null) return period;
  }
  return null;
}

/**
 * A row's period from its period cells. Two complete dates or periods side by side ("Period
 * start", "Period end") are the span from the first to the second; a year beside a quarter is
 * read like a stacked heading.
 */
function ofCells(parts: HeadingPart[], title: string | null): Period | null {
  if (parts.length === 2) {
    const [a, b] = parts.map((p) => parsePeriod(p.cell));
    if (a && b && a.complete && b.complete && !isYearOnly(a) && !isYearOnly(b) && a.start <= b.end && (a.start !== b.start || a.end !== b.end)) {
      return complete(parsePeriodFromDates(a.start, b.end));
    }
  }
  return ofParts(parts, title);
}

function isYearOnly(p: ParsedPeriod): boolean {
  return p.kind === "financialYear" || p.kind === "calendarYear";
}

/** Separators left at the edge of a name once its period is taken off ("Referrals -", "Referrals (Q1)"). */
const EDGE = /^[\s\-\u2013:,;/|]+|[\s\-\u2013:,;/|]+$/g;

/** The name without separators or brackets left open at its ends ("Referrals (" of "Referrals (Q1)"). */
function tidyName(text: string): string {
  let t = text.replace(/\s+/g, " ").replace(EDGE, "");
  for (;;) {
    const open = (t.match(/[([]/g) ?? []).length;
    const close = (t.match(/[)\]]/g) ?? []).length;
    if (open > close && /[([]$/.test(t)) t = t.slice(0, -1).replace(EDGE, "");
    else if (close > open && /^[)\]]/.test(t)) t = t.slice(1).replace(EDGE, "");
    else return t;
  }
}

function split(part: HeadingPart): { period: HeadingPart; rest: string } | null {
  const text = part.text;
  const matches = findPeriodsInText(text).filter((m) => m.period.complete || m.period.missing === "year");
  // Only a period at the start or the end of the heading: one in the middle ("Children looked
  // after at 31 March who ...") is part of the measure's name.
  const atEdge = matches.filter((m) => m.index === 0 || text.slice(m.index + m.length).replace(EDGE, "") === "");
  if (atEdge.length === 0) return null;
  const m = atEdge.reduce((a, b) => (b.length > a.length ? b : a));
  const rest = tidyName(text.slice(0, m.index) + " " + text.slice(m.index + m.length));
  // What is left must say something: a word, or "%" ("Q1 %" is the first quarter's percentage).
  if (rest === "" || !/[a-z%]/i.test(rest)) return null;
  return { period: { text: m.text, cell: { value: m.text, text: m.text, numberFormat: "General" } }, rest };
}

export const defaultPeriodReader: PeriodReader = {
  split,
  isHeading,
  ofHeading: ofParts,
  ofCell: ofCells,
  inText: (text) => byTitleLines(text, (t) => (t === null ? null : complete(findPeriodInText(t)?.period ?? null))),
};
