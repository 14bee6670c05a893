/**
 * The gap analysis as sheets (a plan; the adapters write it):
 *   - "Gap Analysis": what the sheet shows in plain words; the area-by-type and area-by-source
 *     counts as a heat map (white for none, green for the most) with a "Gaps" column that says
 *     in words what each area lacks, so that no meaning is carried by colour alone; the balance
 *     of types with a chart; the share of indicators carrying the voice of children, parents and
 *     staff; and the gaps with suggested measures as an Excel table.
 *   - "Placements": every indicator with the area, type and source it was placed in, how sure the
 *     placement is and the catalogue measure it matched, as an Excel table, so an analyst can
 *     check the placements the counts rest on.
 */
import { cellAddress, rangeAddress } from "../grid/address";
import type { Framework, InformationSource, InformationType } from "../model";
import type { CellStyle, ConditionalFormatPlan, PlanValue, SheetPlan, StylePlan } from "../plan/plan";
import { landscapeOnePageWide } from "../plan/print";
import { wrappedRowHeights } from "../plan/units";
import type { AreaResult, GapResult } from "./analysis";
import { SOURCES, SOURCE_LABEL, TYPES, TYPE_LABEL, labelOf } from "./labels";
import type { Confidence } from "./placement";

export const GAP_SHEET = "Gap Analysis";
export const PLACEMENTS_SHEET = "Placements";
export const GAP_TABLE = "GapSuggestions";
export const PLACEMENTS_TABLE = "GapPlacements";

const TITLE_STYLE: CellStyle = { bold: true, size: 14 };
const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2" };
const SECTION_STYLE: CellStyle = { bold: true, size: 12 };
const NOTE_STYLE: CellStyle = { italic: true, fontColor: "#404040" };
/** The heat map's stops: white for the fewest (none), Excel's own green for the most. */
const HEAT_MIN = "#FFFFFF";
const HEAT_MAX = "#63BE7B";
const SHARE_FORMAT = "0.0%";

/** Short headings for the source columns: the full labels are in the notes above the matrix. */
const SOURCE_HEADING: Readonly<Record<InformationSource, string>> = {
  children_parents: "Children and parents",
  frontline_staff: "Frontline staff",
  case_records: "Case records",
  management_information: "Management information",
};

const CONFIDENCE_LABEL: Readonly<Record<Confidence, string>> = {
  stated: "Stated",
  catalogue: "Catalogue match",
  inferred: "Inferred",
  none: "None",
};

/** Matrix columns, zero-based. The wide text column (Gaps) shares column D with the suggestions. */
const M = { area: 0, group: 1, indicators: 2, gaps: 3, priority: 4, firstType: 5 } as const;
const FIRST_SOURCE = M.firstType + TYPES.length;
const LAST_MATRIX_COL = FIRST_SOURCE + SOURCES.length - 1;

/** "a", "a or b", "a, b or c": "or" because each item alone would already be a gap. */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1] ?? ""}`;
}

/** What an area lacks, in words: the text that carries the heat map's meaning without colour. */
export function gapsInWords(area: AreaResult): string {
  if (area.indicators === 0) return "No indicators: every type and every source is missing.";
  const types = area.gaps.flatMap((g) => (g.kind === "type" ? [TYPE_LABEL[g.missing].toLowerCase()] : []));
  const sources = area.gaps.flatMap((g) => (g.kind === "source" ? [SOURCE_HEADING[g.missing].toLowerCase()] : []));
  const parts: string[] = [];
  if (types.length > 0) parts.push(`no ${listInWords(types)} information`);
  if (sources.length > 0) parts.push(`nothing from ${listInWords(sources)}`);
  if (parts.length === 0) return "None: every type and every source is covered.";
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function matrixRow(area: AreaResult): PlanValue[] {
  return [
    area.name,
    area.group,
    area.indicators,
    gapsInWords(area),
    area.priority ? "Priority" : "",
    ...TYPES.map((t) => area.types[t]),
    ...SOURCES.map((s) => area.sources[s]),
  ];
}

function totalRow(result: GapResult): PlanValue[] {
  const sumType = (t: InformationType): number => result.areas.reduce((n, a) => n + a.types[t], 0);
  const sumSource = (s: InformationSource): number => result.areas.reduce((n, a) => n + a.sources[s], 0);
  return ["All areas", "", result.summary.placed, `${result.emptyAreas.length} of ${result.areas.length} areas have no indicators.`, "", ...TYPES.map(sumType), ...SOURCES.map(sumSource)];
}

function gapTableRows(result: GapResult): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const area of result.areas) {
    for (const gap of area.gaps) {
      const kind = gap.kind === "type" ? "Type" : "Source";
      if (gap.suggestions.length === 0) rows.push([area.name, labelOf(gap.missing), kind, "(the framework's catalogue has no example; the partnership could write its own)"]);
      for (const s of gap.suggestions) rows.push([area.name, labelOf(gap.missing), kind, s]);
    }
  }
  return rows;
}

function gapSheet(result: GapResult, framework: Framework): SheetPlan {
  const blocks: SheetPlan["blocks"] = [];
  const styles: StylePlan[] = [];
  const numberFormats: NonNullable<SheetPlan["numberFormats"]> = [];

  const s = result.summary;
  blocks.push({
    at: "A1",
    values: [
      ["Gap analysis: the indicator set against the content-area framework"],
      [
        "How many of the partnership's indicators inform each content area, by type of information (quantity, quality, outcome) and by source. " +
          "Greener cells hold more indicators; white cells hold none. The Gaps column says in words what each area is missing, and the table further down suggests measures from the framework that would fill each gap.",
      ],
      [`Framework: ${framework.name} (version ${framework.version}). ${s.indicators} indicators: ${s.placed} placed in an area, ${s.unclassified} not placed (see the Placements sheet).`],
    ],
  });
  styles.push({ range: "A1", style: TITLE_STYLE }, { range: "A2:A3", style: NOTE_STYLE });

  // The matrix: header on sheet row 6 (index 5), one row per area, then the totals.
  const header = 5;
  const first = header + 1;
  const last = first + result.areas.length - 1;
  const total = last + 1;
  const matrix = result.areas.map(matrixRow);
  blocks.push({
    at: cellAddress(header, 0),
    values: [
      ["Content area", "Group", "Indicators", "Gaps (what is missing)", "Priority", ...TYPES.map((t) => TYPE_LABEL[t]), ...SOURCES.map((x) => SOURCE_HEADING[x])],
      ...matrix,
      totalRow(result),
    ],
  });
  styles.push(
    { range: rangeAddress(header, 0, header, LAST_MATRIX_COL), style: HEADER_STYLE },
    { range: rangeAddress(first, M.gaps, last, M.gaps), style: { wrap: true } },
    { range: rangeAddress(total, 0, total, LAST_MATRIX_COL), style: { bold: true } },
  );
  const conditionalFormats: ConditionalFormatPlan[] = [
    { kind: "colorScale", range: rangeAddress(first, M.firstType, last, FIRST_SOURCE - 1), min: HEAT_MIN, max: HEAT_MAX, priority: 1 },
    { kind: "colorScale", range: rangeAddress(first, FIRST_SOURCE, last, LAST_MATRIX_COL), min: HEAT_MIN, max: HEAT_MAX, priority: 2 },
  ];

  // The balance of types and the voice share.
  const balanceTitle = total + 2;
  const balanceHeader = balanceTitle + 1;
  const typeTotals = TYPES.map((t) => result.areas.reduce((n, a) => n + a.types[t], 0));
  const voiceCount = result.areas.reduce((n, a) => n + a.sources.children_parents + a.sources.frontline_staff, 0);
  blocks.push({
    at: cellAddress(balanceTitle, 0),
    values: [
      ["Balance of types of information (the framework asks, over time, for more outcome and quality information)"],
      ["Type", "Share", "Indicators"],
      ...TYPES.map((t, i) => [TYPE_LABEL[t], result.balance[t], typeTotals[i] ?? 0]),
      ["Voice: from children, parents and carers or frontline staff", result.voiceShare, voiceCount],
    ],
  });
  const voiceRow = balanceHeader + TYPES.length + 1;
  styles.push(
    { range: cellAddress(balanceTitle, 0), style: SECTION_STYLE },
    { range: rangeAddress(balanceHeader, 0, balanceHeader, 2), style: HEADER_STYLE },
    { range: rangeAddress(voiceRow, 0, voiceRow, 2), style: { bold: true } },
  );
  numberFormats.push({ range: rangeAddress(balanceHeader + 1, 1, voiceRow, 1), format: SHARE_FORMAT });

  // Gaps and suggested measures, as an Excel table (an empty one keeps a row so the table is valid).
  const gapsTitle = voiceRow + 2;
  const gapsHeader = gapsTitle + 1;
  const rows = gapTableRows(result);
  const body = rows.length > 0 ? rows : [["(no gaps)", "", "", ""]];
  blocks.push({
    at: cellAddress(gapsTitle, 0),
    values: [["Gaps and suggested measures (from the framework's catalogue, best first)"], ["Area", "Missing", "Kind", "Suggested measure"], ...body],
  });
  styles.push({ range: cellAddress(gapsTitle, 0), style: SECTION_STYLE }, { range: rangeAddress(gapsHeader + 1, 3, gapsHeader + body.length, 3), style: { wrap: true } });

  const widths = [46, 28, 11, 70, 9, 10, 10, 10, 21, 16, 13, 24];
  // The gaps in words and the suggested measures wrap in column D: their rows get the lines they need.
  const wrappedD = (values: readonly PlanValue[][], top: number) =>
    values.map((row, i) => ({ row: top + i, cells: [{ text: typeof row[3] === "string" ? row[3] : "", width: widths[3]! }] }));
  return {
    name: GAP_SHEET,
    blocks,
    styles,
    numberFormats,
    conditionalFormats,
    tables: [{ name: GAP_TABLE, range: rangeAddress(gapsHeader, 0, gapsHeader + body.length, 3), style: "TableStyleMedium2" }],
    charts: [
      {
        kind: "columnClustered",
        title: "Balance of quantity, quality and outcome information",
        source: rangeAddress(balanceHeader, 0, balanceHeader + TYPES.length, 1),
        from: cellAddress(header, LAST_MATRIX_COL + 2),
        to: cellAddress(header + 16, LAST_MATRIX_COL + 9),
      },
    ],
    columnWidths: widths.map((width, col) => ({ col, width })),
    rowHeights: wrappedRowHeights([...wrappedD(matrix, first), ...wrappedD(body, gapsHeader + 1)]),
    freeze: { rows: header + 1, columns: 1 },
    // For the board: the matrix, the balance and its chart, and the gaps, on A3 one page across.
    print: landscapeOnePageWide("A3", 0),
  };
}

const PLACEMENT_HEADINGS = [
  "Indicator ID", "Indicator", "Agency", "Content area", "Sub-area", "Type", "Source", "Confidence", "Score", "Matched measure", "Match score", "Confirmed",
] as const;

function placementsSheet(result: GapResult): SheetPlan {
  const header = 3;
  const rows: PlanValue[][] = result.placements.map((p) => [
    p.indicatorId,
    p.indicator,
    p.agency,
    p.area ?? "(not placed)",
    p.subArea,
    p.type === null ? null : TYPE_LABEL[p.type],
    p.source === null ? null : SOURCE_LABEL[p.source],
    CONFIDENCE_LABEL[p.confidence],
    p.score,
    p.matchedMeasure ?? null,
    p.matchScore ?? null,
    p.confirmed === true ? "Yes" : "",
  ]);
  const body = rows.length > 0 ? rows : [PLACEMENT_HEADINGS.map(() => null)];
  const lastRow = header + body.length;
  return {
    name: PLACEMENTS_SHEET,
    blocks: [
      {
        at: "A1",
        values: [
          ["Placements: where each indicator sits in the framework"],
          [
            "Confidence (the weakest of area, type and source): Stated = the set's own Content area, Type and Source columns, or the analyst's; Catalogue match = the indicator rewords a measure of the framework; " +
              "Inferred = read from keywords and wording, worth checking; None = fits no content area. Score is how sure the area is (0 to 1); Match score is how close the matched measure is.",
          ],
          [],
          [...PLACEMENT_HEADINGS],
          ...body,
        ],
      },
    ],
    styles: [
      { range: "A1", style: TITLE_STYLE },
      { range: "A2", style: NOTE_STYLE },
    ],
    numberFormats: [
      { range: rangeAddress(header + 1, 8, lastRow, 8), format: "0.00" },
      { range: rangeAddress(header + 1, 10, lastRow, 10), format: "0.00" },
    ],
    tables: [{ name: PLACEMENTS_TABLE, range: rangeAddress(header, 0, lastRow, PLACEMENT_HEADINGS.length - 1), style: "TableStyleMedium2" }],
    columnWidths: [13, 60, 24, 40, 34, 11, 28, 16, 8, 60, 12, 11].map((width, col) => ({ col, width })),
    freeze: { rows: header + 1, columns: 2 },
    print: landscapeOnePageWide("A3", header),
  };
}

/** The "Gap Analysis" and "Placements" sheets for a gap analysis. */
export function gapAnalysisPlan(result: GapResult, framework: Framework): SheetPlan[] {
  return [gapSheet(result, framework), placementsSheet(result)];
}
