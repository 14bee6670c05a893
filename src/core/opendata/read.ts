/**
 * Reading tidy open data into observations: one per indicator column and row, with the row's
 * area (the most specific geography it fills in), its breakdown (every other column's value,
 * by heading) and its period (time_period with time_identifier). Statistics marks become
 * statuses with the mark kept; text that is no known mark is a warning on its column, and the
 * figure is missing, never 0.
 *
 * Speed: a file of 20,000 rows by 20 columns gives about 300,000 observations. Rows share their
 * period, area and breakdown objects (they are never changed after reading), periods and areas
 * are worked out once per distinct value, and warnings are counted per column, not built per
 * cell.
 */
import { InputError } from "../errors";
import type { Grid, GridCell } from "../grid/grid";
import type { Area, Observation, Period, Warning } from "../model/model";
import { detectOpenData, levelsOf, type OpenDataColumn, type OpenDataLayout } from "./detect";
import { readFigure } from "./figures";
import { periodOf, periodWithoutIdentifier, readYearCode } from "./periods";
import type { OpenDataWarningCode } from "./warnings";

/** An area seen in the file, with the region its rows give (for a local authority). */
export interface Place {
  area: Area;
  /** The region column's area on the same rows ("Outer London" for a London borough, as published). */
  region: Area | null;
}

export interface OpenDataRead {
  observations: Observation[];
  warnings: Warning[];
  /** Every area the file has figures for, once each. */
  places: Place[];
  layout: OpenDataLayout;
}

function textOf(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  if (typeof cell.value === "string") return cell.value.trim();
  if (typeof cell.value === "number") return cell.text && cell.text !== "" ? cell.text.trim() : String(cell.value);
  return String(cell.value);
}

/** Warnings counted by what they are about, turned into one message each at the end. */
class WarningTally {
  private readonly entries = new Map<string, { code: OpenDataWarningCode; cells: string[]; count: number; message: (count: number, cells: string[]) => string }>();
  constructor(private readonly sheet: string) {}

  add(key: string, code: OpenDataWarningCode, cell: string, message: (count: number, cells: string[]) => string): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.count++;
      if (entry.cells.length < 5) entry.cells.push(cell);
      return;
    }
    this.entries.set(key, { code, cells: [cell], count: 1, message });
  }

  warnings(): Warning[] {
    return [...this.entries.values()].map((e) => ({ code: e.code, message: e.message(e.count, e.cells), sheet: this.sheet, cell: e.cells[0] ?? null }));
  }
}

const cellsInWords = (count: number, cells: string[]): string =>
  count === 1 ? `cell ${cells[0]}` : `${count} cells (${cells.join(", ")}${count > cells.length ? ", ..." : ""})`;

/** The geography of a row: the level it states, or the most specific one it fills in. */
function makeAreaReader(grid: Grid, layout: OpenDataLayout): (row: GridCell[]) => Place | null {
  const levels = levelsOf(layout);
  const levelColumn = layout.level === null ? null : layout.columns[layout.level]!.index;
  const geoIndexes = layout.columns.filter((c) => c.role === "geography" || c.role === "level").map((c) => c.index);
  const cache = new Map<string, Place | null>();
  const regional = levels.find((l) => l.level === "Regional") ?? null;

  const areaAt = (row: GridCell[], level: (typeof levels)[number], levelName: string): Area | null => {
    let code: string | null = null;
    let name: string | null = null;
    let oldCode: string | null = null;
    let hasOld = false;
    for (const { index, field } of level.columns) {
      const t = textOf(row[layout.columns[index]!.index]);
      if (field === "oldCode") hasOld = true;
      if (t === "") continue;
      if (field === "code" && code === null) code = t;
      else if (field === "name" && name === null) name = t;
      else if (field === "oldCode" && oldCode === null) oldCode = t;
    }
    if (code === null && name === null && oldCode === null) return null;
    const area: Area = { code, name: name ?? code ?? oldCode ?? "", level: levelName };
    if (hasOld) area.oldCode = oldCode;
    return area;
  };

  return (row) => {
    let key = "";
    for (const i of geoIndexes) key += textOf(row[i]) + "\u0001";
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const stated = levelColumn === null ? "" : textOf(row[levelColumn]);
    const statedLevel = stated === "" ? undefined : levels.find((l) => l.level.toLowerCase() === stated.toLowerCase());
    let place: Place | null = null;
    const candidates = statedLevel ? [statedLevel, ...levels.filter((l) => l !== statedLevel)] : levels;
    for (const level of candidates) {
      const area = areaAt(row, level, (level === statedLevel ? stated : level.level).toLowerCase());
      if (!area) continue;
      const region = regional && level.rank > regional.rank ? areaAt(row, regional, "regional") : null;
      place = { area, region };
      break;
    }
    // The Department's "National" rows are England's; a file may leave out the country columns.
    if (place === null && stated.toLowerCase() === "national") place = { area: { code: null, name: "England", level: "national" }, region: null };
    cache.set(key, place);
    return place;
  };
}

/** The period of a row, worked out once per distinct time_period and time_identifier. */
function makePeriodReader(layout: OpenDataLayout, tally: WarningTally): (row: GridCell[], cell: () => string) => Period | null {
  const time = layout.columns[layout.time]!;
  const identifierColumn = layout.timeIdentifier === null ? null : layout.columns[layout.timeIdentifier]!;
  const cache = new Map<string, Period | null>();
  return (row, cell) => {
    const timeCell = row[time.index];
    const raw = textOf(timeCell);
    const identifier = identifierColumn ? textOf(row[identifierColumn.index]) : layout.headingIdentifier ?? "";
    const key = `${raw}\u0001${identifier}`;
    let period = cache.get(key);
    if (period === undefined) {
      period = null;
      if (identifier !== "") {
        const code = readYearCode(timeCell?.value ?? raw);
        period = code ? periodOf(identifier, code) : null;
      } else if (timeCell) {
        const read = periodWithoutIdentifier(timeCell.value, raw);
        period = read?.period ?? null;
        if (read?.assumed) {
          tally.add("assumed", "OPENDATA_PERIOD_ASSUMED", cell(), () => `"${time.heading}" holds years with no time_identifier to say what kind; they were read as ${read.assumed}.`);
        }
      }
      cache.set(key, period);
    }
    if (period === null) {
      tally.add(`period\u0001${key}`, "OPENDATA_UNPARSED_PERIOD", cell(), (count, cells) =>
        `"${raw}"${identifier ? ` with time_identifier "${identifier}"` : ""} is not a period this tool can read, so the figures of ${count === 1 ? "that row" : `${count} rows`} (at ${cells.join(", ")}${count > cells.length ? ", ..." : ""}) are left out.`,
      );
    }
    return period;
  };
}

function makeBreakdownReader(columns: OpenDataColumn[]): (row: GridCell[]) => Record<string, string> | null {
  const breakdowns = columns.filter((c) => c.role === "breakdown");
  if (breakdowns.length === 0) return () => null;
  const cache = new Map<string, Record<string, string>>();
  return (row) => {
    const values = breakdowns.map((c) => textOf(row[c.index]));
    const key = values.join("\u0001");
    let found = cache.get(key);
    if (!found) {
      found = {};
      breakdowns.forEach((c, i) => (found![c.heading] = values[i]!));
      cache.set(key, found);
    }
    return found;
  };
}

function isEmptyRow(row: GridCell[]): boolean {
  for (const c of row) if (c.value !== null && !(typeof c.value === "string" && c.value.trim() === "")) return false;
  return true;
}

/** Floating-point noise from scaling (0.245 * 100 = 24.500000000000004) is not a figure. */
const tidy = (v: number): number => Math.round(v * 1e9) / 1e9;

/** One note per column whose unit or scale was decided from its figures. */
function columnNotes(layout: OpenDataLayout, grid: Grid, tally: WarningTally): void {
  const headingCell = (c: OpenDataColumn): string => `${c.letter}${grid.origin.row + layout.headingRow + 1}`;
  for (const c of layout.columns) {
    if (c.role !== "indicator" || !c.unit) continue;
    const where = headingCell(c);
    if (c.unit.doubt === "fraction") {
      tally.add(`fraction\u0001${c.index}`, "OPENDATA_PERCENT_FROM_FRACTION", where, () => `"${c.heading}" holds fractions (every figure between 0 and 1), so each was multiplied by 100 to give a percentage.`);
    } else if (c.unit.doubt === "unclear") {
      tally.add(`unclear\u0001${c.index}`, "OPENDATA_PERCENT_SCALE_UNCLEAR", where, () => `"${c.heading}" is a percentage whose figures are all between 0 and 1; they were kept as percentages (0.5 is 0.5%), but check the source: they may be fractions.`);
    }
    if (c.unit.duration) {
      tally.add(`duration\u0001${c.index}`, "OPENDATA_DURATION_IN_MONTHS", where, () => `"${c.heading}" holds durations written years:months (such as 01:07); each was read as months (01:07 is 19).`);
    }
  }
}

/**
 * The observations of a tidy open-data sheet. `layout` is detectOpenData's; without it the
 * sheet is detected here, and a sheet that is not open data is an InputError.
 */
export function readOpenData(grid: Grid, file: string, layout: OpenDataLayout | null = detectOpenData(grid)): OpenDataRead {
  if (!layout) {
    throw new InputError(
      `Sheet "${grid.sheet}" of ${file} is not official statistics in the open data format: it needs a time_period (or Year) column, area columns such as geographic_level or la_name, and columns of figures.`,
      { file, sheet: grid.sheet },
    );
  }
  const tally = new WarningTally(grid.sheet);
  columnNotes(layout, grid, tally);
  const areaOf = makeAreaReader(grid, layout);
  const periodOfRow = makePeriodReader(layout, tally);
  const breakdownOf = makeBreakdownReader(layout.columns);
  const indicators = layout.columns.filter((c) => c.role === "indicator");
  const places = new Map<Area, Place>();
  const observations: Observation[] = [];
  const sheet = grid.sheet;
  const timeLetter = layout.columns[layout.time]!.letter;

  for (let r = layout.firstDataRow; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (isEmptyRow(row)) continue;
    const rowNumber = grid.origin.row + r + 1;
    const period = periodOfRow(row, () => `${timeLetter}${rowNumber}`);
    if (period === null) continue;
    const place = areaOf(row);
    if (place === null) {
      tally.add("noarea", "OPENDATA_NO_AREA", `${layout.columns[0]!.letter}${rowNumber}`, (count, cells) => `${count === 1 ? "A row names" : `${count} rows name`} no area in any geography column (${cells.join(", ")}${count > cells.length ? ", ..." : ""}); their figures carry no area.`);
    } else if (!places.has(place.area)) places.set(place.area, place);
    const area = place?.area ?? null;
    const breakdown = breakdownOf(row);
    for (const c of indicators) {
      const cellRef = `${c.letter}${rowNumber}`;
      const cell = row[c.index];
      const f = cell ? readFigure(cell) : ({ kind: "empty" } as const);
      let value: number | null = null;
      let status: Observation["status"] = "missing";
      let mark: string | undefined;
      if (f.kind === "number") {
        value = c.unit!.scale === 1 ? f.value : tidy(f.value * c.unit!.scale);
        status = "ok";
      } else if (f.kind === "duration") {
        value = f.months;
        status = "ok";
      } else if (f.kind === "mark") {
        status = f.meaning.status;
        mark = f.mark;
      } else if (f.kind === "unknown") {
        mark = f.text;
        if (cell?.error !== undefined) {
          tally.add(`error\u0001${c.index}`, "OPENDATA_CELL_ERROR", cellRef, (count, cells) => `"${c.heading}" shows an Excel error in ${cellsInWords(count, cells)}; read as missing.`);
        } else {
          const text = f.text;
          tally.add(`mark\u0001${c.index}\u0001${text}`, "OPENDATA_UNKNOWN_MARK", cellRef, (count, cells) =>
            `"${c.heading}" holds "${text}" in ${cellsInWords(count, cells)}, which is neither a figure nor a statistics mark this tool knows (c, x, z, u, low, k, :); read as missing, never as 0.`,
          );
        }
      }
      const o: Observation = {
        indicator: c.heading,
        indicatorId: null,
        agency: null,
        period,
        value,
        status,
        unit: c.unit!.unit,
        numerator: null,
        denominator: null,
        target: null,
        polarity: null,
        rag: null,
        source: { file, sheet, cell: cellRef },
        area,
        breakdown,
      };
      if (mark !== undefined) o.mark = mark;
      observations.push(o);
    }
  }
  return { observations, warnings: tally.warnings(), places: [...places.values()], layout };
}
