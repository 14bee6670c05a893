/**
 * Recognising official statistics published as tidy open data, from the headings (and, for the
 * columns that are neither time nor geography, from their values).
 *
 * A sheet is open data when one of its first rows has
 *   - a time column (time_period, or a near-standard "Year" / "Academic year" ...),
 *   - a word only the Department's standard uses (time_period, time_identifier,
 *     geographic_level, or a standard geography column such as la_name or old_la_code), and
 *   - some geography (a geographic level or an area column), or a time_identifier
 *     (a national-only file may name no area at all),
 * and at least one column of figures. The second rule keeps partnership sheets that merely have
 * a "Year" and a "Region" column for the layout detector.
 *
 * Every other column is an indicator if its values are figures (numbers, durations or
 * statistics marks), and a breakdown otherwise. Codes, names and time columns are never
 * indicators, whatever their values look like.
 */
import { columnLetters } from "../grid/address";
import type { Grid, GridCell } from "../grid/grid";
import { addFigure, emptyColumnFigures, readFigure, unitOf, type ColumnFigures, type ColumnUnit } from "./figures";
import {
  AMBIGUOUS_LA_CODE_KEYS,
  GEOGRAPHY,
  LEVEL_KEYS,
  STANDARD_GEOGRAPHY_KEYS,
  TIME_HEADINGS,
  TIME_IDENTIFIER_KEYS,
  geographyOf,
  headingKey,
  isIdentifierKey,
  isNumericBreakdownKey,
  publishedHeading,
  type GeographyField,
} from "./headings";
import { looksLikeMark } from "./marks";

export type OpenDataRole = "time" | "timeIdentifier" | "level" | "geography" | "indicator" | "breakdown" | "empty";

export interface OpenDataColumn {
  /** Zero-based index into the grid's rows. */
  index: number;
  /** The column's letters on the sheet ("K"). */
  letter: string;
  /** As published: the indicator's name, or the breakdown's. */
  heading: string;
  /** The normal form the rules compare ("time_period"). */
  key: string;
  role: OpenDataRole;
  /** For a geography column: the level it belongs to and what it holds. */
  geography?: { level: string; rank: number; field: GeographyField };
  /** For an indicator column: its unit and scale. */
  unit?: ColumnUnit;
  /** For an indicator column: the text that is neither a figure nor a known mark, by text. */
  unknown?: Map<string, number>;
}

export interface OpenDataLayout {
  sheet: string;
  /** Zero-based indexes into the grid's rows. */
  headingRow: number;
  firstDataRow: number;
  columns: OpenDataColumn[];
  /** Index into `columns` of the time column used for the period. */
  time: number;
  timeIdentifier: number | null;
  level: number | null;
  /** The kind of year a time heading names ("Academic year" for an academic_year column). */
  headingIdentifier: string | null;
  /** What was found, in plain English, for people checking the reading. */
  notes: string[];
}

/** Headings are looked for in the first rows only: a title or two may sit above them. */
const HEADING_ROWS = 6;
/** An indicator column may hold a few stray words (a footnote); more make it a breakdown. */
const STRAY_TEXT_SHARE = 0.01;

function cellText(cell: GridCell | undefined): string {
  if (!cell) return "";
  return typeof cell.value === "string" ? cell.value : cell.text;
}

interface HeadingClues {
  time: boolean;
  standard: boolean;
  geography: boolean;
  identifier: boolean;
}

const TIME_KEYS = new Set(TIME_HEADINGS.map((t) => t.key));

function cluesOf(keys: string[]): HeadingClues {
  return {
    time: keys.some((k) => TIME_KEYS.has(k)),
    standard: keys.some((k) => k === "time_period" || TIME_IDENTIFIER_KEYS.has(k) || LEVEL_KEYS.has(k) || STANDARD_GEOGRAPHY_KEYS.has(k)),
    geography: keys.some((k) => LEVEL_KEYS.has(k) || geographyOf(k) !== null || AMBIGUOUS_LA_CODE_KEYS.has(k)),
    identifier: keys.some((k) => TIME_IDENTIFIER_KEYS.has(k)),
  };
}

function headingRowOf(grid: Grid): number | null {
  const last = Math.min(grid.rows.length - 1, HEADING_ROWS - 1);
  for (let r = 0; r <= last; r++) {
    const keys = grid.rows[r]!.map((c) => headingKey(cellText(c)));
    const clues = cluesOf(keys);
    if (clues.time && clues.standard && (clues.geography || clues.identifier)) return r;
  }
  return null;
}

/** Three digits are the Department's old local authority number; anything else its current code. */
function laCodeField(grid: Grid, index: number, first: number): GeographyField {
  for (let r = first; r < grid.rows.length && r < first + 200; r++) {
    const t = cellText(grid.rows[r]![index]).trim();
    if (t === "") continue;
    return /^\d{3}$/.test(t) ? "oldCode" : "code";
  }
  return "code";
}

/** The role of a column from its heading alone, or null when its values must decide. */
function roleFromHeading(key: string): Pick<OpenDataColumn, "role" | "geography"> | null {
  if (TIME_KEYS.has(key)) return { role: "time" };
  if (TIME_IDENTIFIER_KEYS.has(key)) return { role: "timeIdentifier" };
  if (LEVEL_KEYS.has(key)) return { role: "level" };
  const geo = geographyOf(key);
  if (geo) return { role: "geography", geography: { level: geo.level.level, rank: geo.level.rank, field: geo.field } };
  return null;
}

interface ValueTally {
  figures: ColumnFigures;
  marks: number;
  empty: number;
  /** Text that could be a mark nobody told us about ("q", "*"). */
  markLike: Map<string, number>;
  /** Text that is plainly words ("Total", "Children in need"). */
  words: number;
}

function tallyColumn(grid: Grid, index: number, first: number): ValueTally {
  const tally: ValueTally = { figures: emptyColumnFigures(), marks: 0, empty: 0, markLike: new Map(), words: 0 };
  for (let r = first; r < grid.rows.length; r++) {
    const cell = grid.rows[r]![index];
    if (!cell) continue;
    const f = readFigure(cell);
    if (f.kind === "empty") tally.empty++;
    else if (f.kind === "mark") tally.marks++;
    else if (f.kind === "unknown") {
      if (looksLikeMark(f.text) || cell.error !== undefined) tally.markLike.set(f.text, (tally.markLike.get(f.text) ?? 0) + 1);
      else tally.words++;
    } else addFigure(tally.figures, f);
  }
  return tally;
}

/** Figures, durations and marks make an indicator; words make a breakdown. */
function classify(key: string, tally: ValueTally): OpenDataRole {
  const figures = tally.figures.numbers + tally.figures.durations;
  const filled = figures + tally.marks + tally.words + [...tally.markLike.values()].reduce((a, b) => a + b, 0);
  if (filled === 0) return "empty";
  if (isNumericBreakdownKey(key) || isIdentifierKey(key)) return "breakdown";
  if (figures === 0 && tally.marks === 0) return "breakdown";
  if (tally.words > Math.max(0, filled * STRAY_TEXT_SHARE)) return "breakdown";
  return "indicator";
}

function isEmptyRow(row: GridCell[]): boolean {
  return row.every((c) => c.value === null || (typeof c.value === "string" && c.value.trim() === ""));
}

/**
 * The sheet's open-data layout, or null when it is not tidy open data (the layout detector
 * reads it instead). Cheap for other sheets: only their first rows' headings are looked at.
 */
export function detectOpenData(grid: Grid): OpenDataLayout | null {
  if (grid.leftOut !== undefined || grid.rows.length < 2) return null;
  const headingRow = headingRowOf(grid);
  if (headingRow === null) return null;
  const first = headingRow + 1;
  const notes: string[] = [];
  const seen = new Set<string>();
  const columns: OpenDataColumn[] = grid.rows[headingRow]!.map((cell, index) => {
    const heading = publishedHeading(cellText(cell));
    const key = headingKey(heading);
    const column: OpenDataColumn = { index, letter: columnLetters(grid.origin.col + index), heading, key, role: "empty" };
    if (heading === "") return column;
    const fromHeading = seen.has(key) ? null : roleFromHeading(key);
    seen.add(key);
    if (fromHeading) return { ...column, ...fromHeading };
    if (AMBIGUOUS_LA_CODE_KEYS.has(key)) {
      const field = laCodeField(grid, index, first);
      return { ...column, role: "geography", geography: { level: "Local authority", rank: 2, field } };
    }
    const tally = tallyColumn(grid, index, first);
    const role = classify(key, tally);
    if (role !== "indicator") return { ...column, role };
    return { ...column, role, unit: unitOf(key, tally.figures), unknown: tally.markLike };
  });
  const time = pickTimeColumn(columns);
  if (time === null || !columns.some((c) => c.role === "indicator")) return null;
  let hasData = false;
  for (let r = first; r < grid.rows.length && !hasData; r++) hasData = !isEmptyRow(grid.rows[r]!);
  if (!hasData) return null;
  // A second time column ("year" beside "time_period") is time too: never a figure, never a breakdown.
  const timeIdentifier = columns.findIndex((c) => c.role === "timeIdentifier");
  const level = columns.findIndex((c) => c.role === "level");
  const timeColumn = columns[time]!;
  const headingIdentifier = TIME_HEADINGS.find((t) => t.key === timeColumn.key)?.identifier ?? null;
  notes.push(
    `Official statistics in the open data standard: the period from "${timeColumn.heading}"${timeIdentifier >= 0 ? ` and "${columns[timeIdentifier]!.heading}"` : ""}, ` +
      `${columns.filter((c) => c.role === "indicator").length} indicator columns, ${columns.filter((c) => c.role === "breakdown").length} breakdown columns.`,
  );
  return {
    sheet: grid.sheet,
    headingRow,
    firstDataRow: first,
    columns,
    time,
    timeIdentifier: timeIdentifier >= 0 ? timeIdentifier : null,
    level: level >= 0 ? level : null,
    headingIdentifier,
    notes,
  };
}

/** The preferred time column (time_period before year before period ...). */
function pickTimeColumn(columns: OpenDataColumn[]): number | null {
  for (const t of TIME_HEADINGS) {
    const i = columns.findIndex((c) => c.role === "time" && c.key === t.key);
    if (i >= 0) return i;
  }
  return null;
}

/** The geography levels a layout's columns cover, most specific first (for the reader). */
export function levelsOf(layout: OpenDataLayout): { level: string; rank: number; columns: { index: number; field: GeographyField }[] }[] {
  const byLevel = new Map<string, { level: string; rank: number; columns: { index: number; field: GeographyField }[] }>();
  layout.columns.forEach((c, i) => {
    if (c.role !== "geography" || !c.geography) return;
    const entry = byLevel.get(c.geography.level) ?? { level: c.geography.level, rank: c.geography.rank, columns: [] };
    entry.columns.push({ index: i, field: c.geography.field });
    byLevel.set(c.geography.level, entry);
  });
  const order = new Map(GEOGRAPHY.map((g, i) => [g.level, i]));
  return [...byLevel.values()].sort((a, b) => b.rank - a.rank || (order.get(a.level) ?? 0) - (order.get(b.level) ?? 0));
}
