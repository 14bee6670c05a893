/**
 * A first map of the partnership's indicators to published figures, from the words of their
 * names, for a partnership that has not written one. The Department names its columns in short
 * lower-case words joined by "_" with its own abbreviations ("cpp_rate_per_10000",
 * "rereferrals_percent"); a partnership names its indicators in sentences ("Children subject of
 * a child protection plan (rate per 10,000)"). So both are cut into words, abbreviations spelt
 * out, plurals and unit words set aside, and a published column is suggested for an indicator
 * when the indicator's name has the column's words:
 *
 * - the units must agree (a percentage is never compared with a rate or a count);
 * - a number in the column's name must be in the indicator's ("within 45 days" is not "within 15");
 * - "close": every word of the column's name is in the indicator's; "possible": at least half;
 * - an indicator that fits two columns equally well gets neither: a guess would be silent.
 *
 * Every suggestion is given back with how sure it is, for a warning: nothing is linked silently.
 */
import type { BenchmarkLink, BenchmarkMap, Indicator, Unit } from "../model/model";
import { defaultBreakdown, describeBreakdown, type PublishedColumn } from "./published";

export type Confidence = "close" | "possible";

export interface LinkSuggestion {
  indicatorId: string | null;
  indicator: string;
  file: string;
  column: string;
  breakdown: Record<string, string>;
  confidence: Confidence;
  /** The words the two names share, as the column spells them out. */
  shared: string[];
  score: number;
}

export interface MapSuggestion {
  map: BenchmarkMap;
  suggestions: LinkSuggestion[];
  /** Indicators two or more columns fit equally well, with those columns. */
  ambiguous: { indicatorId: string | null; indicator: string; columns: string[] }[];
  /** Columns that would fit but have several breakdowns and no total to choose. */
  needsBreakdown: { indicatorId: string | null; indicator: string; column: string; file: string }[];
  /** Indicators no column fits. */
  unmatched: { indicatorId: string | null; indicator: string }[];
}

/** The Department's abbreviations in column names, spelt out. */
const ABBREVIATIONS: Record<string, string> = {
  cin: "children in need",
  cpp: "child protection plan",
  cp: "child protection",
  cla: "children looked after",
  lac: "looked after children",
  uasc: "unaccompanied asylum seeking children",
  sgo: "special guardianship order",
  ehcp: "education health care plan",
  ehc: "education health care",
  sen: "special educational needs",
  send: "special educational needs disabilities",
  fsm: "free school meals",
  neet: "not in education employment training",
  sw: "social worker",
  fte: "full time equivalent",
  yr: "year",
  yrs: "years",
  mth: "month",
  mths: "months",
  ae: "accident emergency",
};

/** Words that say nothing about what is counted: joining words, the children every indicator is about, and units. */
const STOP = new Set([
  "a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "and", "or", "as", "from", "into", "who", "which", "that",
  "their", "is", "are", "was", "were", "be", "been", "being", "it", "its", "than", "per",
  "child", "young", "people", "person", "pupil",
  "number", "no", "count", "total", "all", "rate", "percent", "percentage", "pct", "perc", "pc", "proportion", "share",
  "10000", "10k", "1000", "100000",
]);

/** A word's singular: "assessments" → "assessment", "children" → "child", "enquiries" → "enquiry". */
function singular(word: string): string {
  if (word === "children") return "child";
  if (word === "people") return "people";
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/[^s]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The words of a name that say what is counted: lower case, abbreviations spelt out, singular, unit and joining words set aside. */
export function nameWords(name: string): string[] {
  const text = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/&/g, " and ")
    // "re-referrals" is one word, as the Department writes it ("rereferrals").
    .replace(/\bre-(?=[a-z])/g, "re")
    // "10,000" is one number.
    .replace(/(\d),(?=\d{3}\b)/g, "$1");
  const words: string[] = [];
  for (const raw of text.split(/[^a-z0-9]+/)) {
    if (raw === "") continue;
    const spelt = ABBREVIATIONS[raw] ?? raw;
    for (const w of spelt.split(" ")) {
      const one = singular(w);
      if (!STOP.has(one) && !STOP.has(w) && !words.includes(one)) words.push(one);
    }
  }
  return words;
}

const isNumber = (w: string) => /^\d+$/.test(w);

interface Fit {
  column: PublishedColumn;
  shared: string[];
  score: number;
  confidence: Confidence;
}

/** How well a column fits an indicator, or null when it cannot be meant. */
export function fitOf(indicatorWords: readonly string[], unit: Unit | null, column: PublishedColumn): Fit | null {
  if (unit !== null && unit !== column.unit) return null;
  const words = nameWords(column.column);
  if (words.length === 0) return null;
  if (words.some((w) => isNumber(w) && !indicatorWords.includes(w))) return null;
  const shared = words.filter((w) => indicatorWords.includes(w));
  if (shared.length === 0) return null;
  const ofColumn = shared.length / words.length;
  if (ofColumn < 0.5) return null;
  const ofIndicator = shared.length / Math.max(1, indicatorWords.length);
  // Mostly how much of the column's (short) name is in the indicator's; a little for how much of the indicator's it covers.
  const score = 0.75 * ofColumn + 0.25 * ofIndicator;
  return { column, shared, score, confidence: ofColumn === 1 && unit !== null ? "close" : "possible" };
}

const SAME_SCORE = 1e-9;

/** One entry per indicator, whichever agencies report it (the first definition, as a reader takes it). */
function distinctIndicators(indicators: readonly Indicator[]): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const ind of indicators) {
    const key = ind.id !== null ? `id:${ind.id.trim().toLowerCase()}` : `name:${ind.name.trim().replace(/\s+/g, " ").toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ind);
  }
  return out;
}

export function suggestBenchmarkMap(indicators: readonly Indicator[], columns: readonly PublishedColumn[]): MapSuggestion {
  const out: MapSuggestion = { map: { links: [] }, suggestions: [], ambiguous: [], needsBreakdown: [], unmatched: [] };
  const who = (ind: Indicator) => ({ indicatorId: ind.id, indicator: ind.name });
  for (const ind of distinctIndicators(indicators)) {
    const words = nameWords(ind.name);
    const fits = columns.map((c) => fitOf(words, ind.unit, c)).filter((f): f is Fit => f !== null);
    const best = Math.max(-Infinity, ...fits.map((f) => f.score));
    const top = fits.filter((f) => best - f.score < SAME_SCORE);
    const first = top[0];
    if (!first) {
      out.unmatched.push(who(ind));
      continue;
    }
    if (top.length > 1) {
      out.ambiguous.push({ ...who(ind), columns: top.map((f) => `${f.column.column} (${f.column.file})`) });
      continue;
    }
    const breakdown = defaultBreakdown(first.column.breakdowns);
    if (breakdown === null) {
      out.needsBreakdown.push({ ...who(ind), column: first.column.column, file: first.column.file });
      continue;
    }
    const link: BenchmarkLink = { ...(ind.id !== null ? { indicatorId: ind.id } : {}), indicator: ind.name, file: first.column.file, column: first.column.column };
    if (Object.keys(breakdown).length > 0) link.breakdown = breakdown;
    out.map.links.push(link);
    out.suggestions.push({ ...who(ind), file: first.column.file, column: first.column.column, breakdown, confidence: first.confidence, shared: first.shared, score: first.score });
  }
  return out;
}

/** "CSC01 “Re-referrals …”" or the name alone. */
export function indicatorLabel(who: { indicatorId?: string | null; indicator?: string | null }): string {
  const name = who.indicator ? `“${who.indicator}”` : "";
  return [who.indicatorId ?? "", name].filter(Boolean).join(" ");
}

/** One suggestion in words: which indicator, which published figure, and how sure. */
export function describeSuggestion(s: LinkSuggestion): string {
  const where = `${s.column} in ${s.file}${Object.keys(s.breakdown).length > 0 && Object.keys(s.breakdown).length < 3 ? ` (${describeBreakdown(s.breakdown)})` : ""}`;
  const how =
    s.confidence === "close"
      ? `a close match: every word of the published name (${s.shared.join(", ")}) is in yours`
      : `a possible match only: some words of the published name (${s.shared.join(", ")}) are in yours`;
  return `${indicatorLabel(s)} was linked by its name to ${where}, ${how}. Check it, or give a map.`;
}
