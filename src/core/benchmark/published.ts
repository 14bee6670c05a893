/**
 * What the open-data files publish, as a partnership's indicator can be linked to it: each
 * indicator column of each file, its unit, and the breakdowns it has figures for. A link names
 * the file, the column and (where there are several) the breakdown.
 */
import type { Unit } from "../model/model";
import type { BenchmarkSource } from "./compare";

export interface PublishedColumn {
  file: string;
  /** The indicator column as published ("rereferrals_percent"). */
  column: string;
  unit: Unit;
  /** Each breakdown the column has figures for, once, in the order first seen. */
  breakdowns: Record<string, string>[];
}

export function breakdownKey(b: Record<string, string> | null | undefined): string {
  if (!b) return "";
  return Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join("\u0001");
}

/** "category: Children in need; age: Under 1", or "" for none. */
export function describeBreakdown(b: Record<string, string> | null | undefined): string {
  return Object.entries(b ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
}

/** Every column of every file, in file and column order. One pass over the observations. */
export function publishedColumns(sources: readonly BenchmarkSource[]): PublishedColumn[] {
  const out: PublishedColumn[] = [];
  for (const source of sources) {
    const columns = new Map<string, { column: PublishedColumn; seen: Set<string> }>();
    // The reader shares one breakdown object between rows, so keys are worked out once per object.
    const keys = new Map<object, string>();
    for (const o of source.observations) {
      let entry = columns.get(o.indicator);
      if (!entry) {
        entry = { column: { file: source.file, column: o.indicator, unit: o.unit, breakdowns: [] }, seen: new Set() };
        columns.set(o.indicator, entry);
        out.push(entry.column);
      }
      const b = o.breakdown ?? {};
      let key = keys.get(b);
      if (key === undefined) {
        key = breakdownKey(b);
        keys.set(b, key);
      }
      if (!entry.seen.has(key)) {
        entry.seen.add(key);
        entry.column.breakdowns.push(b);
      }
    }
  }
  return out;
}

/** "Total", "All", "All children", "All ages": a breakdown value that stands for everyone. */
const TOTAL = /^(total|all)\b/i;

/**
 * The breakdown a link means when it names none: the column's only one, else the one whose every
 * value is a total ("Total", "All ..."), else none (the link must say).
 */
export function defaultBreakdown(breakdowns: readonly Record<string, string>[]): Record<string, string> | null {
  if (breakdowns.length === 1) return breakdowns[0] ?? null;
  const totals = breakdowns.filter((b) => Object.values(b).every((v) => TOTAL.test(v.trim())));
  return totals.length === 1 ? (totals[0] ?? null) : null;
}

/** Whether a breakdown has every value a link gives (a link may give only some of the headings). */
export function breakdownFits(wanted: Record<string, string> | undefined, have: Record<string, string>): boolean {
  if (!wanted) return true;
  return Object.entries(wanted).every(([k, v]) => (have[k] ?? "").trim().toLowerCase() === v.trim().toLowerCase());
}

/** A file name as a link gives it, against a file as read: the name alone, case aside (a path is not part of a link). */
export function sameFile(linked: string, file: string): boolean {
  const base = (f: string) => f.replace(/^.*[\\/]/, "").trim().toLowerCase();
  return base(linked) === base(file);
}
