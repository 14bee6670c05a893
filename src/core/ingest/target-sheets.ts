/**
 * A sheet of targets beside the figures: "Targets" with the agencies down and the measures across
 * (or indicators down with a target each), keyed by the same labels as the figures on the other
 * sheets. Its numbers are targets, not observations: they are joined to the figures they belong
 * to, by indicator and agency (and period, where the targets sheet gives one), and the sheet
 * itself gives no observation.
 */
import type { Grid } from "../grid/grid";
import type { Observation, Period, Warning } from "../model/model";
import { extractWithLayout } from "./extract";
import type { SheetLayout } from "./layout";
import type { PeriodReader } from "./period-reader";
import { cleanNumber } from "./values";
import { normalise } from "./text";

export interface TargetEntry {
  indicator: string;
  agency: string | null;
  /** The period the target is for, where the sheet says. */
  period: Period | null;
  value: number;
  sheet: string;
  cell: string;
}

/** A sheet named for its targets ("Targets", "Agency targets") or titled so ("Quarterly targets by partner"). */
export function isTargetTable(layout: SheetLayout): boolean {
  if (layout.targetColumn !== null) return false;
  const lead = /^((quarterly|annual|monthly|agreed|local|partnership|our|the|agency|partner|\d{4}[/-]\d{2,4})\s+){0,2}(targets?|goals?|ambitions?|trajector(y|ies))\b/i;
  if (lead.test(layout.sheet.trim())) return true;
  return (layout.title ?? "").split(" | ").some((line) => lead.test(line.trim()));
}

/** A stand-in period so that extraction reads the targets of a sheet that names none. */
const NO_PERIOD: Period = { start: "1000-01-01", end: "1000-01-01", label: "(no period)" };

/** The targets a target sheet gives, one per figure cell. */
export function readTargets(grid: Grid, layout: SheetLayout, file: string, reader: PeriodReader): TargetEntry[] {
  const readable = layout.titlePeriod === null ? { ...layout, titlePeriod: NO_PERIOD } : layout;
  return extractWithLayout(grid, readable, file, reader).observations
    .filter((o) => o.status === "ok" && o.value !== null)
    .map((o) => ({
      indicator: o.indicator,
      agency: o.agency,
      period: o.period.start === NO_PERIOD.start ? null : o.period,
      value: o.value!,
      sheet: o.source.sheet,
      cell: o.source.cell,
    }));
}

function key(indicator: string, agency: string | null): string {
  return `${normalise(indicator)}\u0000${normalise(agency ?? "")}`;
}

/**
 * Gives each figure without a target of its own the target the target sheets set for its
 * indicator and agency (for its period, where they say). Returns the notes to report: how many
 * figures took a target, and which targets matched no figure.
 */
export function joinTargets(observations: Observation[], entries: TargetEntry[]): Warning[] {
  if (entries.length === 0) return [];
  const byKey = new Map<string, TargetEntry[]>();
  for (const e of entries) {
    const k = key(e.indicator, e.agency);
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const used = new Set<TargetEntry>();
  let joined = 0;
  for (const o of observations) {
    if (o.target !== null) continue;
    const candidates = byKey.get(key(o.indicator, o.agency)) ?? [];
    const entry = candidates.find((e) => e.period !== null && e.period.start <= o.period.start && e.period.end >= o.period.end) ?? candidates.find((e) => e.period === null);
    if (!entry) continue;
    // A target written as a fraction (0.85) beside percentages in percent units (85).
    o.target = o.unit === "percent" && entry.value > 0 && entry.value <= 1 && o.value !== null && o.value > 1 ? cleanNumber(entry.value * 100) : entry.value;
    used.add(entry);
    joined++;
  }
  const sheets = [...new Set(entries.map((e) => e.sheet))];
  const notes: Warning[] = [{
    code: "INGEST_TARGETS_JOINED",
    message: `The targets on ${sheets.map((s) => `sheet "${s}"`).join(" and ")} were joined to ${joined} figure${joined === 1 ? "" : "s"} by indicator and agency; the sheet gives no figures of its own.`,
    sheet: sheets[0] ?? null,
    cell: null,
  }];
  for (const e of entries) {
    if (used.has(e)) continue;
    notes.push({
      code: "INGEST_TARGET_UNMATCHED",
      message: `The target for "${e.indicator}"${e.agency ? ` (${e.agency})` : ""} matches no figure on the other sheets, so it is not used.`,
      sheet: e.sheet,
      cell: e.cell,
    });
  }
  return notes;
}
