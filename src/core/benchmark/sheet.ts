/**
 * The benchmark as a sheet a board can read: a title naming the area, its region and its
 * neighbours, a note on what the columns mean and what was left out, then one row per indicator
 * and breakdown with the area's figure first and each comparator beside it, as an Excel table
 * (filter and sort by indicator). Text that is no figure (a suppressed figure's status) is
 * written in words, never as a number.
 */
import { rangeAddress } from "../grid/address";
import type { ObservationStatus } from "../model/model";
import type { CellStyle, PlanValue, SheetPlan, WorkbookPlan } from "../plan/plan";
import { leftOutTotals, type BenchmarkResult, type BenchmarkRow } from "./compare";

export const BENCHMARK_SHEET = "Benchmark";
export const BENCHMARK_TABLE = "BenchmarkRows";

const TITLE_STYLE: CellStyle = { bold: true, size: 14 };
const NOTE_STYLE: CellStyle = { italic: true, fontColor: "#404040", wrap: false };
const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2", wrap: true };
const AREA_STYLE: CellStyle = { bold: true, fill: "#FFF2CC" };

/** Words for a figure that is not there, with the mark the file gave. */
const STATUS_WORDS: Record<ObservationStatus, string> = {
  ok: "",
  suppressed: "Suppressed",
  missing: "Missing",
  not_applicable: "Not applicable",
  low_reliability: "Low reliability",
  not_available: "Not available",
};

function statusText(row: BenchmarkRow): string {
  if (row.status === "ok") return "";
  return row.mark ? `${STATUS_WORDS[row.status]} (${row.mark})` : STATUS_WORDS[row.status];
}

function breakdownText(b: Record<string, string>): string {
  return Object.entries(b)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
}

const UNIT_WORDS: Record<string, string> = { count: "Count", percent: "%", rate: "Rate", days: "Days", other: "Other" };

function dataRow(r: BenchmarkRow): PlanValue[] {
  return [
    r.indicator,
    breakdownText(r.breakdown),
    r.period.label,
    UNIT_WORDS[r.unit] ?? r.unit,
    r.value,
    statusText(r),
    r.england,
    r.region,
    r.neighbours.mean,
    r.neighbours.count,
    r.neighbours.leftOut,
    r.rank?.position ?? null,
    r.rank?.of ?? null,
    r.rankLeftOut,
  ];
}

/** Semicolons, since authorities' names have commas ("Bristol, City of"). */
function listInWords(items: string[]): string {
  return items.join("; ");
}

export function benchmarkSheet(result: BenchmarkResult, files: string[]): SheetPlan {
  const a = result.area;
  const totals = leftOutTotals(result);
  const regionName = a.region ?? "Region";
  const headings = [
    "Indicator",
    "Breakdown",
    "Period",
    "Unit",
    a.name,
    `${a.name}: status`,
    "England",
    regionName,
    "Neighbours' mean",
    "Neighbours with a figure",
    "Neighbours left out",
    "Rank",
    "Of",
    "Authorities left out of the rank",
  ];
  const top: PlanValue[][] = [
    [`How ${a.name} compares: England, ${a.region ?? "its region"} and its statistical neighbours`],
    [
      `${a.name}${a.oldCode ? ` (${a.oldCode}${a.code ? `, ${a.code}` : ""})` : a.code ? ` (${a.code})` : ""}; region ${a.region ?? "not given"}${a.subRegion ? ` (${a.subRegion})` : ""}. ` +
        (result.neighbours.length > 0 ? `Statistical neighbours (${result.neighbours.length}): ${listInWords(result.neighbours)}.` : "No statistical neighbours (no neighbour list was given, or the area is not in it)."),
    ],
    [
      "Each row is the latest period the area has. The neighbours' mean is the plain mean of the neighbours with a figure; rank 1 is the highest value among local authorities with a figure (whether high is good depends on the indicator). " +
        `Suppressed (c), low-reliability (u) and unavailable (x) figures are never in a mean or a rank: ${totals.neighbours} neighbour figures and ${totals.authorities} authority figures were left out, counted in the "left out" columns.`,
    ],
    [`Source: ${files.join(", ")} (official statistics, as published).`],
  ];
  const header = top.length + 1;
  const body = result.rows.map(dataRow);
  const last = header + body.length;
  const width = headings.length;
  const sheet: SheetPlan = {
    name: BENCHMARK_SHEET,
    blocks: [
      { at: "A1", values: top },
      { at: rangeAddress(header, 0, header, 0), values: [headings, ...body] },
    ],
    styles: [
      { range: "A1", style: TITLE_STYLE },
      { range: rangeAddress(1, 0, top.length - 1, 0), style: NOTE_STYLE },
      { range: rangeAddress(header, 0, header, width - 1), style: HEADER_STYLE },
    ],
    numberFormats: [],
    columnWidths: [34, 34, 20, 8, 12, 18, 12, 14, 14, 12, 12, 8, 8, 14].map((w, col) => ({ col, width: w })),
    freeze: { rows: header + 1, columns: 1 },
  };
  if (body.length > 0) {
    sheet.styles!.push({ range: rangeAddress(header + 1, 4, last, 4), style: AREA_STYLE });
    sheet.numberFormats!.push({ range: rangeAddress(header + 1, 8, last, 8), format: "#,##0.0" });
    sheet.tables = [{ name: BENCHMARK_TABLE, range: rangeAddress(header, 0, last, width - 1), style: "TableStyleMedium2" }];
  }
  return sheet;
}

export function benchmarkPlan(result: BenchmarkResult, files: string[]): WorkbookPlan {
  return { sheets: [benchmarkSheet(result, files)], activeSheet: BENCHMARK_SHEET };
}
