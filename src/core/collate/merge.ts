/**
 * Merging the accepted returns' figures so that none is lost and none is counted twice.
 *
 * A figure is keyed by indicator, agency and period (the period by its dates, so "2025/26" and
 * "2025-26" are one period, and returns for different periods never meet). When more than one
 * accepted return gives a figure for the same key:
 * - all give the same figure: it is kept once, from the first file given, and the repeat is
 *   recorded as a duplicate (the same return sent twice, or a corrected return agreeing on it);
 * - any differ: it is a conflict, and NO figure for that key is collated. Choosing one (the
 *   latest file, the first, the larger) would be a guess presented as fact; the secretary asks
 *   the agency which is right and collates again without the wrong file.
 */
import type { Observation, Period } from "../model/model";
import { labelKey } from "../returns/layout";
import type { Conflict, Duplicate } from "./types";

export interface Merged {
  observations: Observation[];
  conflicts: Conflict[];
  duplicates: Duplicate[];
}

function periodKey(p: Period): string {
  return `${p.start}/${p.end}`;
}

/** Whose figure, for when: a return's observations always carry an ID; the label stands in if not. */
export function figureKey(o: Observation): string {
  const what = o.indicatorId !== null ? `id:${labelKey(o.indicatorId)}` : `name:${labelKey(o.indicator)}`;
  return `${what}|${labelKey(o.agency ?? "")}|${periodKey(o.period)}`;
}

/** Equal as figures: a value read from 0.925 shown as a percentage may differ in the last bits. */
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Whether two returns report the same figure: the value, what it is (ok, not available), the
 * answer chosen, and the numerator and denominator behind a percentage (37 of 40 and 74 of 80
 * are both 92.5 %, but they are not the same figures). Commentary is words about the figure, not
 * the figure: it never makes a conflict.
 */
export function sameFigure(a: Observation, b: Observation): boolean {
  return (
    a.status === b.status &&
    (a.mark ?? null) === (b.mark ?? null) &&
    sameNumber(a.value, b.value) &&
    sameNumber(a.numerator, b.numerator) &&
    sameNumber(a.denominator, b.denominator)
  );
}

function conflictOf(group: readonly Observation[]): Conflict {
  const first = group[0]!;
  return {
    indicatorId: first.indicatorId,
    agency: first.agency,
    period: first.period,
    values: group.map((o) => o.value ?? o.mark ?? null),
    files: group.map((o) => o.source.file),
    indicator: first.indicator,
    figures: group.map((o) => ({
      file: o.source.file,
      sheet: o.source.sheet,
      cell: o.source.cell,
      value: o.value,
      status: o.status,
      mark: o.mark ?? null,
      numerator: o.numerator,
      denominator: o.denominator,
    })),
  };
}

/** Groups in the order their first figure was given, each group's figures in the order given. */
function groupByFigure(observations: readonly Observation[]): Observation[][] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = figureKey(o);
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.values()];
}

/**
 * One duplicate per agency, period and set of files, rather than one per figure: the same
 * return sent twice is one thing to note, not one per indicator.
 */
function addDuplicate(byFiles: Map<string, Duplicate>, group: readonly Observation[]): void {
  const first = group[0]!;
  const repeatedIn = [...new Set(group.slice(1).map((o) => o.source.file))];
  const key = `${labelKey(first.agency ?? "")}|${periodKey(first.period)}|${[first.source.file, ...repeatedIn].join("\u0000")}`;
  let dup = byFiles.get(key);
  if (!dup) {
    dup = { agency: first.agency, period: first.period, kept: first.source.file, repeatedIn, indicatorIds: [], commentaryDiffers: [] };
    byFiles.set(key, dup);
  }
  const id = first.indicatorId ?? first.indicator;
  dup.indicatorIds.push(id);
  if (group.some((o) => (o.commentary ?? "") !== (first.commentary ?? ""))) dup.commentaryDiffers.push(id);
}

export function mergeFigures(observations: readonly Observation[]): Merged {
  const kept: Observation[] = [];
  const conflicts: Conflict[] = [];
  const duplicates = new Map<string, Duplicate>();
  for (const group of groupByFigure(observations)) {
    const first = group[0]!;
    if (group.length === 1) kept.push(first);
    else if (group.every((o) => sameFigure(o, first))) {
      kept.push(first);
      addDuplicate(duplicates, group);
    } else conflicts.push(conflictOf(group));
  }
  return { observations: kept, conflicts, duplicates: [...duplicates.values()] };
}
