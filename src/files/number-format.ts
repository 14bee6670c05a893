/**
 * The text Excel displays for a value under a number format. ExcelJS reads values and format
 * codes but never computes the displayed text, and the engine needs it (a cell showing "17.5%"
 * is a percentage whatever its value), so this renders the formats partnership workbooks use:
 * General, digit placeholders (0 # ?), thousands separators and scaling commas, percentages,
 * scientific notation, literal text (quoted, backslash-escaped, _ spacing, * fill), currency
 * tags ([$£-809]), the text placeholder @, up to four ;-separated sections, and dates and
 * times (d m y h s, AM/PM, elapsed [h] [m] [s], fractional seconds).
 *
 * Plain TypeScript: no ExcelJS, no Node. Not supported (rendered as if absent): section
 * conditions such as [>=100], colours (they change colour, not text), fractions ("# ?/?",
 * rendered as General), non-Gregorian calendars.
 *
 * Dates follow the 1900 date system, including Excel's fictitious 29 February 1900 (serial 60).
 * The two built-in formats that follow the computer's regional short date (numFmt ids 14 and
 * 22, which ExcelJS reports as "mm-dd-yy" and 'm/d/yy "h":mm') are rendered as an English (UK)
 * Excel shows them: dd/mm/yyyy and dd/mm/yyyy hh:mm.
 */

import type { CellValue } from "../core/grid/grid";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** ExcelJS's names for the locale-dependent built-ins, mapped to what a UK Excel shows. */
const REGIONAL_BUILTINS: Record<string, string> = {
  "mm-dd-yy": "dd/mm/yyyy",
  'm/d/yy "h":mm': "dd/mm/yyyy hh:mm",
  "m/d/yy h:mm": "dd/mm/yyyy hh:mm",
};

/** Largest serial Excel shows as a date (31 December 9999). */
const MAX_DATE_SERIAL = 2958465;

type DatePart =
  | "y2" | "y4"
  | "m" | "mm" | "mmm" | "mmmm" | "mmmmm"
  | "d" | "dd" | "ddd" | "dddd"
  | "h" | "hh" | "min" | "min2" | "s" | "ss"
  | "elapsedH" | "elapsedM" | "elapsedS"
  | "ampm" | "ap";

type Token =
  | { t: "lit"; s: string }
  | { t: "ph"; c: "0" | "#" | "?" }
  | { t: "dot" }
  | { t: "comma" }
  | { t: "pct" }
  | { t: "exp"; sign: "+" | "-" }
  | { t: "text" }
  | { t: "general" }
  | { t: "date"; part: DatePart; raw: string }
  | { t: "frac"; digits: number };

interface Section {
  tokens: Token[];
  isDate: boolean;
  hasText: boolean;
}

const cache = new Map<string, Section[]>();

/** True when the format shows a date or time (ignoring quoted text, escapes and [..] tags). */
export function isDateFormat(format: string): boolean {
  const sections = parseFormat(format);
  return sections.length > 0 && sections[0]!.isDate;
}

/** True when the format's positive section shows a percentage (a % outside quotes). */
export function isPercentFormat(format: string): boolean {
  const first = parseFormat(format)[0];
  return !!first && first.tokens.some((tok) => tok.t === "pct");
}

/**
 * The text Excel shows for `value` under `format`. Booleans show as TRUE/FALSE, null as "".
 * Error values are not CellValues: callers show the error code itself.
 */
export function formatValue(value: CellValue, format: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Fast paths for the commonest case, General, which millions of cells can share.
  if (format === "General") {
    if (typeof value === "string") return value;
    if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  }
  const sections = parseFormat(format);
  if (typeof value === "string") return formatText(value, sections);
  if (!Number.isFinite(value)) return String(value);
  return formatNumber(value, sections);
}

function formatText(value: string, sections: Section[]): string {
  // Only a fourth section, or a single section holding @, applies to text; otherwise text shows as is.
  const textSection = sections.length >= 4 ? sections[3] : sections[0]?.hasText ? sections[0] : undefined;
  if (!textSection) return value;
  let out = "";
  for (const tok of textSection.tokens) {
    if (tok.t === "lit") out += tok.s;
    else if (tok.t === "text") out += value;
  }
  return out;
}

function formatNumber(value: number, sections: Section[]): string {
  if (sections.length === 0) return generalNumber(value);
  let section = sections[0]!;
  let v = value;
  // With one section a negative number gets a minus sign in front; with two or more the
  // negative section shows the absolute value and carries its own signs or brackets.
  let minus = false;
  if (value < 0 && sections.length >= 2) {
    section = sections[1]!;
    v = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2]!;
  } else if (value < 0) {
    minus = true;
    v = -value;
  }
  if (section.isDate) {
    // Excel shows ##### for negative dates or dates past the year 9999; a number is more useful.
    if (value < 0 || value >= MAX_DATE_SERIAL + 1) return generalNumber(value);
    return formatDate(value, section);
  }
  return (minus ? "-" : "") + formatNumberSection(v, section);
}

// ---------------------------------------------------------------------------------------------
// Parsing

function parseFormat(format: string): Section[] {
  const key = format;
  const hit = cache.get(key);
  if (hit) return hit;
  const code = REGIONAL_BUILTINS[format] ?? format;
  const sections = splitSections(code).map(parseSection);
  // "General" or an empty format is a single General section.
  const result = sections.length === 1 && sections[0]!.tokens.length === 0 && code.trim() === "" ? [] : sections;
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

function parseSection(src: string): Section {
  const tokens: Token[] = [];
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === "lit") last.s += s;
    else tokens.push({ t: "lit", s });
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const rest = src.slice(i);
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 ? src.length : end;
      lit(src.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === "\\") {
      lit(src[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      // _x leaves a space as wide as x: one space is the closest text equivalent.
      lit(" ");
      i += 2;
    } else if (ch === "*") {
      // *x repeats x to fill the column: no fixed text to show.
      i += 2;
    } else if (ch === "[") {
      const end = src.indexOf("]", i + 1);
      const stop = end < 0 ? src.length : end;
      const inner = src.slice(i + 1, stop);
      const elapsed = /^(h+|m+|s+)$/i.exec(inner);
      if (elapsed) {
        const c = inner[0]!.toLowerCase();
        tokens.push({ t: "date", part: c === "h" ? "elapsedH" : c === "m" ? "elapsedM" : "elapsedS", raw: inner.toLowerCase() });
      } else if (inner.startsWith("$")) {
        // [$£-809]: a currency symbol (before the dash) and a locale id; [$-809] is a locale alone.
        const dash = inner.indexOf("-");
        lit(inner.slice(1, dash < 0 ? inner.length : dash));
      }
      // Colours ([Red]) and conditions ([>=100]) change no text here.
      i = stop + 1;
    } else if (/^general/i.test(rest)) {
      tokens.push({ t: "general" });
      i += 7;
    } else if (ch === "@") {
      tokens.push({ t: "text" });
      i++;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ t: "ph", c: ch });
      i++;
    } else if (ch === ".") {
      const zeros = /^\.(0+)/.exec(rest);
      const prevDate = lastDatePart(tokens);
      if (zeros && (prevDate === "s" || prevDate === "ss")) {
        tokens.push({ t: "frac", digits: zeros[1]!.length });
        i += zeros[0].length;
      } else {
        tokens.push({ t: "dot" });
        i++;
      }
    } else if (ch === ",") {
      tokens.push({ t: "comma" });
      i++;
    } else if (ch === "%") {
      tokens.push({ t: "pct" });
      i++;
    } else if ((ch === "E" || ch === "e") && (src[i + 1] === "+" || src[i + 1] === "-")) {
      tokens.push({ t: "exp", sign: src[i + 1] as "+" | "-" });
      i += 2;
    } else if (/^am\/pm/i.test(rest)) {
      tokens.push({ t: "date", part: "ampm", raw: rest.slice(0, 5) });
      i += 5;
    } else if (/^a\/p/i.test(rest)) {
      tokens.push({ t: "date", part: "ap", raw: rest.slice(0, 3) });
      i += 3;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < src.length && src[j]!.toLowerCase() === ch.toLowerCase()) j++;
      const run = src.slice(i, j).toLowerCase();
      tokens.push({ t: "date", part: datePart(run), raw: run });
      i = j;
    } else {
      lit(ch);
      i++;
    }
  }
  resolveMinutes(tokens);
  return {
    tokens,
    isDate: tokens.some((tok) => tok.t === "date"),
    hasText: tokens.some((tok) => tok.t === "text"),
  };
}

function datePart(run: string): DatePart {
  const c = run[0];
  const n = run.length;
  switch (c) {
    case "y":
      return n <= 2 ? "y2" : "y4";
    case "m":
      return n === 1 ? "m" : n === 2 ? "mm" : n === 3 ? "mmm" : n === 4 ? "mmmm" : "mmmmm";
    case "d":
      return n === 1 ? "d" : n === 2 ? "dd" : n === 3 ? "ddd" : "dddd";
    case "h":
      return n === 1 ? "h" : "hh";
    default:
      return n === 1 ? "s" : "ss";
  }
}

function lastDatePart(tokens: Token[]): DatePart | undefined {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const tok = tokens[k]!;
    if (tok.t === "date") return tok.part;
  }
  return undefined;
}

/** "m" and "mm" mean minutes right after an hour or right before a second, as in Excel. */
function resolveMinutes(tokens: Token[]): void {
  const dateIdx = tokens.flatMap((tok, k) => (tok.t === "date" ? [k] : []));
  dateIdx.forEach((k, n) => {
    const tok = tokens[k] as Extract<Token, { t: "date" }>;
    if (tok.part !== "m" && tok.part !== "mm") return;
    const prev = n > 0 ? (tokens[dateIdx[n - 1]!] as Extract<Token, { t: "date" }>).part : undefined;
    const next = n + 1 < dateIdx.length ? (tokens[dateIdx[n + 1]!] as Extract<Token, { t: "date" }>).part : undefined;
    const afterHour = prev === "h" || prev === "hh" || prev === "elapsedH";
    const beforeSecond = next === "s" || next === "ss" || next === "elapsedS";
    if (afterHour || beforeSecond) tok.part = tok.part === "m" ? "min" : "min2";
  });
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Excel's General: up to 10 significant digits, scientific notation for very large or small numbers. */
export function generalNumber(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = value.toExponential(5).split("e");
    const m = mant!.includes(".") ? mant!.replace(/0+$/, "").replace(/\.$/, "") : mant!;
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const s = String(Number(value.toPrecision(10)));
  // String() of small numbers can use exponent notation; Excel General shows them as decimals.
  return /e/i.test(s) ? plainDecimal(Number(value.toPrecision(10))) : s;
}

function plainDecimal(x: number): string {
  const neg = x < 0;
  const { int, frac } = roundDecimal(Math.abs(x), 20);
  const f = frac.replace(/0+$/, "");
  return (neg ? "-" : "") + (int || "0") + (f ? "." + f : "");
}

/**
 * x (>= 0) rounded half away from zero to `decimals` places, as integer and fraction digit
 * strings ("" for a zero integer part). Excel works on 15 significant digits, so x is first
 * cut to 15 significant digits: 1.005 shows as 1.01 at two places, as it does in Excel.
 */
function roundDecimal(x: number, decimals: number): { int: string; frac: string } {
  if (x === 0) return { int: "", frac: "0".repeat(decimals) };
  const [mant, expStr] = x.toExponential(14).split("e");
  const digits = mant!.replace(".", "").split("").map(Number);
  let pointPos = Number(expStr) + 1; // digits before the decimal point
  const keep = pointPos + decimals;
  let kept: number[];
  if (keep < 0) {
    kept = [];
  } else if (keep >= digits.length) {
    kept = digits.concat(new Array<number>(keep - digits.length).fill(0));
  } else {
    kept = digits.slice(0, keep);
    if (digits[keep]! >= 5) {
      let k = kept.length - 1;
      while (k >= 0 && kept[k] === 9) {
        kept[k] = 0;
        k--;
      }
      if (k >= 0) kept[k]! += 1;
      else {
        kept.unshift(1);
        pointPos++;
      }
    }
  }
  // Lay the kept digits out around the decimal point.
  const total = pointPos + decimals;
  while (kept.length < total) kept.push(0);
  let intDigits: string;
  let fracDigits: string;
  if (pointPos <= 0) {
    intDigits = "";
    fracDigits = ("0".repeat(-pointPos) + kept.join("")).slice(0, decimals).padEnd(decimals, "0");
  } else {
    intDigits = kept.slice(0, pointPos).join("");
    fracDigits = kept.slice(pointPos, pointPos + decimals).join("").padEnd(decimals, "0");
  }
  intDigits = intDigits.replace(/^0+/, "");
  return { int: intDigits, frac: fracDigits };
}

function formatNumberSection(v: number, section: Section): string {
  const tokens = section.tokens;
  if (tokens.some((tok) => tok.t === "general")) {
    // "General" inside a section with other literals: the General text of the number in place.
    return tokens.map((tok) => (tok.t === "lit" ? tok.s : tok.t === "general" ? generalNumber(v) : tok.t === "pct" ? "%" : "")).join("");
  }
  const phIdx = tokens.flatMap((tok, k) => (tok.t === "ph" ? [k] : []));
  // A number in a text-format cell ("@") shows as General.
  if (phIdx.length === 0 && section.hasText) return generalNumber(v);
  if (phIdx.length === 0) {
    // A section without digit placeholders shows only its literal text ("0;-0;" hides zeros).
    return tokens.map((tok) => (tok.t === "lit" ? tok.s : tok.t === "pct" ? "%" : "")).join("");
  }
  const expAt = tokens.findIndex((tok) => tok.t === "exp");
  const mantEnd = expAt < 0 ? tokens.length : expAt;
  const dotAt = tokens.findIndex((tok, k) => tok.t === "dot" && k < mantEnd);
  const intEnd = dotAt < 0 ? mantEnd : dotAt;
  const intPh = phIdx.filter((k) => k < intEnd);
  const fracPh = phIdx.filter((k) => k > intEnd && k < mantEnd);
  const expPh = expAt < 0 ? [] : phIdx.filter((k) => k > expAt);
  const lastMantPh = [...intPh, ...fracPh].pop();

  // Commas between integer placeholders group thousands; commas straight after the last digit
  // placeholder divide by 1000 each; any other comma is literal.
  let grouping = false;
  let scale = 0;
  const commaRole = new Map<number, "group" | "scale" | "lit">();
  tokens.forEach((tok, k) => {
    if (tok.t !== "comma") return;
    const firstInt = intPh[0];
    const lastInt = intPh[intPh.length - 1];
    if (firstInt !== undefined && lastInt !== undefined && k > firstInt && k < lastInt) {
      grouping = true;
      commaRole.set(k, "group");
    } else if (lastMantPh !== undefined && k > lastMantPh && k < mantEnd && tokens.slice(lastMantPh + 1, k).every((t) => t.t === "comma")) {
      scale++;
      commaRole.set(k, "scale");
    } else {
      commaRole.set(k, "lit");
    }
  });

  let x = v;
  const pctCount = tokens.filter((tok) => tok.t === "pct").length;
  for (let p = 0; p < pctCount; p++) x *= 100;
  for (let s = 0; s < scale; s++) x /= 1000;

  let exponent = 0;
  if (expAt >= 0 && x !== 0) {
    // Scientific: as many integer digits in the mantissa as there are integer placeholders (at least one).
    const intDigits = Math.max(1, intPh.length);
    exponent = Math.floor(Math.log10(x)) - (intDigits - 1);
    let mant = x / Math.pow(10, exponent);
    const r = roundDecimal(mant, fracPh.length);
    if ((r.int || "0").length > intDigits) {
      exponent++;
      mant = x / Math.pow(10, exponent);
    }
    x = mant;
  }

  const { int, frac } = roundDecimal(x, fracPh.length);
  const intText = renderInteger(int, tokens, intPh, grouping);
  const fracText = renderFraction(frac, tokens, fracPh);

  let out = "";
  tokens.forEach((tok, k) => {
    if (k === expAt && tok.t === "exp") {
      const e = Math.abs(exponent);
      const minDigits = expPh.filter((p) => (tokens[p] as Extract<Token, { t: "ph" }>).c === "0").length;
      const sign = exponent < 0 ? "-" : tok.sign === "+" ? "+" : "";
      out += "E" + sign + String(e).padStart(minDigits, "0");
      return;
    }
    if (expAt >= 0 && k > expAt && tok.t === "ph") return;
    switch (tok.t) {
      case "lit":
        out += tok.s;
        break;
      case "pct":
        out += "%";
        break;
      case "dot":
        // With no integer placeholders (".00") Excel still shows the integer part before the point.
        out += (k === dotAt && intPh.length === 0 ? int : "") + ".";
        break;
      case "comma":
        if (commaRole.get(k) === "lit") out += ",";
        break;
      case "ph":
        out += intText.get(k) ?? fracText.get(k) ?? "";
        break;
      default:
        break;
    }
  });
  return out;
}

/** Integer digits laid onto placeholders right to left; the leftmost takes any extra digits. */
function renderInteger(int: string, tokens: Token[], intPh: number[], grouping: boolean): Map<number, string> {
  const out = new Map<number, string>();
  if (intPh.length === 0) return out;
  const minDigits = intPh.filter((k) => (tokens[k] as Extract<Token, { t: "ph" }>).c === "0").length;
  if (grouping) {
    // Grouped integers do not interleave with literals in real formats: show them at the first placeholder.
    let digits = int.padStart(minDigits, "0");
    const qs = intPh.filter((k) => (tokens[k] as Extract<Token, { t: "ph" }>).c === "?").length;
    digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    if (digits.length === 0 && qs > 0) digits = " ";
    intPh.forEach((k, n) => out.set(k, n === 0 ? digits : ""));
    return out;
  }
  let remaining = int;
  for (let n = intPh.length - 1; n >= 0; n--) {
    const k = intPh[n]!;
    const c = (tokens[k] as Extract<Token, { t: "ph" }>).c;
    let text: string;
    if (n === 0) {
      text = remaining;
      remaining = "";
      if (text === "") text = c === "0" ? "0" : c === "?" ? " " : "";
    } else if (remaining.length > 0) {
      text = remaining.slice(-1);
      remaining = remaining.slice(0, -1);
    } else {
      text = c === "0" ? "0" : c === "?" ? " " : "";
    }
    out.set(k, text);
  }
  return out;
}

/** Fraction digits laid onto placeholders left to right; trailing zeros drop at # and blank at ?. */
function renderFraction(frac: string, tokens: Token[], fracPh: number[]): Map<number, string> {
  const out = new Map<number, string>();
  let lastSignificant = -1;
  for (let n = 0; n < frac.length; n++) if (frac[n] !== "0") lastSignificant = n;
  fracPh.forEach((k, n) => {
    const c = (tokens[k] as Extract<Token, { t: "ph" }>).c;
    const d = frac[n] ?? "0";
    if (n > lastSignificant && c !== "0") out.set(k, c === "?" ? " " : "");
    else out.set(k, d);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday, as Excel counts (Excel takes 1 January 1900 to be a Sunday). */
  weekday: number;
}

/** Calendar date of a 1900-system serial's whole-day part, with Excel's 29 February 1900. */
export function serialToDate(serial: number): DateParts {
  const days = Math.floor(serial);
  const weekday = (((days + 6) % 7) + 7) % 7;
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday };
  if (days === 0) return { year: 1900, month: 1, day: 0, weekday };
  const offset = days < 60 ? days : days - 1;
  const d = new Date(Date.UTC(1899, 11, 31) + offset * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday };
}

/** The 1900-system serial of a calendar date (inverse of serialToDate). */
export function dateToSerial(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 31);
  const days = Math.round(ms / 86400000);
  return days >= 60 ? days + 1 : days;
}

function formatDate(serial: number, section: Section): string {
  const fracDigits = section.tokens.reduce((n, tok) => (tok.t === "frac" ? Math.max(n, tok.digits) : n), 0);
  // Excel rounds the time to the precision shown (whole seconds unless fractions are shown).
  const unitsPerSecond = Math.pow(10, fracDigits);
  const unitsPerDay = 86400 * unitsPerSecond;
  const totalUnits = Math.round(serial * unitsPerDay);
  const days = Math.floor(totalUnits / unitsPerDay);
  const rem = totalUnits - days * unitsPerDay;
  const totalSeconds = Math.floor(rem / unitsPerSecond);
  const subUnits = rem - totalSeconds * unitsPerSecond;
  const hour = Math.floor(totalSeconds / 3600);
  const minute = Math.floor((totalSeconds % 3600) / 60);
  const second = totalSeconds % 60;
  const date = serialToDate(days);
  const hasAmPm = section.tokens.some((tok) => tok.t === "date" && (tok.part === "ampm" || tok.part === "ap"));
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const elapsedSeconds = days * 86400 + totalSeconds;
  const pad = (n: number) => String(n).padStart(2, "0");

  let out = "";
  for (const tok of section.tokens) {
    switch (tok.t) {
      case "lit":
        out += tok.s;
        break;
      case "frac":
        out += "." + String(subUnits).padStart(fracDigits, "0").slice(0, tok.digits);
        break;
      case "date":
        switch (tok.part) {
          case "y2":
            out += pad(date.year % 100);
            break;
          case "y4":
            out += String(date.year);
            break;
          case "m":
            out += String(date.month);
            break;
          case "mm":
            out += pad(date.month);
            break;
          case "mmm":
            out += MONTHS[date.month - 1]!.slice(0, 3);
            break;
          case "mmmm":
            out += MONTHS[date.month - 1]!;
            break;
          case "mmmmm":
            out += MONTHS[date.month - 1]!.slice(0, 1);
            break;
          case "d":
            out += String(date.day);
            break;
          case "dd":
            out += pad(date.day);
            break;
          case "ddd":
            out += DAYS[date.weekday]!.slice(0, 3);
            break;
          case "dddd":
            out += DAYS[date.weekday]!;
            break;
          case "h":
            out += String(hasAmPm ? hour12 : hour);
            break;
          case "hh":
            out += pad(hasAmPm ? hour12 : hour);
            break;
          case "min":
            out += String(minute);
            break;
          case "min2":
            out += pad(minute);
            break;
          case "s":
            out += String(second);
            break;
          case "ss":
            out += pad(second);
            break;
          case "elapsedH":
            out += String(Math.floor(elapsedSeconds / 3600)).padStart(tok.raw.length, "0");
            break;
          case "elapsedM":
            out += String(Math.floor(elapsedSeconds / 60)).padStart(tok.raw.length, "0");
            break;
          case "elapsedS":
            out += String(elapsedSeconds).padStart(tok.raw.length, "0");
            break;
          case "ampm":
            out += hour < 12 ? "AM" : "PM";
            break;
          case "ap": {
            const letter = hour < 12 ? tok.raw[0]! : tok.raw[2]!;
            out += letter;
            break;
          }
        }
        break;
      case "pct":
        out += "%";
        break;
      case "comma":
        out += ",";
        break;
      case "dot":
        out += ".";
        break;
      case "ph":
        out += tok.c === "0" ? "0" : "";
        break;
      default:
        break;
    }
  }
  return out;
}
