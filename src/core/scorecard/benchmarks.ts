/**
 * Official statistics on the scorecard: beside each indicator linked to a published figure,
 * England's, the region's and the statistical neighbours' mean (with how many neighbours had a
 * figure and how many were left out), the period they are for, and a plain "better / worse than
 * England"; below the table, the area's published figures against England's over time, each
 * with a line chart.
 *
 * "Against England" is a formula of the row's cells, as the RAG letter is: the latest figure,
 * the polarity and England's figure. Edit the figure or the polarity and the words follow, in
 * Excel or LibreOffice, with or without the add-in. The words carry the meaning; two
 * conditional formats shade them (blue better, orange worse: told apart without red and green,
 * which the RAG column uses), restating the comparison rather than reading the words, so that
 * typing over the words does not change the shade.
 *
 * The trend is a line chart with markers, not an Excel sparkline: Office.js has no API to add
 * sparklines (ExcelApi up to 1.20 and the preview sets have none), and a plan must render the
 * same through Office.js and the file adapter. Each chart's figures are in cells beside it.
 */
import { cellAddress, rangeAddress } from "../grid/address";
import type { ChartPlan, NumberFormatPlan, PlanValue, StylePlan } from "../plan/plan";
import type { IndicatorBenchmark, ScorecardBenchmarks } from "../benchmark/links";
import { describeBreakdown } from "../benchmark/published";
import type { Unit } from "../model";

export const AGAINST_ENGLAND = {
  better: "Better than England",
  worse: "Worse than England",
  same: "Same as England",
  higher: "Higher than England",
  lower: "Lower than England",
} as const;

/** Blue for better, orange for worse: each passes contrast for its text on its fill, and neither is a RAG colour. */
export const AGAINST_STYLES = {
  better: { fill: "#DDEBF7", fontColor: "#1F3864" },
  worse: { fill: "#FCE4D6", fontColor: "#833C0B" },
} as const;

export interface AgainstEnglandRefs {
  latest: string;
  england: string;
  polarity: string;
}

/**
 * The words for the latest figure against England's: better or worse allowing for polarity;
 * without a polarity that says which way is good (none, or a band), higher or lower; "" where
 * either figure is missing.
 */
export function againstEnglandFormula(r: AgainstEnglandRefs): string {
  const { latest: v, england: e, polarity: p } = r;
  const say = (above: string, below: string) => `IF(${v}>${e},"${above}",IF(${v}<${e},"${below}","${AGAINST_ENGLAND.same}"))`;
  const { better, worse, higher, lower } = AGAINST_ENGLAND;
  return `IF(AND(ISNUMBER(${v}),ISNUMBER(${e})),IF(${p}="higher",${say(better, worse)},IF(${p}="lower",${say(worse, better)},${say(higher, lower)})),"")`;
}

/** The same comparison, as a condition true where the words are `which` (for the conditional formats). */
export function againstEnglandCondition(r: AgainstEnglandRefs, which: "better" | "worse"): string {
  return `${againstEnglandFormula(r)}="${AGAINST_ENGLAND[which]}"`;
}

const TREND_FORMATS: Record<Unit, string | null> = { percent: "0.0", rate: "0.0", days: "0.0", count: "#,##0", other: null };

/** Rows a trend chart covers; a block is at least this tall, so charts never overlap. */
export const TREND_CHART_ROWS = 14;
/** The chart starts in this column (D), beside the block's three columns of figures. */
const CHART_LEFT = 3;
const CHART_WIDTH = 6;

export interface TrendBlock {
  benchmark: IndicatorBenchmark;
  /** Zero-based row of the block's title; its heading row (Period, area, England) is the next. */
  row: number;
  /** Rows of figures under the heading row. */
  points: number;
}

export interface TrendSection {
  /** Zero-based first row (the section's title). */
  top: number;
  blocks: TrendBlock[];
  values: { at: string; values: PlanValue[][] }[];
  styles: StylePlan[];
  numberFormats: NumberFormatPlan[];
  charts: ChartPlan[];
  /** Zero-based last row used. */
  bottom: number;
}

/** "CSC01 Re-referrals (%)", or the name alone. */
function label(b: IndicatorBenchmark): string {
  return b.indicatorId ? `${b.indicatorId} ${b.indicator}` : b.indicator;
}

/** Names joined with semicolons, since authorities' names have commas ("Bristol, City of"). */
function inWords(items: readonly string[]): string {
  return items.join("; ");
}

/** What the benchmark columns and the charts are, a line each, for the note above the charts. */
export function benchmarkNote(benchmarks: ScorecardBenchmarks): string[] {
  const a = benchmarks.area;
  const code = a.oldCode ? ` (${a.oldCode}${a.code ? `, ${a.code}` : ""})` : a.code ? ` (${a.code})` : "";
  return [
    `${a.name}${code}; region ${a.region ?? "not given"}${a.subRegion ? ` (${a.subRegion})` : ""}. Official statistics from ${inWords(benchmarks.files)}, at the latest period ${a.name} has.`,
    benchmarks.neighbours.length > 0
      ? `Statistical neighbours (${benchmarks.neighbours.length}): ${inWords(benchmarks.neighbours)}.`
      : "No statistical neighbours: no neighbour list was given, or the area is not in it.",
    "Neighbours' mean: the plain mean of the neighbours with a figure; suppressed (c), low-reliability (u) and unavailable (x) figures are never in it (“Neighbours left out” counts them).",
    "Against England: the latest figure on this sheet beside England's published one, allowing for polarity; it follows any edit to the figure or the polarity.",
  ];
}

const TITLE_STYLE = { bold: true, size: 12 } as const;
const BLOCK_TITLE_STYLE = { bold: true } as const;
const HEADER_STYLE = { bold: true, fill: "#D9E1F2" } as const;
const NOTE_STYLE = { italic: true } as const;

/**
 * The trend section from `top` down: a title, the note, then one block per linked indicator in
 * the order given: the indicator and what it is compared with, a heading row (Period, the area,
 * England), a row per published period, and a line chart beside them.
 */
export function trendSection(benchmarks: ScorecardBenchmarks, linked: readonly IndicatorBenchmark[], top: number): TrendSection {
  const area = benchmarks.area.name;
  const note = benchmarkNote(benchmarks);
  const values: TrendSection["values"] = [{ at: cellAddress(top, 0), values: [[`How ${area} compares with England over time (official statistics)`], ...note.map((line) => [line])] }];
  const styles: StylePlan[] = [
    { range: cellAddress(top, 0), style: TITLE_STYLE },
    { range: rangeAddress(top + 1, 0, top + note.length, 0), style: NOTE_STYLE },
  ];
  const numberFormats: NumberFormatPlan[] = [];
  const charts: ChartPlan[] = [];
  const blocks: TrendBlock[] = [];
  let at = top + note.length + 2;
  for (const b of linked) {
    const points = b.published.trend ?? [];
    const breakdown = describeBreakdown(b.published.breakdown);
    const heading = `${label(b)}: published as ${b.published.indicator}${breakdown ? ` (${breakdown})` : ""} in ${b.file}`;
    values.push({
      at: cellAddress(at, 0),
      values: [[heading, null, null], ["Period", area, "England"], ...points.map((p) => [p.period.label, p.value, p.england])],
    });
    styles.push({ range: cellAddress(at, 0), style: BLOCK_TITLE_STYLE }, { range: rangeAddress(at + 1, 0, at + 1, 2), style: HEADER_STYLE });
    const format = TREND_FORMATS[b.published.unit];
    if (format && points.length > 0) numberFormats.push({ range: rangeAddress(at + 2, 1, at + 1 + points.length, 2), format });
    if (points.length > 0) {
      charts.push({
        kind: "lineMarkers",
        title: `${b.indicatorId ?? b.indicator}: ${area} and England`,
        source: rangeAddress(at + 1, 0, at + 1 + points.length, 2),
        // Under the block's title, so that the title's text is not hidden behind the chart.
        from: cellAddress(at + 1, CHART_LEFT),
        to: cellAddress(at + TREND_CHART_ROWS, CHART_LEFT + CHART_WIDTH - 1),
      });
    }
    blocks.push({ benchmark: b, row: at, points: points.length });
    at += Math.max(TREND_CHART_ROWS + 1, points.length + 2) + 1;
  }
  return { top, blocks, values, styles, numberFormats, charts, bottom: at - 2 };
}

/** "Chart at row 31": where a row's trend is, in the table's Trend column. */
export function trendPointer(block: TrendBlock | undefined): string | null {
  return block ? `Chart at row ${block.row + 1}` : null;
}
