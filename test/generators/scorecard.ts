/**
 * A realistic quarterly scorecard, generated: indicators down, financial-year quarters across,
 * one section row per agency (as partnerships circulate them), suppression marks where small
 * numbers are withheld. Used by the benchmark (scripts/bench.ts) at growing sizes and by the
 * ingest property tests, which need to know exactly which figures the sheet holds.
 *
 * Plain data only, so both the engine (as a GridWorkbook), the Excel test host (as seeded cells)
 * and ExcelJS (as an .xlsx) can be fed the same sheet.
 */
import type { CellValue, Grid, GridCell, GridWorkbook } from "../../src/core/grid/grid";
import { columnLetters } from "../../src/core/grid/address";

export const SCORECARD_AGENCIES = ["Police", "Health", "Children's Social Care", "Education", "Probation", "Youth Justice", "Housing", "Early Help"] as const;

export type Mark = "*" | "<5" | "n/a" | "c";

export interface ScorecardSpec {
  /** Indicators per agency section. */
  indicatorsPerAgency: number;
  /** Agencies (each gets a section row); 1..SCORECARD_AGENCIES.length. */
  agencies: number;
  /** Quarters across, from Q1 of `firstYear`. */
  quarters: number;
  /** Financial year the first quarter falls in (2024 for 2024/25). */
  firstYear?: number;
  /** Whether each agency's indicators sit under a section row naming it (default true); without, no agency is named. */
  sections?: boolean;
  /** Whether a blank row separates the agency sections. */
  blankRowsBetweenSections?: boolean;
  /**
   * The value of indicator i (0-based, across all agencies) in quarter q: a number, or a
   * suppression mark. By default every figure is a number.
   */
  figure?: (indicator: number, quarter: number) => number | Mark;
}

/** One generated figure, where it sits, and what it should read back as. */
export interface GeneratedFigure {
  sheetCell: string;
  indicatorId: string;
  indicator: string;
  agency: string | null;
  quarterLabel: string;
  start: string;
  end: string;
  figure: number | Mark;
}

export interface GeneratedScorecard {
  /** The sheet as rows of constants (null for an empty cell), from A1. */
  rows: CellValue[][];
  figures: GeneratedFigure[];
}

export const SCORECARD_SHEET = "Scorecard";

const QUARTER_MONTHS = [
  ["04-01", "06-30"],
  ["07-01", "09-30"],
  ["10-01", "12-31"],
  ["01-01", "03-31"],
] as const;

export function quarterOf(firstYear: number, q: number): { label: string; start: string; end: string } {
  const fy = firstYear + Math.floor(q / 4);
  const n = q % 4;
  const months = QUARTER_MONTHS[n]!;
  const calendarYear = n === 3 ? fy + 1 : fy;
  return {
    label: `Q${n + 1} ${fy}/${String((fy + 1) % 100).padStart(2, "0")}`,
    start: `${calendarYear}-${months[0]}`,
    end: `${calendarYear}-${months[1]}`,
  };
}

/** Indicator wording that reads like the real thing and never looks like a period or an agency. */
const MEASURES = [
  "Referrals to children's social care",
  "Children subject to a child protection plan",
  "Initial child protection conferences held within 15 working days (%)",
  "Missing episodes with a return interview offered (%)",
  "Domestic abuse incidents with children present",
  "Staff completing safeguarding training (%)",
  "Average days from strategy discussion to section 47 outcome",
  "Children seen alone during assessment (%)",
];

export function generateScorecard(spec: ScorecardSpec): GeneratedScorecard {
  const firstYear = spec.firstYear ?? 2024;
  const quarters = Array.from({ length: spec.quarters }, (_, q) => quarterOf(firstYear, q));
  const rows: CellValue[][] = [
    [`Safeguarding Children Partnership Scorecard`],
    [],
    ["Ref", "Indicator", "Good is", "Target", ...quarters.map((q) => q.label)],
  ];
  const figures: GeneratedFigure[] = [];
  let indicator = 0;
  for (let a = 0; a < spec.agencies; a++) {
    const agency = SCORECARD_AGENCIES[a % SCORECARD_AGENCIES.length]!;
    if (a > 0 && spec.blankRowsBetweenSections) rows.push([]);
    const sections = spec.sections ?? true;
    if (sections) rows.push([agency]);
    for (let i = 0; i < spec.indicatorsPerAgency; i++, indicator++) {
      const id = `${agency.replace(/[^A-Z]/g, "").slice(0, 2).padEnd(2, "X")}${String(indicator + 1).padStart(4, "0")}`;
      const label = `${MEASURES[indicator % MEASURES.length]} ${indicator + 1}`;
      const row: CellValue[] = [id, label, indicator % 2 === 0 ? "High" : "Low", 50 + (indicator % 40)];
      const rowNumber = rows.length + 1;
      quarters.forEach((q, k) => {
        const figure = spec.figure ? spec.figure(indicator, k) : 10 + ((indicator * 7 + k * 13) % 900) / 10;
        row.push(figure);
        figures.push({
          sheetCell: `${columnLetters(4 + k)}${rowNumber}`,
          indicatorId: id,
          indicator: label,
          agency: sections ? agency : null,
          quarterLabel: q.label,
          start: q.start,
          end: q.end,
          figure,
        });
      });
      rows.push(row);
    }
  }
  return { rows, figures };
}

function gridCell(value: CellValue): GridCell {
  return { value, text: value === null ? "" : String(value), numberFormat: "General" };
}

/** The generated rows as the engine's grid (a dense rectangle from A1). */
export function scorecardGrid(rows: CellValue[][], sheet = SCORECARD_SHEET): Grid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    sheet,
    state: "visible",
    origin: { row: 0, col: 0 },
    rows: rows.map((r) => Array.from({ length: width }, (_, c) => gridCell(r[c] ?? null))),
    merges: [],
  };
}

export function scorecardWorkbook(rows: CellValue[][], file = "scorecard.xlsx"): GridWorkbook {
  return { file, sheets: [scorecardGrid(rows)] };
}

/** A spec giving about `observations` figures: 8 quarters across, 8 agencies. */
export function specForObservations(observations: number): ScorecardSpec {
  const quarters = 8;
  const agencies = Math.min(8, Math.max(1, Math.round(observations / (quarters * 10))));
  const indicatorsPerAgency = Math.max(1, Math.round(observations / (quarters * agencies)));
  return { indicatorsPerAgency, agencies, quarters };
}
