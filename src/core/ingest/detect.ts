/**
 * Layout detection: grid in, SheetLayout out. The layout is plain data that says where the
 * headings, labels, periods and figures are; extraction (extract.ts) only follows it. An
 * analyst's corrections (overrides.ts) are applied here, so that what depends on them (the
 * headings of every column, say, when the heading rows change) is worked out again.
 */
import type { Grid } from "../grid/grid";
import { columnLetters } from "../grid/address";
import { isGenericSheetName, isNoteText, isTotalLabel, looksLikeAgency } from "./agencies";
import { columnStats, figureShare, headingParts, ID_PATTERN, readColumn, type ColumnInfo } from "./columns";
import { findFrame, isRepeatedHeading, titleText, type TableFrame } from "./headers";
import { FIGURE_ROLES, type AgencySource, type ColumnAttributes, type ColumnLayout, type ColumnRole, type LayoutKind, type SheetLayout } from "./layout";
import type { LayoutOverride } from "./overrides";
import type { PeriodReader } from "./period-reader";
import { defaultPeriodReader, isWeekWords, isWholeYear, weekOf } from "./periods";
import { profileRows, type RowProfile } from "./profile";
import { bandGrid, columnGrid, sideBySide, tableBands } from "./tables";
import { cellText, SheetView } from "./sheet-view";
import { normalise, tidy } from "./text";
import { isUnitWord, polarityFromText, unitFromLabel, unitFromUnitCell } from "./units";
import { markStatus } from "./values";
import type { GridCell } from "../grid/grid";
import { headingRole } from "./roles";
import { readTarget } from "./target";
import { captionAgency, captionMeasure } from "./captions";
import { isAreaColumn } from "./areas";
import { shapeConfidence } from "./confidence";
import { relativePeriod } from "./relative-periods";
import { completePeriod, parsePeriod, parsePeriodFromDates, toPeriod } from "./periods-api";
import type { Period, Unit, Warning } from "../model/model";

/** Detect the layout of a sheet's (first) table. */
export function detectLayout(grid: Grid, override: LayoutOverride = {}, reader: PeriodReader = defaultPeriodReader): SheetLayout {
  return detectLayouts(grid, override, reader)[0]!;
}

/**
 * Detect the layout of every table on a sheet: usually one; several where tables are stacked
 * down the sheet, each with its own headings. A later table without a period in its own title
 * takes the year from the sheet's title, above the first table.
 */
export function detectLayouts(grid: Grid, override: LayoutOverride = {}, reader: PeriodReader = defaultPeriodReader): SheetLayout[] {
  const view = new SheetView(grid);
  // Rows given by the analyst say where the one table is.
  if (override.headerRows || override.firstDataRow !== undefined) return [detectInView(view, override, reader, null)];
  const profiles = profileRows(view);
  const ranges = sideBySide(view, profiles);
  if (ranges.length === 1) return detectStacked(grid, view, profiles, override, reader, null, 0);
  // Tables side by side: each range is read on its own, with the sheet's title (the lines above
  // the first row of tables) for a year its own caption does not give.
  const top = profiles.findIndex((p) => p.filled >= 2);
  const sheetTitle = top > 0 ? titleText(view, [...Array(top).keys()]) : null;
  const layouts: SheetLayout[] = [];
  for (const range of ranges) {
    const part = columnGrid(grid, range.left, range.right);
    const partView = new SheetView(part);
    layouts.push(...detectStacked(part, partView, profileRows(partView), override, reader, sheetTitle, layouts.length, true));
  }
  return layouts;
}

/** The tables stacked down one grid (a sheet, or one of its side-by-side ranges), numbered from `first`. */
function detectStacked(grid: Grid, view: SheetView, profiles: RowProfile[], override: LayoutOverride, reader: PeriodReader, outerTitle: string | null, first: number, partOfSheet = false): SheetLayout[] {
  const bands = tableBands(view, profiles, reader);
  if (bands.length === 1) {
    const layout = detectInView(view, override, reader, outerTitle, partOfSheet);
    layout.table = first;
    return [layout];
  }
  const layouts: SheetLayout[] = [];
  let sheetTitle: string | null = outerTitle;
  bands.forEach((band, i) => {
    const layout = detectInView(new SheetView(bandGrid(grid, band.top, band.bottom)), override, reader, sheetTitle, true);
    layout.table = first + i;
    if (i === 0 && outerTitle === null) sheetTitle = sheetTitleOf(layout.title);
    layouts.push(layout);
  });
  return layouts;
}

/**
 * The sheet's own title, from the title lines above the first of stacked tables: the line
 * nearest that table is its caption ("Table 1: Police, monthly"), which says nothing about the
 * tables below, so it is left out when there are other lines above it.
 */
function sheetTitleOf(title: string | null): string | null {
  if (title === null) return null;
  const lines = title.split(" | ");
  return lines.length > 1 ? lines.slice(0, -1).join(" | ") : title;
}

/** The title line nearest the table: its caption. */
function captionOf(title: string | null): string | null {
  if (title === null) return null;
  const lines = title.split(" | ");
  return lines[lines.length - 1] ?? null;
}

export function detectInView(view: SheetView, override: LayoutOverride, reader: PeriodReader, sheetTitle: string | null = null, stacked = false): SheetLayout {
  const origin = view.grid.origin;
  const profiles = profileRows(view);
  const frame = applyFrameOverride(findFrame(view, profiles, (r, c) => reader.isHeading({ text: tidy(cellText(view.cell(r, c))), cell: view.cell(r, c) })), override, origin.row, view.height);
  if (!frame) return emptyLayout(view, "No row holds a figure beside a label.");

  const ownTitle = titleText(view, frame.titleRows);
  const caption = captionOf(ownTitle);
  // A table's own title first; the sheet's title (above an earlier table) can still give the year.
  const title = sheetTitle && ownTitle !== sheetTitle ? [ownTitle, sheetTitle].filter(Boolean).join(" \u2013 ") : ownTitle;
  const titlePeriod = override.titlePeriod !== undefined ? override.titlePeriod : periodOfTitle(reader, title, view.sheet);
  const attributeRows = findAttributeRows(view, profiles, frame, reader);
  const attributeSet = new Set(attributeRows.map((a) => a.row));
  const dataRows = dataRowsOf(view, profiles, frame).filter((r) => !attributeSet.has(r));
  const parts = headingParts(view, frame.headerRows.filter((r) => !attributeSet.has(r)), reader);
  const infos = parts.map((p, c) => readColumn(c, p, columnStats(view, c, dataRows, reader), reader, title));
  const roles = infos.map((info) => resolveRole(info));
  const notes: string[] = [];
  const warnings: Warning[] = [];

  readFractionTrios(infos, roles);
  readWeeksAcross(infos);
  readRelativePeriods(infos, roles, titlePeriod);
  readOutturnSeries(infos, roles);
  readPeriodParts(infos, roles, titlePeriod !== null);
  const fractionOf = readFractionsByFigures(view, dataRows, infos, roles);

  const colOverride = new Map((override.columns ?? []).map((o) => [o.col - origin.col, o]));
  colOverride.forEach((o, c) => {
    if (o.role && c >= 0 && c < roles.length) roles[c] = o.role;
  });

  const pick = (key: "indicatorColumn" | "idColumn" | "agencyColumn" | "periodColumn", found: number | null): number | null => {
    const o = override[key];
    if (o === undefined) return found;
    return o === null ? null : o - origin.col;
  };
  let indicatorColumn = pick("indicatorColumn", pickIndicatorColumn(infos, roles));
  let agencyColumn = pick("agencyColumn", firstWithRole(roles, "agency"));
  const periodColumn = pick("periodColumn", firstWithRole(roles, "period"));
  // Rows that are places: the areas are read from their column, the other text columns break the
  // figures down, and the measure comes from the headings, the title or the sheet's name.
  const areaColumn = override.indicatorColumn === undefined && override.agencyColumn === undefined
    ? infos.findIndex((info, c) => ["indicator", "agency", "ignore", "id"].includes(roles[c]!) && info.stats.texts + info.stats.figures > 0 && isAreaColumn(view, c, dataRows, info.heading))
    : -1;
  const breakdownColumns: number[] = [];
  if (areaColumn >= 0) {
    roles[areaColumn] = "area";
    if (indicatorColumn === areaColumn) indicatorColumn = null;
    if (agencyColumn === areaColumn) agencyColumn = null;
    roles.forEach((r, c) => {
      if (c === areaColumn || !["indicator", "agency", "ignore"].includes(r)) return;
      const s = infos[c]!.stats;
      if (s.texts > 0 && s.figures === 0) {
        roles[c] = "breakdown";
        breakdownColumns.push(c);
        if (indicatorColumn === c) indicatorColumn = null;
        if (agencyColumn === c) agencyColumn = null;
      }
    });
    notes.push(`The rows are areas (column ${columnLetters(areaColumn + origin.col)}).`);
  } else if (indicatorColumn !== null) {
    // A column beside the measure naming a group of children ("Breakdown", "Age band", "Gender"):
    // each row is the measure for that group, and its Total row is not a figure of its own.
    roles.forEach((r, c) => {
      if (c === indicatorColumn || !["indicator", "agency", "ignore"].includes(r) || colOverride.get(c)?.role) return;
      if (infos[c]!.stats.figures > 0 || !BREAKDOWN_HEADING.test(normalise(infos[c]!.heading))) return;
      roles[c] = "breakdown";
      breakdownColumns.push(c);
      if (agencyColumn === c) agencyColumn = null;
      notes.push(`Column ${columnLetters(c + origin.col)} ("${infos[c]!.heading}") breaks each measure down; its Total rows are left out.`);
    });
  }
  const figureCols = roles.map((r, c) => (FIGURE_ROLES.includes(r) ? c : -1)).filter((c) => c >= 0);
  const anyHeadingPeriod = figureCols.some((c) => periodOf(infos[c]!, colOverride.get(c)) !== null);
  if (override.indicatorColumn === undefined && override.agencyColumn === undefined && periodColumn === null && !anyHeadingPeriod
    && rowsAreAgencies(infos, figureCols, indicatorColumn, agencyColumn)) {
    // A matrix whose row labels are agencies, not all of them known by name: the columns are the measures.
    agencyColumn = indicatorColumn;
    indicatorColumn = null;
    notes.push("The row labels are read as agencies and the column headings as measures.");
  }
  if (override.indicatorColumn === undefined && agencyColumn !== null && indicatorColumn !== null && infos[indicatorColumn]!.named !== "indicator"
    && periodColumn === null && !anyHeadingPeriod && measuresHeadColumns(infos, figureCols)) {
    // A column of agencies (schools, councils) beside figure columns headed by measures, one period
    // for the whole table: the measures are in the headings, and another text column beside the
    // agencies ("Phase", "Type") describes them rather than naming indicators.
    notes.push(`Column ${columnLetters(indicatorColumn + origin.col)} ("${infos[indicatorColumn]!.heading}") describes the agencies; the measures are the column headings.`);
    indicatorColumn = null;
  }
  // Text columns not chosen as the indicator are descriptions or commentary, never figures.
  roles.forEach((r, c) => {
    if (r === "indicator" && c !== indicatorColumn) roles[c] = "ignore";
  });
  if (indicatorColumn !== null) roles[indicatorColumn] = "indicator";
  if (agencyColumn !== null) roles[agencyColumn] = "agency";
  const idColumn = pick("idColumn", firstWithRole(roles, "id"));
  const periodPartColumn = periodColumn === null ? null : roles.findIndex((r, c) => r === "period" && c !== periodColumn);

  const kind: LayoutKind = figureCols.length === 0 ? "none"
    : periodColumn !== null ? (indicatorColumn !== null ? "long" : "periods-down")
    : anyHeadingPeriod ? "wide" : "matrix";

  const measuresAcross = indicatorColumn === null;

  const columns: ColumnLayout[] = infos.map((info, c) => {
    const role = roles[c]!;
    const o = colOverride.get(c);
    const figure = FIGURE_ROLES.includes(role);
    const headAgency = figure ? agencyOfHeading(info) : null;
    let period = figure ? periodOf(info, o) : null;
    let colRole = role;
    if (figure && kind === "wide" && period === null && periodColumn === null) {
      // Beside columns headed by periods, a figure column without one is a total or a note.
      colRole = "ignore";
      const message = `Column ${columnLetters(c + origin.col)} ("${info.heading || "no heading"}") holds figures but its heading names no period, so it is left out.`;
      notes.push(message);
      const headingRow = frame.headerRows[frame.headerRows.length - 1];
      warnings.push({ code: "INGEST_AMBIGUOUS_HEADER", message, sheet: view.sheet, cell: headingRow === undefined ? null : view.address(headingRow, c) });
    }
    if (!figure) period = null;
    const measure = figure && measuresAcross ? measureOf(info, headAgency) : null;
    return {
      col: c + origin.col,
      letter: columnLetters(c + origin.col),
      heading: info.heading,
      role: colRole,
      period: o?.period !== undefined ? o.period : period,
      measure: o?.measure !== undefined ? o.measure : measure,
      agency: o?.agency !== undefined ? o.agency : headAgency,
      unit: (figure ? attributeUnit(view, attributeRows, c) : null) ?? info.unit,
      attributes: figure ? readAttributes(view, attributeRows, c) : {},
    };
  });

  const valueColumns = columns.filter((c) => c.role === "value");
  if (kind === "matrix" && indicatorColumn === null && agencyColumn !== null && valueColumns.length === 1 && caption !== null) {
    // A table of agencies giving one measure, named by its caption ("Attendance at ICPCs by
    // agency, Q2 2025/26"): the caption names the measure better than the column's short heading.
    const named = captionMeasure(caption);
    if (named !== null) {
      valueColumns[0]!.measure = named;
      notes.push(`The measure is named by the caption: ${named}.`);
    }
  }
  fractionOf.forEach((v, c) => {
    const col = columns[c]!;
    const value = columns[v]!;
    // One observation: the fraction's columns carry the percentage's measure, so they group with it.
    col.measure = value.measure;
    col.agency = value.agency;
    col.period = value.period;
  });
  notes.push(...readYearToDate(view, dataRows, infos, columns));
  const labelColumn = indicatorColumn ?? agencyColumn;
  const sections = labelColumn === null ? [] : findSections(view, profiles, dataRows, labelColumn, figureCols[0] ?? view.width);
  if (labelColumn !== null && indicatorColumn !== null && agencyColumn === null) {
    const groups = subtotalSections(view, dataRows, labelColumn, columns.filter((c) => c.role === "value").map((c) => c.col - origin.col));
    if (groups.length) {
      sections.push(...groups);
      sections.sort((a, b) => a.row - b.row);
      notes.push(`Rows naming an agency and holding the sums of the rows under them (${groups.map((g) => g.label).join(", ")}) are read as the agency of those rows, not as figures.`);
    }
  }
  // A stacked table's caption names its agency ("Table 1: Police, monthly"); a single table's
  // title is not read so, since titles mention agencies without belonging to them.
  const captionAgencyName = stacked && caption !== null ? captionAgency(caption) : null;
  // One of several tables on a sheet belongs to the agency its own caption names before any the
  // sheet's name does ("Police" over the left table of a tab named "Police and Health").
  const sheetAgency = override.sheetAgency !== undefined ? override.sheetAgency
    : stacked ? agencyOfTitle(ownTitle) ?? captionAgencyName ?? agencyOfSheet(view.sheet, sheetTitle)
    : agencyOfSheet(view.sheet, ownTitle) ?? captionAgencyName ?? agencyOfSheet(view.sheet, sheetTitle);

  const agencySource: AgencySource = columns.some((c) => c.agency !== null || c.attributes.agency !== undefined) ? "column-heading"
    : agencyColumn !== null ? (indicatorColumn === null ? "row-label" : "column")
    : sections.some((s) => s.agency !== null) ? "section"
    : sheetAgency !== null ? (override.sheetAgency !== undefined || looksLikeAgency(view.sheet) ? "sheet" : "title")
    : "none";

  const tableMeasure = areaColumn >= 0 && indicatorColumn === null && !columns.some((c) => FIGURE_ROLES.includes(c.role) && c.measure !== null)
    ? measureOfTitle(caption, view.sheet)
    : null;
  const layout: SheetLayout = {
    sheet: view.sheet,
    table: 0,
    kind,
    areaColumn: areaColumn >= 0 ? areaColumn + origin.col : null,
    breakdownColumns: breakdownColumns.map((c) => c + origin.col),
    tableMeasure,
    headerRows: frame.headerRows.map((r) => r + origin.row),
    firstDataRow: frame.firstDataRow + origin.row,
    lastDataRow: frame.lastDataRow + origin.row,
    indicatorColumn: abs(indicatorColumn, origin.col),
    idColumn: abs(idColumn, origin.col),
    agencyColumn: abs(agencyColumn, origin.col),
    periodColumn: abs(periodColumn, origin.col),
    periodPartColumn: abs(periodPartColumn !== null && periodPartColumn >= 0 ? periodPartColumn : null, origin.col),
    polarityColumn: abs(firstWithRole(roles, "polarity"), origin.col),
    targetColumn: abs(firstWithRole(roles, "target"), origin.col),
    unitColumn: abs(firstWithRole(roles, "unit"), origin.col),
    statusColumn: abs(firstWithRole(roles, "status"), origin.col),
    columns,
    agencySource,
    sheetAgency,
    titlePeriod,
    title,
    sections: sections.map((s) => ({ ...s, row: s.row + origin.row })),
    attributeRows: attributeRows.map((a) => ({ ...a, row: a.row + origin.row })),
    confidence: 0,
    notes,
    warnings,
  };
  layout.confidence = shapeConfidence(layout).score;
  layout.notes = [...describe(layout), ...notes];
  return layout;
}

const ATTRIBUTE_ROLES: readonly ColumnRole[] = ["id", "agency", "polarity", "target", "unit", "outturn"];

/**
 * Rows that describe the columns below or above them rather than measure anything: a transposed
 * scorecard's "Ref", "Good is", "Target", "Unit" and "Agency" rows, labelled at the table's left
 * edge, with one entry per indicator column. A "2024/25 outturn" row above quarters is last
 * year's reference figure, as the same heading is across the columns (readOutturnSeries).
 */
function findAttributeRows(view: SheetView, profiles: RowProfile[], frame: TableFrame, reader: PeriodReader): { row: number; role: ColumnRole }[] {
  const left = profiles[frame.firstDataRow]?.firstCol ?? 0;
  const out: { row: number; role: ColumnRole }[] = [];
  const rows = [...frame.headerRows];
  for (let r = frame.firstDataRow; r <= frame.lastDataRow; r++) rows.push(r);
  for (const r of rows) {
    const p = profiles[r];
    if (!p || p.filled < 2 || p.firstCol !== left) continue;
    const role = headingRole(tidy(cellText(view.cell(r, left))));
    if (role === null || !ATTRIBUTE_ROLES.includes(role)) continue;
    // The heading row itself ("Indicator ID | Indicator | Agency") names roles across: not an attribute row.
    // And the entries must be what the label says: IDs, agencies, polarities, targets or units
    // ("Agency" over measure names is a matrix's heading row, not a row of agencies).
    let headings = 0;
    let fitting = 0;
    let entries = 0;
    for (let c = left + 1; c <= p.lastCol; c++) {
      const cell = view.cell(r, c);
      const text = tidy(cellText(cell));
      if (!text) continue;
      entries++;
      // An entry that is what the label says ("No." in a Unit row) is not a heading, whatever else it could name.
      if (fitsAttribute(role, text, cell)) fitting++;
      else if (headingRole(text) !== null) headings++;
    }
    if (headings === 0 && entries > 0 && fitting >= 0.6 * entries) out.push({ row: r, role });
  }
  if (out.some((a) => a.role === "outturn") && labelsAreWholeYears(view, profiles, frame, left, reader)) {
    // Beside whole years ("2022/23", "2023/24"), "2024/25 outturn" is one more year of the series.
    return out.filter((a) => a.role !== "outturn");
  }
  return out;
}

/**
 * Whether the period labels at the table's left edge are all whole years. Sampled: the first
 * rows that read as periods are enough to tell years from quarters or months.
 */
function labelsAreWholeYears(view: SheetView, profiles: RowProfile[], frame: TableFrame, left: number, reader: PeriodReader): boolean {
  let seen = 0;
  for (let r = frame.firstDataRow; r <= frame.lastDataRow && seen < 12; r++) {
    if ((profiles[r]?.filled ?? 0) === 0) continue;
    const cell = view.cell(r, left);
    const text = tidy(cellText(cell));
    if (!text || headingRole(text) !== null || !reader.isHeading({ text, cell })) continue;
    seen++;
    const p = reader.ofCell([{ text, cell }], null);
    if (!p || !isWholeYear(p)) return false;
  }
  return seen > 0;
}

function fitsAttribute(role: ColumnRole, text: string, cell: GridCell): boolean {
  switch (role) {
    case "id":
      return ID_PATTERN.test(text);
    case "agency":
      return looksLikeAgency(text);
    case "polarity":
      return polarityFromText(text) !== null || /^(n\/a|na|-|none|neutral)$/i.test(text);
    case "target":
      return readTarget(cell) !== null || markStatus(text) !== null;
    case "unit":
      return isUnitWord(text);
    case "outturn":
      return readTarget(cell) !== null || markStatus(text) !== null;
    default:
      return false;
  }
}

function attributeText(view: SheetView, rows: { row: number; role: ColumnRole }[], role: ColumnRole, col: number): string | null {
  const a = rows.find((x) => x.role === role);
  if (!a) return null;
  const t = tidy(cellText(view.merged(a.row, col)));
  return t === "" ? null : t;
}

function attributeUnit(view: SheetView, rows: { row: number; role: ColumnRole }[], col: number): Unit | null {
  const t = attributeText(view, rows, "unit", col);
  return t === null ? null : unitFromUnitCell(t);
}

/** The ID, agency, polarity and target an attribute row gives a figure column. */
function readAttributes(view: SheetView, rows: { row: number; role: ColumnRole }[], col: number): ColumnAttributes {
  const out: ColumnAttributes = {};
  const id = attributeText(view, rows, "id", col);
  if (id !== null) out.indicatorId = id;
  const agency = attributeText(view, rows, "agency", col);
  if (agency !== null) out.agency = agency;
  const polarity = attributeText(view, rows, "polarity", col);
  if (polarity !== null) out.polarity = polarityFromText(polarity);
  const targetRow = rows.find((x) => x.role === "target");
  if (targetRow) {
    const target = readTarget(view.merged(targetRow.row, col));
    if (target) {
      out.target = target.value;
      if (out.polarity === undefined || out.polarity === null) out.polarity = target.polarity;
    }
  }
  return out;
}

/**
 * A year-to-date column ("YTD", "Year to date", "2025/26 YTD") beside months or quarters: an
 * observation for the financial year from April to the end of the latest period in the table
 * that has figures (a digest whose September is not yet in runs to August). A column whose
 * heading names its own end ("YTD Q2", "YTD Aug 2025") is read as written by the period parser.
 */
function readYearToDate(view: SheetView, rows: number[], infos: ColumnInfo[], columns: ColumnLayout[]): string[] {
  const notes: string[] = [];
  const o = view.grid.origin;
  const dated = columns.filter((c) => c.role === "value" && c.period !== null && hasFigures(view, rows, c.col - o.col));
  for (const c of columns) {
    if (c.period !== null || (c.role !== "total" && c.role !== "ignore" && c.role !== "value")) continue;
    const info = infos[c.col - o.col]!;
    const partial = info.parts.map((p) => parsePeriod(p.cell)).find((p) => p !== null && !p.complete && p.kind === "yearToDate");
    if (!partial) continue;
    // Under a year band ("2023/24" over Q1..Q4, YTD), only that year's columns say where it ends.
    const band = info.parts.map((p) => parsePeriod(p.cell)).find((p) => p !== null && p.complete && (p.kind === "financialYear" || p.kind === "calendarYear"));
    const inBand = (d: ColumnLayout): boolean => !band || !band.complete || (d.period!.start >= band.start && d.period!.end <= band.end);
    const latest = dated.filter((d) => d.measure === c.measure && d.agency === c.agency && inBand(d)).reduce<ColumnLayout | null>((a, d) => (a === null || d.period!.end > a.period!.end ? d : a), null);
    if (latest === null) continue;
    const anchor = parsePeriodFromDates(latest.period!.start, latest.period!.end);
    const completed = anchor ? completePeriod(partial, anchor) : null;
    if (completed === null || !completed.complete) continue;
    c.role = "value";
    c.period = toPeriod(completed);
    notes.push(`Column ${c.letter} is the year to date: ${c.period.label}, to the latest period with figures.`);
  }
  return notes;
}

function hasFigures(view: SheetView, rows: number[], col: number): boolean {
  return rows.some((r) => view.figure(r, col).kind === "figure");
}

/**
 * What a table of areas measures, where its headings are periods only: its caption, else the
 * sheet's name when that is more than "Sheet1"; null when neither says (extraction then takes the
 * file's name and says so).
 */
function measureOfTitle(caption: string | null, sheet: string): string | null {
  if (caption !== null && /[a-z]/i.test(caption)) return caption;
  return isGenericSheetName(sheet) ? null : tidy(sheet);
}

function abs(col: number | null, originCol: number): number | null {
  return col === null ? null : col + originCol;
}

function emptyLayout(view: SheetView, why: string): SheetLayout {
  return {
    sheet: view.sheet, table: 0, kind: "none", headerRows: [], firstDataRow: view.grid.origin.row, lastDataRow: view.grid.origin.row - 1,
    indicatorColumn: null, idColumn: null, agencyColumn: null, periodColumn: null, periodPartColumn: null,
    polarityColumn: null, targetColumn: null, unitColumn: null, statusColumn: null, columns: [], agencySource: "none", sheetAgency: null,
    titlePeriod: null, title: null, sections: [], attributeRows: [], confidence: 0, notes: [why], warnings: [],
  };
}

function applyFrameOverride(frame: TableFrame | null, o: LayoutOverride, originRow: number, height: number): TableFrame | null {
  if (!o.headerRows && o.firstDataRow === undefined && o.lastDataRow === undefined) return frame;
  const headerRows = o.headerRows ? o.headerRows.map((r) => r - originRow) : frame?.headerRows ?? [];
  const first = o.firstDataRow !== undefined ? o.firstDataRow - originRow : frame?.firstDataRow ?? (headerRows.length ? Math.max(...headerRows) + 1 : 0);
  const last = o.lastDataRow !== undefined ? o.lastDataRow - originRow : frame?.lastDataRow ?? height - 1;
  const top = headerRows.length ? Math.min(...headerRows) : first;
  const titleRows = (frame?.titleRows ?? []).filter((r) => r < top);
  return { titleRows, headerRows, firstDataRow: first, lastDataRow: Math.min(last, height - 1) };
}

function dataRowsOf(view: SheetView, profiles: RowProfile[], frame: TableFrame): number[] {
  const headingTexts = new Set<string>();
  for (const r of frame.headerRows) for (let c = 0; c < view.width; c++) {
    const t = normalise(cellText(view.cell(r, c)));
    if (t) headingTexts.add(t);
  }
  const rows: number[] = [];
  for (let r = frame.firstDataRow; r <= frame.lastDataRow; r++) {
    const p = profiles[r];
    if (!p || p.filled === 0) continue;
    if (isRepeatedHeading(view, r, p, headingTexts)) continue;
    rows.push(r);
  }
  return rows;
}

function periodOfTitle(reader: PeriodReader, title: string | null, sheet: string): Period | null {
  return (title ? reader.inText(title) : null) ?? reader.inText(sheet);
}

/** What a column holds, from its heading where the heading says, else from its cells. */
export function resolveRole(info: ColumnInfo): ColumnRole {
  const s = info.stats;
  const nonBlank = s.figures + s.marks + s.texts;
  const figures = figureShare(s);
  if (info.named === "value" || info.named === "numerator" || info.named === "denominator") {
    if (nonBlank === 0 || figures >= 0.5) return info.named;
    return s.periods >= 0.6 * nonBlank ? "period" : "ignore";
  }
  // A "Measure" column holding "%" and "No." is a unit column, whatever its heading says.
  if (s.texts >= 2 && s.units >= 0.8 * nonBlank && (info.named === null || info.named === "indicator")) return "unit";
  // Periods down a column headed "Indicator" (the label of a transposed table's name row) are periods.
  if (info.named === "indicator" && s.texts >= 2 && s.periods >= 0.6 * nonBlank) return "period";
  // A "Status" column of "ok" and "suppressed" says what a blank figure means; RAG letters it is not.
  if ((info.named === "rag" || info.named === null) && s.texts >= 2 && s.statuses >= 0.8 * nonBlank && /status|flag|marker/i.test(info.heading)) return "status";
  // "Q1 total" after three months' columns is the quarter's figure: a total whose heading names
  // its quarter or month is an observation for that period ("Total", a year's total, a year to
  // date are not: the year's figure is the sum of what the sheet already gives).
  if (info.named === "total" && info.period !== null && !isWholeYear(info.period) && figures >= 0.5 && !/\b(ytd|year to date|cumulative|rolling|forecast|projected|projection|full year|year end)\b/i.test(info.heading)) return "value";
  // "Measure type" is a unit ("Number", "%") in some workbooks and the framework's kind of
  // information ("Quantity", "Quality", "Outcome") in others: a unit column only if its words are units.
  if (info.named === "unit" && s.texts >= 2 && s.units < 0.5 * s.texts) return "ignore";
  if (info.named !== null) return info.named;
  if (info.period !== null) return "value";
  if (nonBlank === 0) return "ignore";
  if (s.periods >= 0.6 * nonBlank) return "period";
  if (figures >= 0.6) return "value";
  const avgLength = s.texts ? s.textLength / s.texts : 0;
  if (s.ids >= 0.6 * s.texts && avgLength <= 12) return "id";
  if (s.polarities >= 0.6 * s.texts) return "polarity";
  if (s.rags >= 0.6 * s.texts) return "rag";
  if (s.agencies >= 0.6 * s.texts) return "agency";
  return avgLength >= 3 ? "indicator" : "ignore";
}

/**
 * Whether the labels down the rows of a one-period table are agencies: the label column was
 * chosen for its text, not its heading, and every figure column is headed by a measure.
 */
function rowsAreAgencies(infos: ColumnInfo[], figureCols: number[], indicatorColumn: number | null, agencyColumn: number | null): boolean {
  if (indicatorColumn === null || agencyColumn !== null || infos[indicatorColumn]!.named === "indicator") return false;
  if (figureCols.length < 2) return false;
  return figureCols.every((c) => {
    const info = infos[c]!;
    return info.named === null && info.rest.length > 0 && agencyOfHeading(info) === null;
  });
}

/** Whether every figure column is headed by the name of a measure (and no agency). */
function measuresHeadColumns(infos: ColumnInfo[], figureCols: number[]): boolean {
  return figureCols.length >= 1 && figureCols.every((c) => {
    const info = infos[c]!;
    return info.rest.length > 0 && agencyOfHeading(info) === null && (info.named === null || info.named === "value");
  });
}

/**
 * Under a band naming a measure, three columns headed, say, "Within 15 days", "All ICPCs" and
 * "%": the percentage is the observation, and the two unnamed columns before it are its
 * numerator and denominator, in that order. The sub-headings are not part of the measure's name.
 */
function readFractionTrios(infos: ColumnInfo[], roles: ColumnRole[]): void {
  let c = 0;
  while (c < infos.length) {
    const info = infos[c]!;
    if (info.parts.length < 2 || !FIGURE_ROLES.includes(roles[c]!)) {
      c++;
      continue;
    }
    const band = bandKey(info);
    let end = c;
    while (end + 1 < infos.length && FIGURE_ROLES.includes(roles[end + 1]!) && infos[end + 1]!.parts.length >= 2 && bandKey(infos[end + 1]!) === band) end++;
    const members = infos.slice(c, end + 1);
    const percent = members.filter((m) => m.named === "value" && isPercentHeading(lowest(m)));
    const unnamed = members.filter((m) => m.named === null);
    if (members.length === 3 && percent.length === 1 && unnamed.length === 2 && members[2] === percent[0]) {
      roles[unnamed[0]!.col] = "numerator";
      roles[unnamed[1]!.col] = "denominator";
      for (const m of unnamed) m.rest = m.rest.filter((r) => r !== lowest(m));
    }
    c = end + 1;
  }
}

/**
 * A period split over two columns down the rows: a year column (often merged down over its
 * quarters) beside a column of "Q1".."Q4" or months that lack their year. The finer column is
 * a period column too, whatever its heading says ("Indicator" over the quarters of a transposed
 * scorecard), so extraction reads the two together like a stacked heading. With no year column,
 * a title that names the year completes it.
 */
function readPeriodParts(infos: ColumnInfo[], roles: ColumnRole[], titleHasPeriod: boolean): void {
  const hasPeriodColumn = roles.includes("period");
  if (!hasPeriodColumn && !titleHasPeriod) return;
  for (const info of infos) {
    const role = roles[info.col]!;
    if (role !== "indicator" && role !== "ignore") continue;
    if (info.named !== null && info.named !== "indicator" && info.named !== "period") continue;
    const s = info.stats;
    const nonBlank = s.figures + s.marks + s.texts;
    if (s.partials >= 2 && s.partials + s.periods >= 0.6 * nonBlank) {
      roles[info.col] = "period";
      return;
    }
  }
}

/**
 * Two count columns before a percentage column ("Invited", "Attended", "Attendance (%)") whose
 * figures are, row by row, one over the other: they are the percentage's numerator and
 * denominator, in whichever order the figures say. Returns each such column's percentage column.
 */
function readFractionsByFigures(view: SheetView, rows: number[], infos: ColumnInfo[], roles: ColumnRole[]): Map<number, number> {
  const partners = new Map<number, number>();
  for (let v = 2; v < infos.length; v++) {
    const a = v - 2;
    const b = v - 1;
    if (roles[v] !== "value" || roles[a] !== "value" || roles[b] !== "value") continue;
    const info = infos[v]!;
    if (info.unit !== "percent" && !isPercentHeading(lowest(info))) continue;
    if (infos[a]!.unit === "percent" || infos[b]!.unit === "percent" || !samePeriod(infos[a]!, info) || !samePeriod(infos[b]!, info)) continue;
    let checked = 0;
    let aOverB = 0;
    let bOverA = 0;
    for (const r of rows) {
      const x = okNumber(view, r, a);
      const y = okNumber(view, r, b);
      const p = okNumber(view, r, v);
      if (x === null || y === null || p === null) continue;
      checked++;
      if (y !== 0 && isRatio(p, x / y)) aOverB++;
      if (x !== 0 && isRatio(p, y / x)) bOverA++;
    }
    if (checked < 2) continue;
    const [num, den] = aOverB === checked ? [a, b] : bOverA === checked ? [b, a] : [null, null];
    if (num === null || den === null) continue;
    roles[num] = "numerator";
    roles[den] = "denominator";
    partners.set(num, v);
    partners.set(den, v);
    v += 2;
  }
  return partners;
}

function okNumber(view: SheetView, row: number, col: number): number | null {
  const f = view.figure(row, col);
  return f.kind === "figure" && f.status === "ok" ? f.value : null;
}

/** A shown percentage (87.5, rounded as published) or a fraction (0.875) that is this ratio. */
function isRatio(shown: number, ratio: number): boolean {
  return Math.abs(shown - ratio * 100) <= 0.051 || Math.abs(shown - ratio) <= 0.00051;
}

function samePeriod(a: ColumnInfo, b: ColumnInfo): boolean {
  return a.period?.start === b.period?.start && a.period?.end === b.period?.end;
}

function bandKey(info: ColumnInfo): string {
  return info.parts.slice(0, -1).map((p) => p.text).join("\u0000");
}

function lowest(info: ColumnInfo): string {
  return info.parts[info.parts.length - 1]?.text ?? "";
}

function isPercentHeading(text: string): boolean {
  return /^(%|percent|percentage|rate|% rate|proportion)$/i.test(text.trim());
}

/** Headings of a column that names the group of children a row counts. */
const BREAKDOWN_HEADING = /^(breakdown|breakdowns|age|age band|age bands|age group|age range|gender|sex|ethnicity|ethnic group|category|sub-?group|sub-?category|disaggregation|split by|cohort group)$/;

/**
 * "Week commencing" heading the label column, real dates heading the columns beside it: the row
 * of headings says that each date is a week, not the month it falls in.
 */
function readWeeksAcross(infos: ColumnInfo[]): void {
  const lowest = (info: ColumnInfo) => info.parts[info.parts.length - 1];
  const words = infos.map(lowest).find((p) => p !== undefined && isWeekWords(p.text));
  if (!words) return;
  for (const info of infos) {
    const part = lowest(info);
    if (!part || part === words || info.period === null) continue;
    const week = weekOf([words, part]);
    if (week) info.period = week;
  }
}

/**
 * "Last quarter" and "Same quarter last year" beside "This quarter", under a title naming the
 * quarter: each heading's period counted back from the title's, so their figures are read as the
 * quarters they are (they were reference figures with no period, and left out).
 */
function readRelativePeriods(infos: ColumnInfo[], roles: ColumnRole[], titlePeriod: Period | null): void {
  if (!titlePeriod) return;
  for (const info of infos) {
    if (info.period !== null || !["value", "outturn"].includes(roles[info.col]!)) continue;
    const lowest = info.parts[info.parts.length - 1];
    const period = lowest ? relativePeriod(lowest.text, titlePeriod) : null;
    if (period) info.period = period;
  }
}

/**
 * An outturn whose heading names its year ("2024/25 outturn", "Outturn 2023-24") is that year's
 * figure, beside whole years or beside this year's quarters alike. One that names no year ("Last
 * year", "Baseline") stays a reference figure: its period cannot be told.
 */
function readOutturnSeries(infos: ColumnInfo[], roles: ColumnRole[]): void {
  for (const o of infos) if (roles[o.col] === "outturn" && o.period !== null) roles[o.col] = "value";
}

function firstWithRole(roles: ColumnRole[], role: ColumnRole): number | null {
  const i = roles.indexOf(role);
  return i < 0 ? null : i;
}

/**
 * The indicator column: one whose heading says so, else the text column with the longest labels
 * to the left of the first figure column (labels sit left of their figures).
 */
function pickIndicatorColumn(infos: ColumnInfo[], roles: ColumnRole[]): number | null {
  const named = infos.filter((i) => i.named === "indicator" && roles[i.col] === "indicator" && i.stats.texts > 0);
  if (named.length) return named.reduce((a, b) => (b.stats.texts > a.stats.texts ? b : a)).col;
  const firstFigure = roles.findIndex((r) => FIGURE_ROLES.includes(r));
  const limit = firstFigure < 0 ? infos.length : firstFigure;
  let best: ColumnInfo | null = null;
  for (const info of infos.slice(0, limit)) {
    if (roles[info.col] !== "indicator") continue;
    const avg = info.stats.textLength / Math.max(1, info.stats.texts);
    const bestAvg = best ? best.stats.textLength / Math.max(1, best.stats.texts) : -1;
    if (avg > bestAvg) best = info;
  }
  return best ? best.col : null;
}

function periodOf(info: ColumnInfo, o: { period?: Period | null } | undefined): Period | null {
  return o?.period !== undefined ? o.period : info.period;
}

/** An agency named over a figure column (agencies across the columns, or an agency band). */
function agencyOfHeading(info: ColumnInfo): string | null {
  for (const part of info.rest) if (looksLikeAgency(part) && !isTotalLabel(part)) return part;
  return null;
}

/** The indicator a figure column measures, when the indicators run across the columns. */
function measureOf(info: ColumnInfo, agency: string | null): string | null {
  const rest = info.rest.filter((p) => p !== agency);
  if (rest.length) return rest.join(" - ");
  return null;
}

/**
 * Section rows: a lone label at or left of the label column, with no figures, that is not a
 * note, a total, or an indicator waiting for its first figures ("Number of ...").
 */
function findSections(view: SheetView, profiles: RowProfile[], rows: number[], labelColumn: number, firstFigure: number): { row: number; label: string; agency: string | null }[] {
  const out: { row: number; label: string; agency: string | null }[] = [];
  for (const r of rows) {
    const p = profiles[r]!;
    if (p.filled !== 1 || p.numbers > 0 || p.marks > 0) continue;
    if (p.firstCol > Math.max(labelColumn, 0) && p.firstCol >= firstFigure) continue;
    const label = tidy(cellText(view.cell(r, p.firstCol)));
    if (!label || isNoteText(label) || isTotalLabel(label)) continue;
    if (unitFromLabel(label) !== null || /^(number|no\.?|count|rate|average|proportion|percentage|%) (of|per)\b/i.test(label)) continue;
    out.push({ row: r, label, agency: looksLikeAgency(label) ? stripSectionDecoration(label) : null });
  }
  return out;
}

/**
 * A pivot table's group rows, pasted as values: an agency's name over its measures, carrying in
 * each figure column the sum of the rows under it ("Police 887" over "Domestic abuse
 * notifications 684" and "Missing episodes reported 203"). Such a row is the agency of the rows
 * under it, not a figure of its own. Every row naming an agency and holding figures must add up
 * so, or none is taken: a sum that happens to match once is not a pivot.
 */
function subtotalSections(view: SheetView, rows: number[], labelColumn: number, figureCols: number[]): { row: number; label: string; agency: string | null }[] {
  if (figureCols.length === 0) return [];
  const label = (r: number) => tidy(cellText(view.cell(r, labelColumn)));
  const value = (r: number, c: number): number | null => {
    const f = view.figure(r, c);
    return f.kind === "figure" && f.status === "ok" && f.value !== null ? f.value : null;
  };
  const heads = rows.filter((r) => looksLikeAgency(label(r)) && !isTotalLabel(label(r)) && figureCols.some((c) => value(r, c) !== null));
  if (heads.length === 0) return [];
  const adds = heads.every((head, i) => {
    const next = heads[i + 1] ?? Infinity;
    const under = rows.filter((r) => r > head && r < next && !isTotalLabel(label(r)));
    if (under.length === 0) return false;
    let checked = 0;
    for (const c of figureCols) {
      const total = value(head, c);
      const parts = under.map((r) => value(r, c)).filter((v): v is number => v !== null);
      if (total === null && parts.length === 0) continue;
      if (total === null || parts.length === 0) return false;
      if (Math.abs(parts.reduce((a, b) => a + b, 0) - total) > 1e-6 * Math.max(1, Math.abs(total))) return false;
      checked++;
    }
    return checked > 0;
  });
  return adds ? heads.map((row) => ({ row, label: label(row), agency: stripSectionDecoration(label(row)) })) : [];
}

/** "Police:" or "1. Police" as a section label is the agency "Police". */
function stripSectionDecoration(label: string): string {
  return label.replace(/^(\d+[.)]|[A-Z][.)])\s+/, "").replace(/[:\s]+$/, "").trim();
}

/**
 * The agency a sheet (or a stacked table) belongs to: its name when that is an agency's name;
 * else a title line that is nothing but an agency's name ("Police" over its table) or says so
 * outright ("Agency: Police"). A descriptive title ("Police: monthly safeguarding data") is not
 * read for an agency: titles mention agencies without belonging to them.
 */
export function agencyOfSheet(sheet: string, title: string | null): string | null {
  if (looksLikeAgency(sheet) && !isGenericSheetName(sheet)) return tidy(sheet);
  return agencyOfTitle(title);
}

/** The agency a table's title names: its caption line, or a line that says "Agency: ...". */
function agencyOfTitle(title: string | null): string | null {
  if (!title) return null;
  const lines = title.split(" | ");
  for (const [i, line] of lines.entries()) {
    const stated = /^(agency|partner|organisation|service)\s*:\s*(.+)$/i.exec(line.trim());
    // A line that is only an agency's name belongs to the table when it is the line nearest the
    // table (its caption); at the top of several lines it is the letterhead of whoever sent the
    // workbook ("Calderbrook Children's Services" over "Monthly performance digest").
    const candidate = stated ? stated[2]! : i === lines.length - 1 ? line : null;
    if (candidate !== null && looksLikeAgency(candidate)) return stripSectionDecoration(tidy(candidate));
  }
  return null;
}


function rowsText(rows: number[]): string {
  if (rows.length === 0) return "none";
  const a = rows[0]! + 1;
  const b = rows[rows.length - 1]! + 1;
  return a === b ? `row ${a}` : `rows ${a} to ${b}`;
}

/** The layout in plain English, for the Import panel. */
function describe(l: SheetLayout): string[] {
  const out: string[] = [];
  const kinds: Record<LayoutKind, string> = {
    wide: "Indicators down the rows, periods across the columns.",
    long: "One figure a row, with indicator and period columns.",
    "periods-down": "Periods down the rows, measures across the columns.",
    matrix: "A table of rows by measures, for one period.",
    none: "Not an indicator table.",
  };
  out.push(kinds[l.kind]);
  out.push(`Headings: ${rowsText(l.headerRows)}; figures from row ${l.firstDataRow + 1} to row ${l.lastDataRow + 1}.`);
  if (l.indicatorColumn !== null) out.push(`Indicators in column ${columnLetters(l.indicatorColumn)}.`);
  if (l.idColumn !== null) out.push(`Reference IDs in column ${columnLetters(l.idColumn)}.`);
  if (l.periodColumn !== null) out.push(`Periods in column ${columnLetters(l.periodColumn)}.`);
  const periodCols = l.columns.filter((c) => c.period !== null && FIGURE_ROLES.includes(c.role));
  if (periodCols.length) out.push(`Periods across columns ${periodCols[0]!.letter} to ${periodCols[periodCols.length - 1]!.letter} (${periodCols[0]!.period!.label} to ${periodCols[periodCols.length - 1]!.period!.label}).`);
  if (l.titlePeriod && l.periodColumn === null && periodCols.length === 0) out.push(`Period from the title: ${l.titlePeriod.label}.`);
  const agency: Record<AgencySource, string> = {
    "column-heading": "Agencies from the column headings.",
    column: `Agencies from column ${l.agencyColumn === null ? "?" : columnLetters(l.agencyColumn)}.`,
    "row-label": `Agencies down the rows, in column ${l.agencyColumn === null ? "?" : columnLetters(l.agencyColumn)}.`,
    section: "Agencies from the section rows.",
    sheet: `Agency from the sheet name: ${l.sheetAgency ?? ""}.`,
    title: `Agency from the title: ${l.sheetAgency ?? ""}.`,
    none: "No agency named.",
  };
  out.push(agency[l.agencySource]);
  return out;
}
