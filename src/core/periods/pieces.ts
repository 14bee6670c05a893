/**
 * Reading a heading's tokens as pieces: a quarter ("Q1", "Quarter 1", "H1", "Q1-Q2"), months or
 * dates ("Apr-Jun 2025", "April 2025", "01/04/2025", "2025-04"), a financial year ("2025/26",
 * "FY24/25"), a calendar year ("2025", "CY2025"), a year-to-date mark, a target word, and the
 * words and marks that may sit around a period without changing it ("outturn", "[r]", "*").
 *
 * Every token must be read as some piece or as punctuation, or the heading is not a period: that
 * rule is what keeps "Children seen within 10 working days" or "Good is High" out. The pieces are
 * put together (in any order) by ./resolve.
 */
import type { Token } from "./tokens";

/** A date as written; any part but the month may be missing. */
export interface DatePoint {
  year?: number;
  month: number;
  day?: number;
}

export type Piece =
  /** Quarters from..to, 1..4 ("Q1" is 1..1, "H2" is 3..4). */
  | { t: "quarter"; from: number; to: number }
  | { t: "dates"; start: DatePoint; end: DatePoint }
  /** "Year ending March 2025", "12 months to Jun 2025". */
  | { t: "trailing"; months: number; end: DatePoint }
  | { t: "fiscalYear"; year: number }
  | { t: "calendarYear"; year: number }
  | { t: "yearToDate" }
  | { t: "target" }
  | { t: "filler" }
  | { t: "annotation"; text: string };

interface Found {
  piece: Piece | null;
  next: number;
}

type Tokens = readonly Token[];

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["jan", 1], ["january", 1], ["feb", 2], ["february", 2], ["mar", 3], ["march", 3],
  ["apr", 4], ["april", 4], ["may", 5], ["jun", 6], ["june", 6], ["jul", 7], ["july", 7],
  ["aug", 8], ["august", 8], ["sep", 9], ["sept", 9], ["september", 9], ["oct", 10], ["october", 10],
  ["nov", 11], ["november", 11], ["dec", 12], ["december", 12],
]);
const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([["first", 1], ["second", 2], ["third", 3], ["fourth", 4]]);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([["one", 1], ["two", 2], ["three", 3], ["four", 4]]);
const ORDINAL_SUFFIXES = ["st", "nd", "rd", "th"];
const RANGE_WORDS = ["to", "until", "through", "thru"];
/** Status words that a publisher puts beside a period; they do not change the period. */
const ANNOTATION_WORDS = new Set([
  "provisional", "prov", "revised", "final", "draft", "estimate", "estimated", "unvalidated", "validated", "unaudited", "audited",
]);
const TARGET_WORDS = new Set(["target", "targets", "tgt", "goal", "goals", "ambition", "trajectory", "threshold"]);
/** Words that may sit beside a period and mean only "the figure for this period". */
const FILLER_WORDS = new Set(["outturn", "actual", "actuals", "total", "rolling", "data", "of"]);
/**
 * Punctuation read as a separator and otherwise ignored ("_" separates words in sheet names such
 * as "Q3_24-25"). "&" and "+" are not here: "Q1 & Q2" is two periods.
 */
const SKIPPED = new Set(["-", "/", ".", ",", ":", ";", "(", ")", "[", "]", "'", "|", "_"]);

/** Bare four-digit numbers are read as years only in this range, so counts such as 1234 are not. */
export const BARE_YEAR_MIN = 1950;
export const BARE_YEAR_MAX = 2099;
const YEAR_MIN = 1900;

function isWord(t: Token | undefined, ...words: string[]): t is Token {
  return t !== undefined && t.type === "word" && words.includes(t.text);
}

function isPunct(t: Token | undefined, ...chars: string[]): t is Token {
  return t !== undefined && t.type === "punct" && chars.includes(t.text);
}

function num(t: Token | undefined, maxLength = 4): number | null {
  if (t === undefined || t.type !== "num" || t.text.length > maxLength) return null;
  return Number(t.text);
}

function numIn(t: Token | undefined, min: number, max: number, maxLength = 2): number | null {
  const n = num(t, maxLength);
  return n !== null && n >= min && n <= max ? n : null;
}

/** A four-digit year in range, or a two-digit year read as 20yy. */
function yearToken(t: Token | undefined): number | null {
  if (t === undefined || t.type !== "num") return null;
  const n = Number(t.text);
  if (t.text.length === 4) return n >= YEAR_MIN && n <= BARE_YEAR_MAX ? n : null;
  return t.text.length === 2 ? 2000 + n : null;
}

function fourDigitYear(t: Token | undefined, min: number): number | null {
  if (t === undefined || t.type !== "num" || t.text.length !== 4) return null;
  const n = Number(t.text);
  return n >= min && n <= BARE_YEAR_MAX ? n : null;
}

/** True when the token at i continues a number (a date or a decimal), so what came before is not a whole year. */
function continuesNumber(ts: Tokens, i: number): boolean {
  return isPunct(ts[i], "/", "-", ".") && ts[i + 1]?.type === "num";
}

/** "first", "1st" -> 1 */
function ordinalAt(ts: Tokens, i: number): { n: number; next: number } | null {
  const t = ts[i];
  const word = t?.type === "word" ? ORDINAL_WORDS.get(t.text) : undefined;
  if (word !== undefined) return { n: word, next: i + 1 };
  const n = numIn(t, 1, 4, 1);
  if (n !== null && isWord(ts[i + 1], ...ORDINAL_SUFFIXES)) return { n, next: i + 2 };
  return null;
}

/**
 * "2025/26", "2025-26", "2025/2026", "2025 to 2026", "25/26", with an optional "FY" or
 * "financial year" before it. The second year must follow the first, which is what tells
 * "2025/26" from a date or a fraction. "2003-04" is read as the year 2003/04, not April 2003.
 */
export function fiscalYearAt(ts: Tokens, i: number): Found | null {
  let j = i;
  if (isWord(ts[j], "fy")) j += 1;
  else if (isWord(ts[j], "financial", "fin") && isWord(ts[j + 1], "year", "yr")) j += 2;
  // "Year 2024-25": the word adds nothing, and the second year following the first still
  // decides that this is a financial year.
  else if (isWord(ts[j], "year", "yr") && ts[j + 1]?.type === "num") j += 1;
  const a = ts[j];
  const sep = ts[j + 1];
  const b = ts[j + 2];
  if (a?.type !== "num" || b?.type !== "num") return null;
  const slashOrDash = isPunct(sep, "/", "-");
  let year: number | null = null;
  if (a.text.length === 4 && (slashOrDash || isWord(sep, "to"))) {
    const first = Number(a.text);
    const second = Number(b.text);
    // "2011 to 12" is not a year: "to" joins whole years only ("2024 to 2025").
    if (b.text.length === 2 && slashOrDash && second === (first + 1) % 100) year = first;
    if (b.text.length === 4 && second === first + 1) year = first;
  } else if (a.text.length === 2 && b.text.length === 2 && slashOrDash) {
    const first = Number(a.text);
    if (Number(b.text) === (first + 1) % 100) year = 2000 + first;
  }
  if (year === null || year < BARE_YEAR_MIN || year > BARE_YEAR_MAX - 1) return null;
  if (continuesNumber(ts, j + 3)) return null;
  return { piece: { t: "fiscalYear", year }, next: j + 3 };
}

/** "CY2025", "Calendar year 2025", or a bare "2025" (read as the calendar year, see index.ts). */
function calendarYearAt(ts: Tokens, i: number): Found | null {
  let j = i;
  if (isWord(ts[j], "cy")) j += 1;
  else if (isWord(ts[j], "calendar", "cal") && isWord(ts[j + 1], "year", "yr")) j += 2;
  const year = fourDigitYear(ts[j], j === i ? BARE_YEAR_MIN : YEAR_MIN);
  if (year === null || continuesNumber(ts, j + 1)) return null;
  return { piece: { t: "calendarYear", year }, next: j + 1 };
}

/** "dd/mm/yyyy", "dd-mm-yy", "dd.mm.yyyy" (UK order) and "yyyy-mm-dd". */
function numericDateAt(ts: Tokens, i: number): { dp: DatePoint; next: number } | null {
  const a = ts[i];
  const b = ts[i + 2];
  const c = ts[i + 4];
  if (!isPunct(ts[i + 1], "/", "-", ".") || !isPunct(ts[i + 3], "/", "-", ".")) return null;
  if (a?.type !== "num" || b?.type !== "num" || c?.type !== "num") return null;
  const iso = a.text.length === 4;
  const year = iso ? fourDigitYear(a, YEAR_MIN) : yearToken(c);
  const month = numIn(b, 1, 12);
  const day = numIn(iso ? c : a, 1, 31);
  if (year === null || month === null || day === null) return null;
  return { dp: { year, month, day }, next: i + 5 };
}

/** "04/2025", "4-2025", and "2025-04" (unless it reads as a financial year, as "2011-12" does). */
function numericMonthAt(ts: Tokens, i: number): { dp: DatePoint; next: number } | null {
  if (!isPunct(ts[i + 1], "/", "-")) return null;
  const monthFirst = numIn(ts[i], 1, 12);
  const yearSecond = fourDigitYear(ts[i + 2], YEAR_MIN);
  if (monthFirst !== null && yearSecond !== null) return { dp: { year: yearSecond, month: monthFirst }, next: i + 3 };
  const yearFirst = fourDigitYear(ts[i], YEAR_MIN);
  const monthSecond = numIn(ts[i + 2], 1, 12);
  if (yearFirst !== null && monthSecond !== null && !fiscalYearAt(ts, i)) {
    return { dp: { year: yearFirst, month: monthSecond }, next: i + 3 };
  }
  return null;
}

/**
 * A year written straight after a month name: "Apr 25", "Apr-25", "Apr '25", "April 2025". Not
 * when the number starts a financial year ("Apr 2025/26"): that year is its own piece.
 */
function yearAfterMonth(ts: Tokens, i: number): { year: number; next: number } | null {
  const j = isPunct(ts[i], "-", "'", ",", ".") ? i + 1 : i;
  const year = yearToken(ts[j]);
  if (year === null) return null;
  // "Dec 2011 - 12 Jan 2012": the 12 is a day, so 2011-12 is no financial year here.
  const fiscal = fiscalYearAt(ts, j);
  if (fiscal && !monthAt(ts, fiscal.next)) return null;
  if (!fiscal && continuesNumber(ts, j + 1)) return null;
  return { year, next: j + 1 };
}

function monthAt(ts: Tokens, i: number): number | undefined {
  const t = ts[i];
  return t?.type === "word" ? MONTHS.get(t.text) : undefined;
}

/** "April", "Apr 2025", "1 April 2025", "1st of April". */
function namedDateAt(ts: Tokens, i: number): { dp: DatePoint; next: number } | null {
  let j = i;
  let day: number | undefined;
  const dayNumber = numIn(ts[j], 1, 31);
  if (dayNumber !== null) {
    day = dayNumber;
    j += 1;
    if (isWord(ts[j], ...ORDINAL_SUFFIXES)) j += 1;
    if (isWord(ts[j], "of")) j += 1;
  }
  const month = monthAt(ts, j);
  if (month === undefined) return null;
  const dp: DatePoint = { month };
  if (day !== undefined) dp.day = day;
  const year = yearAfterMonth(ts, j + 1);
  if (!year) return { dp, next: j + 1 };
  dp.year = year.year;
  return { dp, next: year.next };
}

function datePointAt(ts: Tokens, i: number): { dp: DatePoint; next: number } | null {
  return numericDateAt(ts, i) ?? namedDateAt(ts, i) ?? numericMonthAt(ts, i);
}

/** One date or month, or two joined by "-" / "to": "Apr-Jun 2025", "Nov 2025 - Jan 2026", "01/04/2025 to 30/06/2025". */
function datesAt(ts: Tokens, i: number): Found | null {
  const first = datePointAt(ts, i);
  if (!first) return null;
  const sep = ts[first.next];
  if (isPunct(sep, "-") || isWord(sep, ...RANGE_WORDS)) {
    const second = datePointAt(ts, first.next + 1);
    if (second) return { piece: { t: "dates", start: first.dp, end: second.dp }, next: second.next };
  }
  return { piece: { t: "dates", start: first.dp, end: first.dp }, next: first.next };
}

/** "Year ending 31 March 2025", "Year to Jun 2025", "12 months to March 2025", "12m to Jun-25", "R12M Dec-24", "Quarter ending June 2025". */
function trailingAt(ts: Tokens, i: number): Found | null {
  let j = i;
  let months: number;
  if (isWord(ts[j], "year")) {
    months = 12;
    j += 1;
  } else if (isWord(ts[j], "quarter", "qtr")) {
    months = 3;
    j += 1;
  } else if (isWord(ts[j], "twelve") && isWord(ts[j + 1], "months")) {
    months = 12;
    j += 2;
  } else if (isWord(ts[j], "r") && numIn(ts[j + 1], 1, 36) !== null && isWord(ts[j + 2], "m", "mth", "mths")) {
    // "R12M Dec-24": the rolling twelve months to December 2024, the date straight after.
    months = numIn(ts[j + 1], 1, 36)!;
    const end = datePointAt(ts, isWord(ts[j + 3], "ending", "ended", "to") ? j + 4 : j + 3);
    return end ? { piece: { t: "trailing", months, end: end.dp }, next: end.next } : null;
  } else {
    const n = numIn(ts[j], 1, 36);
    if (n === null || !isWord(ts[j + 1], "months", "month", "m", "mth", "mths")) return null;
    months = n;
    j += 2;
  }
  if (!isWord(ts[j], "ending", "ended", "to")) return null;
  const end = datePointAt(ts, j + 1);
  if (!end) return null;
  return { piece: { t: "trailing", months, end: end.dp }, next: end.next };
}

/** "Q1", "Qtr 1", "Quarter one", "1st quarter", and ranges "Q1-Q2", "Q1 to Q3", "Q1-2". */
function quarterAt(ts: Tokens, i: number): Found | null {
  let from: number;
  let j: number;
  if (isWord(ts[i], "q", "qtr", "quarter")) {
    const t = ts[i + 1];
    const n = numIn(t, 1, 4) ?? (t?.type === "word" && ts[i]?.text === "quarter" ? NUMBER_WORDS.get(t.text) ?? null : null);
    if (n === null) return null;
    from = n;
    j = i + 2;
  } else {
    const ordinal = ordinalAt(ts, i);
    if (!ordinal || !isWord(ts[ordinal.next], "quarter", "qtr")) return null;
    from = ordinal.n;
    j = ordinal.next + 1;
  }
  let to = from;
  if (isPunct(ts[j], "-") || isWord(ts[j], "to")) {
    const k = isWord(ts[j + 1], "q", "qtr", "quarter") ? j + 2 : j + 1;
    const n = numIn(ts[k], 1, 4);
    if (n !== null && n > from) {
      to = n;
      j = k + 1;
    }
  }
  return { piece: { t: "quarter", from, to }, next: j };
}

/** "H1", "Half 2", "first half", "2nd half": the half years of the financial year. */
function halfAt(ts: Tokens, i: number): Found | null {
  let half: number | null = null;
  let next = i;
  if (isWord(ts[i], "h", "half")) {
    half = numIn(ts[i + 1], 1, 2);
    next = i + 2;
  } else {
    const ordinal = ordinalAt(ts, i);
    if (ordinal && ordinal.n <= 2 && isWord(ts[ordinal.next], "half")) {
      half = ordinal.n;
      next = ordinal.next + 1;
    }
  }
  if (half === null) return null;
  return { piece: { t: "quarter", from: half === 1 ? 1 : 3, to: half === 1 ? 2 : 4 }, next };
}

/** "YTD", "FYTD", "year to date", "year-to-date", "financial year to date", "cumulative". */
function yearToDateAt(ts: Tokens, i: number): Found | null {
  if (isWord(ts[i], "ytd", "fytd", "cumulative")) return { piece: { t: "yearToDate" }, next: i + 1 };
  let j = isWord(ts[i], "financial") ? i + 1 : i;
  if (!isWord(ts[j], "year")) return null;
  j += isPunct(ts[j + 1], "-") ? 2 : 1;
  if (!isWord(ts[j], "to")) return null;
  j += isPunct(ts[j + 1], "-") ? 2 : 1;
  return isWord(ts[j], "date") ? { piece: { t: "yearToDate" }, next: j + 1 } : null;
}

/** Footnote marks, status words, and bracketed notes such as "[r]", "(p)", "[1]", "(note 3)". */
function annotationAt(ts: Tokens, i: number): Found | null {
  const t = ts[i];
  if (t === undefined) return null;
  if (t.type === "mark" || (t.type === "word" && ANNOTATION_WORDS.has(t.text))) {
    return { piece: { t: "annotation", text: t.text }, next: i + 1 };
  }
  if (!isPunct(t, "(", "[")) return null;
  const inner = ts[i + 1];
  let close: number;
  let text: string;
  if ((inner?.type === "word" && inner.text.length === 1) || num(inner, 2) !== null) {
    close = i + 2;
    text = inner?.text ?? "";
  } else {
    const j = isWord(inner, "see") ? i + 2 : i + 1;
    if (!isWord(ts[j], "note") || num(ts[j + 1], 3) === null) return null;
    close = j + 2;
    text = `note ${ts[j + 1]?.text ?? ""}`;
  }
  return isPunct(ts[close], ")", "]") ? { piece: { t: "annotation", text }, next: close + 1 } : null;
}

function wordsAt(ts: Tokens, i: number): Found | null {
  const t = ts[i];
  if (t?.type === "word" && TARGET_WORDS.has(t.text)) return { piece: { t: "target" }, next: i + 1 };
  if (t?.type === "word" && FILLER_WORDS.has(t.text)) return { piece: { t: "filler" }, next: i + 1 };
  // Two-word fillers, hyphenated or not: "full year", "year end", "out-turn", "as at".
  const pairs: ReadonlyArray<readonly [string, string]> = [["full", "year"], ["year", "end"], ["out", "turn"], ["as", "at"]];
  for (const [first, second] of pairs) {
    if (!isWord(t, first)) continue;
    const k = isPunct(ts[i + 1], "-") ? i + 2 : i + 1;
    if (isWord(ts[k], second)) return { piece: { t: "filler" }, next: k + 1 };
  }
  if (t?.type === "punct" && SKIPPED.has(t.text)) return { piece: null, next: i + 1 };
  return null;
}

/**
 * The order matters only where two readings start at the same token: full dates before
 * financial years (so "03/04/2025" is a date, not 2003/04), trailing years and year to date
 * before the filler "year end", financial years before bare calendar years.
 */
const RECOGNISERS: ReadonlyArray<(ts: Tokens, i: number) => Found | null> = [
  annotationAt,
  yearToDateAt,
  trailingAt,
  datesAt,
  fiscalYearAt,
  calendarYearAt,
  quarterAt,
  halfAt,
  wordsAt,
];

/** The pieces of a run of tokens, or null when some token is not part of any piece. */
export function readPieces(ts: Tokens): Piece[] | null {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < ts.length) {
    let found: Found | null = null;
    for (const recognise of RECOGNISERS) {
      found = recognise(ts, i);
      if (found) break;
    }
    if (!found || found.next <= i) return null;
    if (found.piece) pieces.push(found.piece);
    i = found.next;
  }
  return pieces;
}
