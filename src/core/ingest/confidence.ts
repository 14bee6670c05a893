/**
 * How sure the engine is of a sheet's reading, from evidence in the reading itself rather than
 * from the layout's shape alone. Each test below can only lower the confidence, and each that
 * does says why in words the Import panel shows:
 *
 * - coverage: how many of the table's figures the layout explains (read as observations), against
 *   figures it had to leave out (text where a figure should be, no period, no label, numbers in
 *   columns it could not place);
 * - order: a series (one indicator, agency and area) whose periods run in order, forwards or
 *   backwards, down or across the table; periods jumbled within a series mean the periods were
 *   probably taken from the wrong place;
 * - plausible periods: partnership figures are dated from 1990 on; dates in 1900 are numbers read
 *   as dates;
 * - units: one series, one unit, and percentages between 0 and 100;
 * - indicators that repeat: in a table with a period column, an indicator recurs across periods or
 *   agencies; when nearly every row names a different "indicator", the rows are records;
 * - clashes: the same indicator, agency, area and period given twice with different figures;
 * - totals: where a total row exists, the rows above it add up to it (evidence for), or not
 *   (evidence against).
 *
 * The score starts from the layout detector's own view of the table's shape. The calibration
 * test (test/core/ingest/calibration.test.ts) prints, over every fixture and real file, how often
 * figures read at each confidence were right: that is what a confidence means.
 */
import type { Grid } from "../grid/grid";
import type { Observation, Warning } from "../model/model";
import { isTotalLabel } from "./agencies";
import { FIGURE_ROLES, type SheetLayout } from "./layout";
import { cellText, SheetView } from "./sheet-view";
import { tidy } from "./text";

/** Below this a reading is in doubt: the command line exits 1 and the Import panel opens the sheet's corrections first. */
export const REVIEW_BELOW = 0.8;

export interface ReadingAssessment {
  confidence: number;
  /** Why the confidence is what it is, one short sentence each, worst first. */
  reasons: string[];
}

/**
 * Warnings that mean a figure on the sheet was not read. A column left out as ambiguous is not
 * here: its figures are counted cell by cell as numbers the layout could not place.
 */
const LOST_FIGURE_CODES = new Set(["INGEST_UNPARSED_VALUE", "INGEST_NO_PERIOD", "INGEST_NO_INDICATOR", "INGEST_UNPARSED_PERIOD"]);

interface Factor {
  score: number;
  reason: string;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

function seriesKey(o: Observation): string {
  const base = `${o.indicatorId ?? ""}\u0000${o.indicator}\u0000${o.agency ?? ""}`;
  if (!o.area && !o.breakdown) return base;
  return `${base}\u0000${o.area?.code ?? o.area?.name ?? ""}\u0000${o.breakdown ? JSON.stringify(o.breakdown) : ""}`;
}

/** Numbers in columns the layout could not place: figures the reading did not explain. */
function unplacedNumbers(view: SheetView, layout: SheetLayout): number {
  const o = view.grid.origin;
  let n = 0;
  for (const c of layout.columns) {
    if (c.role !== "ignore") continue;
    const col = c.col - o.col;
    for (let r = layout.firstDataRow - o.row; r <= layout.lastDataRow - o.row; r++) {
      const f = view.figure(r, col);
      if (f.kind === "figure" && f.status === "ok") n++;
    }
  }
  return n;
}

function coverage(view: SheetView, layout: SheetLayout, observations: Observation[], warnings: Warning[]): Factor | null {
  const lost = warnings.filter((w) => LOST_FIGURE_CODES.has(w.code)).length + unplacedNumbers(view, layout);
  if (lost === 0) return null;
  const share = observations.length / (observations.length + lost);
  return { score: 0.5 + 0.5 * share, reason: `${lost} figure${lost === 1 ? "" : "s"} on the sheet could not be placed (${percent(share)} of its figures were read).` };
}

function plausiblePeriods(observations: Observation[]): Factor | null {
  if (observations.length === 0) return null;
  const odd = observations.filter((o) => o.period.start < "1990-01-01" || o.period.start > "2100-01-01").length;
  if (odd === 0) return null;
  const share = odd / observations.length;
  return { score: Math.max(0.1, 1 - share), reason: `${odd} figure${odd === 1 ? " is" : "s are"} dated before 1990, which usually means numbers were read as dates.` };
}

/** With a period column, indicators recur; a different label on nearly every row means records. */
function repetition(layout: SheetLayout, observations: Observation[]): Factor | null {
  if (layout.periodColumn === null || layout.indicatorColumn === null) return null;
  const rows = new Set(observations.map((o) => o.source.cell.replace(/^[A-Z]+/, "")));
  if (rows.size < 20) return null;
  const labels = new Set(observations.map((o) => o.indicator));
  const share = labels.size / rows.size;
  if (share < 0.5) return null;
  return { score: 0.25, reason: `${labels.size} of ${rows.size} rows name a different indicator: the rows look like records, not indicators measured over time.` };
}

/**
 * Along each series (one indicator, agency, area and breakdown), in one pass over the figures:
 * whether its periods run in order, whether it keeps one unit and percentages stay within 0 to
 * 100, and whether a period is given twice with different figures. Series and periods are numbered
 * so that 50,000 figures make no more strings than they already have.
 */
function seriesEvidence(observations: Observation[]): Factor[] {
  const ids = new Map<string, number>();
  const periods = new Map<string, number>();
  const lastEnd: string[] = [];
  const counts: number[] = [];
  const up: number[] = [];
  const down: number[] = [];
  const unit: string[] = [];
  const mixed: boolean[] = [];
  const seen = new Map<number, number | null>();
  let clash = 0;
  let percents = 0;
  let badPercents = 0;
  for (const o of observations) {
    const key = seriesKey(o);
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size));
      lastEnd.push(o.period.end);
      counts.push(1);
      up.push(0);
      down.push(0);
      unit.push(o.unit);
      mixed.push(false);
    } else {
      // By the end of each period: a year-to-date or year column after its quarters ends no earlier than they do.
      const before = lastEnd[id]!;
      if (o.period.end >= before) up[id]!++;
      if (o.period.end <= before) down[id]!++;
      lastEnd[id] = o.period.end;
      counts[id]!++;
      if (unit[id] !== o.unit) mixed[id] = true;
    }
    const pk = o.period.start + o.period.end;
    let p = periods.get(pk);
    if (p === undefined) periods.set(pk, (p = periods.size));
    const k = id * 1_000_003 + p;
    if (!seen.has(k)) seen.set(k, o.value);
    else if (seen.get(k) !== o.value) clash++;
    if (o.unit === "percent" && o.value !== null) {
      percents++;
      if (o.value < -0.5 || o.value > 100.5) badPercents++;
    }
  }
  const factors: Factor[] = [];
  let steps = 0;
  let ordered = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! < 3) continue;
    steps += counts[i]! - 1;
    ordered += Math.max(up[i]!, down[i]!);
  }
  if (steps >= 4 && ordered / steps < 0.9) {
    const share = ordered / steps;
    factors.push({ score: 0.3 + 0.7 * share, reason: `Periods run out of order within ${percent(1 - share)} of the steps along each series.` });
  }
  const mixedSeries = mixed.filter(Boolean).length;
  const unitReasons: string[] = [];
  let unitScore = 1;
  if (mixedSeries > 0) {
    unitScore *= 1 - 0.5 * (mixedSeries / counts.length);
    unitReasons.push(`${mixedSeries} series mix units.`);
  }
  if (badPercents > 0) {
    unitScore *= 1 - 0.6 * (badPercents / percents);
    unitReasons.push(`${badPercents} percentage${badPercents === 1 ? " is" : "s are"} below 0 or above 100.`);
  }
  if (unitReasons.length) factors.push({ score: unitScore, reason: unitReasons.join(" ") });
  if (clash > 0) {
    const share = clash / observations.length;
    factors.push({ score: Math.max(0.1, 1 - 2 * share), reason: `${clash} figure${clash === 1 ? " clashes" : "s clash"} with another for the same indicator and period.` });
  }
  return factors;
}

/**
 * Total rows: a row labelled "Total" (or "All agencies") whose figures equal the sum of the rows
 * above it, back to the heading or the previous total or section, in at least one figure column.
 */
function totals(view: SheetView, layout: SheetLayout): Factor | null {
  const labelCol = layout.indicatorColumn ?? layout.agencyColumn;
  if (labelCol === null) return null;
  const o = view.grid.origin;
  const lc = labelCol - o.col;
  const figureCols = layout.columns.filter((c) => c.role === "value").map((c) => c.col - o.col);
  if (figureCols.length === 0) return null;
  const sections = new Set(layout.sections.map((s) => s.row - o.row));
  let matched = 0;
  let checked = 0;
  let start = layout.firstDataRow - o.row;
  for (let r = start; r <= layout.lastDataRow - o.row; r++) {
    if (sections.has(r)) {
      start = r + 1;
      continue;
    }
    const label = tidy(cellText(view.cell(r, lc)));
    if (!label || !isTotalLabel(label)) continue;
    for (const c of figureCols) {
      const total = view.figure(r, c);
      if (total.kind !== "figure" || total.status !== "ok" || total.value === null || total.percent) continue;
      let sum = 0;
      let parts = 0;
      let complete = true;
      for (let k = start; k < r; k++) {
        const f = view.figure(k, c);
        if (f.kind === "blank") continue;
        if (f.kind !== "figure" || f.status !== "ok" || f.value === null) {
          complete = false;
          break;
        }
        sum += f.value;
        parts++;
      }
      if (!complete || parts < 2) continue;
      checked++;
      if (Math.abs(sum - total.value) <= Math.max(0.5, Math.abs(total.value) * 0.001)) matched++;
    }
    start = r + 1;
  }
  if (checked === 0) return null;
  if (matched === checked) return { score: 1, reason: `The rows add up to their total rows (${checked} checked).` };
  const share = matched / checked;
  return { score: 0.6 + 0.4 * share, reason: `${checked - matched} of ${checked} total rows do not equal the sum of the rows above them.` };
}

/**
 * How sure the shape of a table alone makes a reading, before any figure is read: something names
 * the indicators, the periods come from the headings or a column (the title, or a period given
 * when the file was read, will do), and there are heading rows. Each shortfall says why.
 */
export function shapeConfidence(l: SheetLayout): { score: number; reasons: string[] } {
  if (l.kind === "none") return { score: 0, reasons: ["No table of figures was found."] };
  const figures = l.columns.filter((c) => FIGURE_ROLES.includes(c.role));
  if (figures.length === 0) return { score: 0, reasons: ["No column holds figures."] };
  const reasons: string[] = [];
  let score = 0.4;
  if (l.indicatorColumn !== null || figures.some((c) => c.measure) || (l.areaColumn ?? null) !== null) score += 0.2;
  else reasons.push("Nothing on the sheet names the indicators.");
  const withPeriod = figures.filter((c) => c.period !== null).length;
  if (l.periodColumn !== null || withPeriod === figures.length || l.titlePeriod !== null) score += 0.3;
  else reasons.push("Some figure columns name no period.");
  if (l.headerRows.length > 0) score += 0.1;
  else reasons.push("The table has no heading row.");
  return { score: Math.min(1, Math.round(score * 100) / 100), reasons };
}

/**
 * The confidence of one table's reading, from the layout's own view of its shape and the
 * evidence of what extraction found.
 */
export function assessReading(grid: Grid, layout: SheetLayout, observations: Observation[], warnings: Warning[]): ReadingAssessment {
  const view = new SheetView(grid);
  const factors = [
    coverage(view, layout, observations, warnings),
    ...seriesEvidence(observations),
    plausiblePeriods(observations),
    repetition(layout, observations),
    totals(view, layout),
  ].filter((f): f is Factor => f !== null);
  const shape = shapeConfidence(layout);
  let confidence = shape.score;
  if (observations.length === 0 && layout.columns.some((c) => FIGURE_ROLES.includes(c.role))) {
    confidence = Math.min(confidence, 0.3);
    factors.push({ score: 0.3, reason: "No figure on the sheet could be read." });
  }
  for (const f of factors) confidence *= f.score;
  const reasons = [...shape.reasons, ...factors.filter((f) => f.score < 1).sort((a, b) => a.score - b.score).map((f) => f.reason)];
  const support = factors.filter((f) => f.score >= 1).map((f) => f.reason);
  return { confidence: Math.round(Math.min(1, confidence) * 100) / 100, reasons: [...reasons, ...support] };
}
