/**
 * One indicator cell read as a figure: a number, a duration, a statistics mark, empty, or text
 * nobody told us about. And what a whole column of them is: its unit and its scale.
 */
import type { GridCell } from "../grid/grid";
import type { Unit } from "../model/model";
import { markMeaning, type MarkMeaning } from "./marks";

export type Figure =
  | { kind: "number"; value: number }
  /** Years and months written "01:07" (1 year 7 months), read as months. */
  | { kind: "duration"; months: number }
  | { kind: "mark"; mark: string; meaning: MarkMeaning }
  | { kind: "empty" }
  | { kind: "unknown"; text: string };

const EMPTY: Figure = { kind: "empty" };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DURATION = /^(\d{1,3}):([0-1]?\d)$/;

/** A cell as a figure. A percentage-formatted number (0.875 shown as 87.5%) is 87.5, as the contract says. */
export function readFigure(cell: GridCell): Figure {
  const v = cell.value;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return EMPTY;
    return { kind: "number", value: cell.numberFormat.includes("%") && !cell.numberFormat.includes('"%"') ? v * 100 : v };
  }
  if (cell.error !== undefined) return { kind: "unknown", text: cell.error };
  if (typeof v !== "string") return EMPTY;
  const t = v.trim();
  if (t === "") return EMPTY;
  const meaning = markMeaning(t);
  if (meaning) return { kind: "mark", mark: t, meaning };
  if (NUMBER.test(t)) return { kind: "number", value: Number(t) };
  if (GROUPED.test(t)) return { kind: "number", value: Number(t.replace(/,/g, "")) };
  const pct = /^(.*\d)\s*%$/.exec(t);
  if (pct && NUMBER.test(pct[1]!)) return { kind: "number", value: Number(pct[1]) };
  const d = DURATION.exec(t);
  if (d && Number(d[2]) < 12) return { kind: "duration", months: Number(d[1]) * 12 + Number(d[2]) };
  return { kind: "unknown", text: t };
}

/** What a column's figures are, from its heading's words and from the figures themselves. */
export interface ColumnUnit {
  unit: Unit;
  /** 100 when a percentage column holds fractions (0.245 for 24.5 %); 1 otherwise. */
  scale: number;
  /** The column holds years:months durations, read as months. */
  duration: boolean;
  /** Why the scale is in doubt, when it is (a percentage column of small figures). */
  doubt: "fraction" | "unclear" | null;
}

/** Statistics of a column's figures, gathered in one pass: what unitOf needs. */
export interface ColumnFigures {
  numbers: number;
  durations: number;
  min: number;
  max: number;
  /** Some figure has a second decimal place (0.25, 12.75): fractions are written so, percentages rarely. */
  fineDecimals: boolean;
  /** Some figure is not a whole number. */
  decimals: boolean;
}

export function emptyColumnFigures(): ColumnFigures {
  return { numbers: 0, durations: 0, min: Infinity, max: -Infinity, fineDecimals: false, decimals: false };
}

export function addFigure(stats: ColumnFigures, f: Figure): void {
  if (f.kind === "duration") {
    stats.durations++;
    return;
  }
  if (f.kind !== "number") return;
  const v = f.value;
  stats.numbers++;
  if (v < stats.min) stats.min = v;
  if (v > stats.max) stats.max = v;
  if (!Number.isInteger(v)) {
    stats.decimals = true;
    if (Math.abs(v * 10 - Math.round(v * 10)) > 1e-9) stats.fineDecimals = true;
  }
}

function words(key: string): Set<string> {
  return new Set(key.split("_").filter(Boolean));
}

const PERCENT_WORDS = ["percent", "percentage", "pct", "perc", "proportion", "prop"];
const RATE_WORDS = ["rate", "rates"];
const DAYS_WORDS = ["days", "day"];
/** Measures that are neither counts nor shares: their figures are "other". */
const OTHER_WORDS = ["average", "avg", "mean", "median", "ratio", "score", "index", "fte", "expenditure", "spend", "cost", "costs", "gbp", "pounds", "years", "months", "weeks", "hours", "duration"];
/** The Department's word for a count ends the name ("children_count"), and wins over the others. */
const COUNT_WORDS = ["count", "number", "num", "headcount"];

/**
 * The unit: the heading's words first (DfE names indicators {title}_{data type}: "_count",
 * "_percent", "_rate"), then the figures ("01:07" durations are months; whole numbers with no
 * word to say otherwise are counts; fractional figures with none are "other", since a count
 * is never fractional). A rate per 10,000 is a rate, whatever its figures look like.
 */
export function unitOf(key: string, stats: ColumnFigures): ColumnUnit {
  const w = words(key);
  const has = (list: string[]): boolean => list.some((x) => w.has(x));
  const plain = { scale: 1, duration: false, doubt: null } as const;
  if (stats.durations > 0 && stats.durations >= stats.numbers) return { unit: "other", scale: 1, duration: true, doubt: null };
  if (has(PERCENT_WORDS)) return { unit: "percent", ...percentScale(stats) };
  if (has(RATE_WORDS) || /(^|_)per_\d+(k|000)?(_|$)/.test(key) || /10_?000|10k/.test(key)) return { unit: "rate", ...plain };
  if (has(COUNT_WORDS) && !stats.decimals) return { unit: "count", ...plain };
  if (has(DAYS_WORDS)) return { unit: "days", ...plain };
  if (has(OTHER_WORDS)) return { unit: "other", ...plain };
  return { unit: stats.decimals ? "other" : "count", ...plain };
}

/**
 * A percentage column holds percentages (24.5) or fractions (0.245): decided from the figures.
 * Fractions: every figure between 0 and 1 and some written to two or more decimal places.
 * Every figure at most 1 but none finer than a tenth (0.3, 1) could be either: kept as
 * percentages, with a doubt the reader reports.
 */
function percentScale(stats: ColumnFigures): Pick<ColumnUnit, "scale" | "duration" | "doubt"> {
  if (stats.numbers === 0 || stats.max > 1 || stats.min < 0) return { scale: 1, duration: false, doubt: null };
  if (stats.fineDecimals) return { scale: 100, duration: false, doubt: "fraction" };
  if (stats.max > 0) return { scale: 1, duration: false, doubt: "unclear" };
  return { scale: 1, duration: false, doubt: null };
}
