/**
 * Reads an indicator set (../shared/contract/CLI.md, "An indicator set"): one row per indicator
 * on a sheet of an .xlsx or in a .csv, under headings found anywhere in the top rows, or the
 * `indicators` of an ingest JSON. Input it cannot use at all is an InputError naming the file
 * (and sheet); a value it cannot read in a usable row is a warning, and that field is left blank.
 */
import { InputError } from "../errors";
import { cellAddress } from "../grid/address";
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { pathInWords } from "../framework/json";
import { IndicatorSetSchema, IngestResultSchema, type Indicator, type Unit, type Warning } from "../model";
import { findHeaderRow, type Field, type HeaderRow } from "./headings";
import { parsePolarity, parseSource, parseTarget, parseType, parseUnit, roundPercent, unitFromName, type RawTarget } from "./values";

export interface IndicatorSetRead {
  indicators: Indicator[];
  /** The sheet read (null for a JSON file). */
  sheet: string | null;
  warnings: Warning[];
}

const HEADINGS_HINT = "the first row should hold headings such as Indicator ID, Indicator, Agency, Unit, Polarity, Target, Content area, Type, Source, Frequency";

const isCsv = (file: string): boolean => /\.(?:csv|tsv|txt)$/i.test(file);

/** How messages name the place: a CSV is its own one sheet, a workbook's sheet is named. */
function place(file: string, sheet: string): string {
  return isCsv(file) ? `"${file}"` : `The sheet "${sheet}" of "${file}"`;
}

function cellText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.value === null) return "";
  if (typeof cell.value === "string") return cell.value.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
  return (cell.text !== "" ? cell.text : String(cell.value)).trim();
}

/** A1 address of a grid cell, in the sheet's own coordinates. */
function addressOf(grid: Grid, row: number, col: number): string {
  return cellAddress(grid.origin.row + row, grid.origin.col + col);
}

interface RawRow {
  indicator: Indicator;
  target: RawTarget | null;
  targetCell: string | null;
  unitStated: boolean;
}

function readRows(grid: Grid, header: HeaderRow, warnings: Warning[]): RawRow[] {
  const cols = header.columns;
  const otherFields = (Object.keys(cols) as Field[]).filter((f) => f !== "id" && f !== "name");
  const out: RawRow[] = [];
  const warn = (code: string, message: string, row: number, col: number | undefined): void => {
    warnings.push({ code, message, sheet: grid.sheet, cell: col === undefined ? null : addressOf(grid, row, col) });
  };

  for (let r = header.row + 1; r < grid.rows.length; r += 1) {
    const cells = grid.rows[r] ?? [];
    const text = (f: Field): string => (cols[f] === undefined ? "" : cellText(cells[cols[f]]));
    const name = text("name");
    const id = text("id");
    if (name === "" && id === "") continue;
    if (name === "") {
      warn("indicator-without-name", `Row ${grid.origin.row + r + 1} has the Indicator ID "${id}" but no Indicator name, so it was skipped.`, r, cols.name);
      continue;
    }
    // A name alone, in a set that has other columns, is a group heading row ("Police", "Health").
    if (id === "" && otherFields.length > 0 && otherFields.every((f) => text(f) === "")) continue;

    const unitText = text("unit");
    let unit: Unit | null = unitText === "" ? null : (parseUnit(unitText) ?? null);
    if (unitText !== "" && unit === null) warn("unknown-unit", `The unit "${unitText}" is not one of count, percent, rate, days or other; it was left blank.`, r, cols.unit);
    const unitStated = unit !== null;
    unit ??= unitFromName(name);

    const polarityText = text("polarity");
    const polarity = parsePolarity(polarityText);
    if (polarity === undefined) warn("unknown-polarity", `The polarity "${polarityText}" is not higher, lower or band (also accepted: "High is good", "Low is good"); it was left blank.`, r, cols.polarity);

    const typeText = text("type");
    const type = parseType(typeText);
    if (type === undefined) warn("unknown-type", `The type "${typeText}" is not Quantity, Quality or Outcome; it was left blank.`, r, cols.type);

    const sourceText = text("source");
    const source = parseSource(sourceText);
    if (source === undefined) {
      warn("unknown-source", `The source "${sourceText}" is not one of the framework's four (children and parents, frontline staff, case records, management information); it was left blank.`, r, cols.source);
    }

    let target: RawTarget | null = null;
    if (cols.target !== undefined) {
      const cell = cells[cols.target];
      const parsed = parseTarget(cell?.value ?? null, cell?.numberFormat ?? "General");
      if (parsed === undefined) warn("unknown-target", `The target "${text("target")}" is not a number, a percentage or a range such as 80-90; it was left blank.`, r, cols.target);
      else target = parsed;
    }

    const indicator: Indicator = {
      id: id === "" ? null : id,
      name,
      agency: text("agency") || null,
      unit,
      polarity: polarity ?? (target?.band ? "band" : null),
      target: null,
      contentArea: text("contentArea") || null,
      type: type ?? null,
      source: source ?? null,
      frequency: text("frequency") || null,
    };
    if (target?.band) indicator.band = target.band;
    out.push({ indicator, target, targetCell: cols.target === undefined ? null : addressOf(grid, r, cols.target), unitStated });
  }
  return out;
}

/**
 * Targets in percent units (the contract's rule: 87.5 means 87.5 %). A cell marked "%" is already
 * converted. Plain numbers under a percent unit are fractions when every such target in the set
 * is at most 1 (0.9 means 90 %); in a set that also holds 85 or 90, a 0.5 stays 0.5 %.
 */
function settleTargets(rows: RawRow[]): void {
  const plainPercent = rows.filter((r) => r.indicator.unit === "percent" && r.target !== null && !r.target.percentMarked && (r.target.value !== null || r.target.band !== null));
  const values = plainPercent.flatMap((r) => (r.target?.value != null ? [r.target.value] : r.target?.band ? [r.target.band.low, r.target.band.high] : []));
  const fractions = values.length > 0 && values.every((v) => Math.abs(v) <= 1);
  for (const r of rows) {
    const t = r.target;
    if (t === null) continue;
    const scale = fractions && plainPercent.includes(r) ? 100 : 1;
    r.indicator.target = t.value === null ? null : roundPercent(t.value * scale);
    if (t.band !== null) r.indicator.band = { low: roundPercent(t.band.low * scale), high: roundPercent(t.band.high * scale) };
  }
}

/** Reads the indicator set on one grid. `file` names the file in messages. */
export function readIndicatorSetFromGrid(grid: Grid, file: string): IndicatorSetRead {
  const header = findHeaderRow(grid);
  if (header === null) {
    throw new InputError(`${place(file, grid.sheet)} has no 'Indicator' column: ${HEADINGS_HINT}.`, { file, sheet: grid.sheet });
  }
  if (header.columns.id === undefined) {
    throw new InputError(
      `${place(file, grid.sheet)} has no 'Indicator ID' column next to its 'Indicator' column (row ${grid.origin.row + header.row + 1}): add one with a short code for each indicator, such as CSC01.`,
      { file, sheet: grid.sheet, cell: addressOf(grid, header.row, header.columns.name ?? 0) },
    );
  }
  const warnings: Warning[] = [];
  const rows = readRows(grid, header, warnings);
  if (rows.length === 0) {
    throw new InputError(`${place(file, grid.sheet)} has the indicator set's headings but no indicators below them.`, { file, sheet: grid.sheet });
  }
  settleTargets(rows);
  return { indicators: rows.map((r) => r.indicator), sheet: grid.sheet, warnings };
}

/**
 * Which sheet holds the set: one named "Indicators" or "Indicator set" first (the workbook
 * `ingest --out` writes names it so), then the sheet whose header row has the most of the set's
 * headings, the first such sheet on a tie. Visible sheets before hidden ones.
 */
function chooseSheet(workbook: GridWorkbook): Grid | null {
  const scored = workbook.sheets
    .map((grid, index) => {
      const header = findHeaderRow(grid);
      return { grid, index, headings: header === null ? 0 : Object.keys(header.columns).length, hasId: header?.columns.id !== undefined };
    })
    .filter((s) => s.headings > 0);
  const named = /^\s*indicators?(?:\s+set)?\s*$/i;
  scored.sort(
    (a, b) =>
      Number(named.test(b.grid.sheet)) - Number(named.test(a.grid.sheet)) ||
      Number(b.grid.state === "visible") - Number(a.grid.state === "visible") ||
      Number(b.hasId) - Number(a.hasId) ||
      b.headings - a.headings ||
      a.index - b.index,
  );
  return scored[0]?.grid ?? null;
}

/** Reads the indicator set of a workbook (or a CSV read as a one-sheet workbook). */
export function readIndicatorSet(workbook: GridWorkbook): IndicatorSetRead {
  const file = workbook.file.replace(/^.*[\\/]/, "");
  if (workbook.sheets.length === 0) throw new InputError(`"${file}" has no sheets to read an indicator set from.`, { file });
  const grid = chooseSheet(workbook);
  if (grid === null) {
    const first = workbook.sheets[0];
    if (workbook.sheets.length === 1 && first !== undefined) return readIndicatorSetFromGrid(first, file);
    throw new InputError(`"${file}" has no sheet with an 'Indicator' column: on the sheet that holds the set, ${HEADINGS_HINT}.`, { file });
  }
  return readIndicatorSetFromGrid(grid, file);
}

/** Distinct indicators named by observations, for an ingest JSON whose `indicators` is empty. */
function indicatorsFromObservations(observations: readonly { indicator: string; indicatorId: string | null; agency: string | null; unit: Unit; target: number | null; polarity: Indicator["polarity"] }[]): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const o of observations) {
    const key = `${o.indicatorId ?? ""}\u0000${o.indicator}\u0000${o.agency ?? ""}`;
    if (!seen.has(key)) {
      seen.set(key, { id: o.indicatorId, name: o.indicator, agency: o.agency, unit: o.unit, polarity: o.polarity, target: o.target, contentArea: null, type: null, source: null, frequency: null });
    }
  }
  return [...seen.values()];
}

/**
 * The indicators of an ingest JSON (`ingest --json`), or of a bare indicator set JSON
 * (`{ "indicators": [...] }`). `file` names the file in messages.
 */
export function readIndicatorSetJson(text: string, file: string): IndicatorSetRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new InputError(`"${file}" is not valid JSON, so it cannot be read as an ingest result or an indicator set.`, { file });
  }
  const ingest = IngestResultSchema.safeParse(data);
  if (ingest.success) {
    const indicators = ingest.data.indicators.length > 0 ? ingest.data.indicators : indicatorsFromObservations(ingest.data.observations);
    if (indicators.length === 0) throw new InputError(`"${file}" is an ingest result with no indicators and no observations.`, { file });
    return { indicators, sheet: null, warnings: [] };
  }
  const set = IndicatorSetSchema.safeParse(data);
  if (set.success) {
    if (set.data.indicators.length === 0) throw new InputError(`"${file}" holds an indicator set with no indicators.`, { file });
    return { indicators: set.data.indicators, sheet: null, warnings: [] };
  }
  const issue = ingest.error.issues[0];
  const at = issue === undefined ? "" : ` (the first problem is at ${pathInWords(issue.path) || "the top level"})`;
  throw new InputError(`"${file}" is not an ingest result (the JSON that ingest --json writes) or an indicator set${at}.`, { file });
}
