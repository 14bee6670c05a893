/**
 * Headings that name a period by where it stands from the one the sheet reports: "This quarter",
 * "Last quarter", "Same quarter last year", "Previous month", "Last year". On their own they name
 * no period; beside a title that does ("Performance summary: Quarter 2 2025/26") each is a
 * period that can be told, so their figures are read rather than left out. A phrase that does
 * not fit the title's span ("Last month" under a quarter's title) is not guessed at.
 */
import type { Period } from "../model/model";
import { isWholeYear, spanDays } from "./periods";
import { parsePeriodFromDates, toPeriod } from "./periods-api";
import { normalise } from "./text";

type Span = "month" | "quarter" | "year";

/** Each phrase: the span of the title it needs, and how many of those spans back it stands. */
const PHRASES: { pattern: RegExp; span: Span; back: number }[] = [
  { pattern: /^(this|current|latest|reporting) quarter$/, span: "quarter", back: 0 },
  { pattern: /^(last|previous|prior|preceding) quarter$/, span: "quarter", back: 1 },
  { pattern: /^same (quarter|period) (last|previous|prior) year$/, span: "quarter", back: 4 },
  { pattern: /^(this|current|latest|reporting) month$/, span: "month", back: 0 },
  { pattern: /^(last|previous|prior|preceding) month$/, span: "month", back: 1 },
  { pattern: /^same (month|period) (last|previous|prior) year$/, span: "month", back: 12 },
  { pattern: /^(this|current|latest|reporting) year$/, span: "year", back: 0 },
  { pattern: /^(last|previous|prior|preceding) year$/, span: "year", back: 1 },
];

function spanOf(p: Period): Span | null {
  const days = spanDays(p);
  if (days >= 28 && days <= 31) return "month";
  if (days >= 90 && days <= 92) return "quarter";
  return isWholeYear(p) ? "year" : null;
}

/** The ISO day `months` months before `day` (always a first of the month here, or a month's last day). */
function monthsBefore(day: string, months: number, lastOfMonth: boolean): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const d = lastOfMonth ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The period a relative heading names, counted back from the title's period; null if it names none or does not fit. */
export function relativePeriod(heading: string, title: Period | null): Period | null {
  if (!title) return null;
  const h = normalise(heading);
  const phrase = PHRASES.find((p) => p.pattern.test(h));
  const span = spanOf(title);
  if (!phrase || span !== phrase.span || !title.start.endsWith("-01")) return null;
  const months = phrase.back * (span === "quarter" ? 3 : span === "year" ? 12 : 1);
  const made = parsePeriodFromDates(monthsBefore(title.start, months, false), monthsBefore(title.end, months, true));
  return made ? toPeriod(made) : null;
}
