/**
 * Extraction: follow a SheetLayout over its grid and write out the observations. Nothing is
 * guessed here that the layout does not say, so that a layout corrected by the analyst gives
 * exactly the observations they asked for. Every doubt becomes a warning naming its cell.
 */
import type { Grid, GridCell } from "../grid/grid";
import type { Area, Observation, Period, Polarity, Unit, Warning } from "../model/model";
import { columnLetters } from "../grid/address";
import { areaOfLabel } from "./areas";
import { isNoteText, isTotalLabel } from "./agencies";
import { FIGURE_ROLES, type ColumnAttributes, type ColumnLayout, type SheetLayout } from "./layout";
import type { HeadingPart, PeriodReader } from "./period-reader";
import { defaultPeriodReader, isWholeYear } from "./periods";
import { cellText, isBlankCell, SheetView } from "./sheet-view";
import { tidy } from "./text";
import { polarityFromText, unitFromFormat, unitFromLabel, unitFromUnitCell } from "./units";
import { readTarget } from "./target";
import { statusOfWord } from "./columns";
import { cleanNumber, type Figure } from "./values";

export interface Extraction {
  observations: Observation[];
  warnings: Warning[];
}

/** The figure columns that make one observation: a value and/or a numerator and denominator. */
interface FigureGroup {
  value: ColumnLayout | null;
  numerator: ColumnLayout | null;
  denominator: ColumnLayout | null;
  period: Period | null;
  measure: string | null;
  agency: string | null;
  unit: Unit | null;
  attributes: ColumnAttributes;
}

/** Group figure columns that share a period, measure and agency (a "Num / Den / %" trio under one quarter). */
export function figureGroups(columns: ColumnLayout[]): FigureGroup[] {
  const groups = new Map<string, FigureGroup>();
  const out: FigureGroup[] = [];
  for (const c of columns) {
    if (!FIGURE_ROLES.includes(c.role)) continue;
    const key = `${c.period?.start ?? ""}|${c.period?.end ?? ""}|${c.measure ?? ""}|${c.agency ?? ""}`;
    let g = groups.get(key);
    const slot = c.role as "value" | "numerator" | "denominator";
    if (!g || g[slot] !== null) {
      g = { value: null, numerator: null, denominator: null, period: c.period, measure: c.measure, agency: c.agency, unit: null, attributes: {} };
      groups.set(key, g);
      out.push(g);
    }
    g[slot] = c;
    g.unit = g.unit ?? c.unit;
    g.attributes = { ...c.attributes, ...g.attributes };
  }
  return out;
}

interface RowContext {
  row: number;
  label: string | null;
  /** The place the row describes, where the rows are areas. */
  area: Area | null;
  /** The row's breakdown columns, by heading. */
  breakdown: Record<string, string> | null;
  id: string | null;
  agency: string | null;
  period: Period | null;
  target: number | null;
  polarity: Polarity | null;
  unit: Unit | null;
  /** The row's status column entry, as written. */
  status: string | null;
  /** Rows under this one labelled "Numerator" and "Denominator": the fraction of each of its figures. */
  fractionRows: { numerator: number; denominator: number } | null;
}

/** A row that gives the fraction of the row above it rather than a figure of its own. */
const FRACTION_LABEL = /^(numerator|denominator|num\.?|den\.?|denom\.?)$/i;

/** "Numerator" and "Denominator" rows straight under row r (in either order), where there are. */
function fractionRowsUnder(view: SheetView, r: number, ind: number | null): { numerator: number; denominator: number } | null {
  const a = textAt(view, r + 1, ind);
  const b = textAt(view, r + 2, ind);
  if (!a || !b || !FRACTION_LABEL.test(a) || !FRACTION_LABEL.test(b)) return null;
  const isNumerator = (t: string) => /^num/i.test(t);
  if (isNumerator(a) === isNumerator(b)) return null;
  return isNumerator(a) ? { numerator: r + 1, denominator: r + 2 } : { numerator: r + 2, denominator: r + 1 };
}

/** Extract the observations a layout describes. `file` names the source in each observation. */
export function extractWithLayout(grid: Grid, layout: SheetLayout, file = "", reader: PeriodReader = defaultPeriodReader): Extraction {
  const view = new SheetView(grid);
  const o = grid.origin;
  const rel = (col: number | null): number | null => (col === null ? null : col - o.col);
  const observations: Observation[] = [];
  const warnings: Warning[] = [];
  const warn = (code: string, message: string, row: number | null, col: number | null): void => {
    warnings.push({ code, message, sheet: grid.sheet, cell: row === null || col === null ? null : view.address(row, col) });
  };
  if (layout.kind === "none") return { observations, warnings };

  const groups = figureGroups(layout.columns);
  // Measures across the columns and one Target column among them ("Completed (%)", "Target"): the
  // target is the measure's beside it, not every measure's.
  const targetFor = layout.indicatorColumn === null && layout.targetColumn !== null
    ? layout.columns.filter((c) => FIGURE_ROLES.includes(c.role) && c.col < layout.targetColumn!).reduce<ColumnLayout | null>((a, c) => (a === null || c.col > a.col ? c : a), null)
    : null;
  const pairedTargets = pairTargets(groups, layout.columns);
  const needYear = layout.periodColumn === null ? new Map<FigureGroup, HeadingPart[]>() : new Map(groups.flatMap((g) => {
    const parts = partsNeedingYear(g, reader);
    return parts ? [[g, parts] as const] : [];
  }));
  const ind = rel(layout.indicatorColumn);
  const idCol = rel(layout.idColumn);
  const agCol = rel(layout.agencyColumn);
  const perCol = rel(layout.periodColumn);
  const perPartCol = rel(layout.periodPartColumn);
  const polCol = rel(layout.polarityColumn);
  const tgtCol = rel(layout.targetColumn);
  const unitCol = rel(layout.unitColumn);
  const statusCol = rel(layout.statusColumn);
  const areaCol = rel(layout.areaColumn ?? null);
  const breakdownCols = (layout.breakdownColumns ?? []).map((c) => ({ col: c - o.col, heading: layout.columns.find((x) => x.col === c)?.heading ?? columnLetters(c) }));
  // A table of areas by periods whose sheet names no measure: the file's name stands in, and the
  // reading says so, since a person should check it.
  const unnamed = areaCol !== null && ind === null && groups.some((g) => g.measure === null);
  const fileMeasure = unnamed ? layout.tableMeasure ?? measureOfFile(file) : null;
  if (unnamed && !layout.tableMeasure && fileMeasure !== null) {
    warnings.push({ code: "INGEST_MEASURE_FROM_FILE_NAME", message: `Nothing on sheet "${grid.sheet}" names what its figures measure, so the file's name ("${fileMeasure}") is used; correct it if it is wrong.`, sheet: grid.sheet, cell: null });
  }
  const sectionAt = new Map(layout.sections.map((s) => [s.row - o.row, s]));
  const headerSet = new Set([...layout.headerRows, ...layout.attributeRows.map((a) => a.row)].map((r) => r - o.row));
  const periodCache = new Map<string, Period | null>();
  // A year typed once beside the first of its quarters, with the cells below left blank (as a
  // CSV or an unmerged copy of a merged year leaves it), carries down to the quarters under it.
  const carried = new Map<number, GridCell>();

  const fractionOwner = new Set<number>();
  let sectionAgency: string | null = null;
  let lastAgency: string | null = null;
  const first = Math.max(0, layout.firstDataRow - o.row);
  const last = Math.min(view.height - 1, layout.lastDataRow - o.row);
  for (let r = first; r <= last; r++) {
    if (headerSet.has(r)) continue;
    const section = sectionAt.get(r);
    if (section) {
      sectionAgency = section.agency;
      lastAgency = null;
      continue;
    }
    const label = textAt(view, r, ind);
    // The fraction rows under a percentage are read with it, not as measures of their own.
    if (label !== null && FRACTION_LABEL.test(label) && fractionOwner.has(r)) continue;
    let agency = textAt(view, r, agCol);
    if (agency === null && agCol !== null && ind !== null && lastAgency !== null && label !== null) agency = lastAgency;
    if (agency !== null) lastAgency = agency;
    const id = idText(view, r, idCol);
    // A totals row may be labelled in any label column, the period column included ("Total" under the months).
    if ([label, agency, id, textAt(view, r, perCol), ...breakdownCols.map((b) => textAt(view, r, b.col))].some((t) => t !== null && isTotalLabel(t))) continue;
    if (label && isNoteText(label) && !rowHasFigures(view, r, groups, o.col)) continue;

    const period = perCol === null ? null : rowPeriod(view, r, perCol, perPartCol, reader, layout.title, periodCache, carried);
    if (perCol !== null && period === null && rowHasFigures(view, r, groups, o.col)) {
      const shown = tidy(cellText(view.cell(r, perCol)));
      warn("INGEST_UNPARSED_PERIOD", shown ? `The period "${shown}" could not be read, so this row's figures are left out.` : "This row has figures but no period, so they are left out.", r, perCol);
      continue;
    }
    const ctx: RowContext = {
      row: r,
      label,
      area: areaCol === null ? null : areaOfLabel(cellText(view.merged(r, areaCol))),
      breakdown: breakdownOf(view, r, breakdownCols),
      id,
      agency: agency ?? sectionAgency ?? layout.sheetAgency,
      period,
      target: null,
      polarity: polCol === null ? null : polarityFromText(cellText(view.merged(r, polCol))),
      unit: unitCol === null ? null : unitFromUnitCell(cellText(view.merged(r, unitCol))),
      status: textAt(view, r, statusCol),
      fractionRows: fractionRowsUnder(view, r, ind),
    };
    if (ctx.fractionRows) fractionOwner.add(ctx.fractionRows.numerator).add(ctx.fractionRows.denominator);
    const target = tgtCol === null ? null : readTarget(view.merged(r, tgtCol));
    if (target) {
      ctx.target = target.value;
      ctx.polarity = ctx.polarity ?? target.polarity;
    }
    let warnedNoLabel = false;
    for (const g of groups) {
      // With the measures across the columns, a row's target belongs to the measure just left of it.
      const own = targetFor === null || g.value === targetFor || g.numerator === targetFor || g.denominator === targetFor;
      const parts = needYear.get(g);
      const byRow = ctx.period && parts ? yearOfRow(parts, ctx.period, reader) : null;
      const group = byRow ? { ...g, period: byRow } : g;
      let groupCtx = own ? ctx : { ...ctx, target: null };
      if (pairedTargets) {
        // Several Target columns, each beside its own figures (an agency's band of Target, Actual, RAG).
        const col = pairedTargets.get(g);
        const t = col === undefined ? null : readTarget(view.merged(r, col - o.col));
        groupCtx = { ...ctx, target: t ? t.value : null, polarity: ctx.polarity ?? t?.polarity ?? null };
      }
      const obs = observe(view, groupCtx, group, layout, file, (code, message, col) => warn(code, message, r, col), fileMeasure);
      if (obs === "no-label") {
        if (!warnedNoLabel) warn("INGEST_NO_INDICATOR", "This row has figures but no indicator label, so they are left out.", r, ind ?? (g.value ?? g.numerator)!.col - o.col);
        warnedNoLabel = true;
      } else if (obs) observations.push(obs);
    }
  }
  return { observations, warnings };
}

function textAt(view: SheetView, row: number, col: number | null): string | null {
  if (col === null) return null;
  const t = tidy(cellText(view.merged(row, col)));
  return t === "" ? null : t;
}

function idText(view: SheetView, row: number, col: number | null): string | null {
  if (col === null) return null;
  const cell = view.merged(row, col);
  if (isBlankCell(cell)) return null;
  const t = tidy(cell.text || cellText(cell));
  return t === "" ? null : t;
}

/**
 * Where a table has several Target columns, each figure's is the Target next to it with no other
 * figure column between (the one before it first, as in "Target | Actual | RAG"). Null where the
 * table has one Target column or none, which every figure of the row shares.
 */
function pairTargets(groups: FigureGroup[], columns: ColumnLayout[]): Map<FigureGroup, number> | null {
  const targetColumns = columns.filter((c) => c.role === "target");
  const targets = targetColumns.map((c) => c.col);
  if (targets.length < 2) return null;
  const figures = columns.filter((c) => FIGURE_ROLES.includes(c.role)).map((c) => c.col);
  const between = (a: number, b: number) => figures.some((f) => f > Math.min(a, b) && f < Math.max(a, b));
  // The band a column sits under: its stacked heading without its own last part ("Q2 2025/26" over "Actual").
  const band = (heading: string): string | null => (heading.includes(" / ") ? heading.slice(0, heading.lastIndexOf(" / ")) : null);
  const out = new Map<FigureGroup, number>();
  for (const g of groups) {
    const figure = g.value ?? g.numerator ?? g.denominator;
    const at = figure?.col;
    if (at === undefined) continue;
    // A Target under the same band as the figure ("Actual | Target | Variance" under each quarter) is its own.
    const own = band(figure?.heading ?? "");
    const sameBand = own === null ? undefined : targetColumns.find((t) => band(t.heading) === own)?.col;
    const before = targets.filter((t) => t < at && !between(t, at)).pop();
    const after = targets.find((t) => t > at && !between(t, at));
    const paired = sameBand ?? before ?? after;
    if (paired !== undefined) out.set(g, paired);
  }
  return out;
}

/**
 * The period parts of a group's heading that name a part of a year with no year of their own
 * ("Q1 (Apr-Jun)"), or null where the heading names no period or names its year. Worked out once
 * per group: a row's year completes them (yearOfRow).
 */
function partsNeedingYear(g: FigureGroup, reader: PeriodReader): HeadingPart[] | null {
  const heading = (g.value ?? g.numerator ?? g.denominator)?.heading;
  if (!heading) return null;
  const parts = heading
    .split(" / ")
    .map((text) => ({ text, cell: { value: text, text, numberFormat: "General" } }))
    .filter((p) => reader.isHeading(p));
  return parts.length === 0 || reader.ofHeading(parts, null) !== null ? null : parts;
}

/**
 * A row's own year with a column's quarter or month: a Year column down the rows ("2025/26", and
 * "2024/25" on the rows of last year's figures) beside headings that name a part of a year with no
 * year of their own. The row's year completes the heading, whatever year a title or a date
 * elsewhere on the sheet would have given it. Null where the row's period is not a whole year.
 */
function yearOfRow(parts: HeadingPart[], rowPeriod: Period, reader: PeriodReader): Period | null {
  if (!isWholeYear(rowPeriod)) return null;
  const completed = reader.ofHeading(parts, rowPeriod.label);
  return completed && completed.start >= rowPeriod.start && completed.end <= rowPeriod.end && !isWholeYear(completed) ? completed : null;
}

function rowHasFigures(view: SheetView, row: number, groups: FigureGroup[], originCol: number): boolean {
  for (const g of groups) for (const c of [g.value, g.numerator, g.denominator]) {
    if (c && !isBlankCell(view.cell(row, c.col - originCol))) return true;
  }
  return false;
}

function rowPeriod(view: SheetView, row: number, col: number, partCol: number | null, reader: PeriodReader, title: string | null, cache: Map<string, Period | null>,
  carried: Map<number, GridCell>): Period | null {
  // Two period columns ("Year", "Quarter") are read left to right, like a stacked heading.
  const cols = partCol === null ? [col] : partCol < col ? [partCol, col] : [col, partCol];
  const ordered = cols.map((c) => view.merged(row, c));
  if (ordered.length === 2) {
    const filled = ordered.map((c) => !isBlankCell(c));
    ordered.forEach((cell, i) => {
      if (filled[i]) carried.set(cols[i]!, cell);
      else if (filled[1 - i] && !completeAlone(ordered[1 - i]!, reader)) ordered[i] = carried.get(cols[i]!) ?? cell;
    });
  }
  const parts = ordered.filter((c) => !isBlankCell(c)).map((cell) => ({ text: tidy(cellText(cell)), cell }));
  if (parts.length === 0) return null;
  const key = parts.map((p) => `${p.text}\u0000${String(p.cell.value)}\u0000${p.cell.numberFormat}`).join("\u0001");
  if (cache.has(key)) return cache.get(key) ?? null;
  const period = reader.ofCell(parts, title);
  cache.set(key, period);
  return period;
}

/** Whether a period cell names its period without help ("Q1 2025/26", not "Q1"). */
function completeAlone(cell: GridCell, reader: PeriodReader): boolean {
  return reader.ofCell([{ text: tidy(cellText(cell)), cell }], null) !== null;
}

type Warn = (code: string, message: string, col: number) => void;

function observe(view: SheetView, ctx: RowContext, g: FigureGroup, layout: SheetLayout, file: string, warn: Warn, fileMeasure: string | null = null): Observation | "no-label" | null {
  const o = view.grid.origin;
  const at = (c: ColumnLayout | null): { col: number; cell: GridCell } | null => (c ? { col: c.col - o.col, cell: view.cell(ctx.row, c.col - o.col) } : null);
  const v = at(g.value);
  const n = at(g.numerator);
  const d = at(g.denominator);
  let vf: Figure = v ? view.figure(ctx.row, v.col) : { kind: "blank" };
  // A blank figure that the status column explains is an observation with that status.
  const stated = ctx.status === null ? null : statusOfWord(ctx.status);
  if (vf.kind === "blank" && stated !== null && stated !== "ok") vf = { kind: "figure", status: stated, value: null, percent: false, mark: ctx.status! };
  const fr = ctx.fractionRows;
  const nf: Figure = n ? view.figure(ctx.row, n.col) : fr && v ? view.figure(fr.numerator, v.col) : { kind: "blank" };
  const df: Figure = d ? view.figure(ctx.row, d.col) : fr && v ? view.figure(fr.denominator, v.col) : { kind: "blank" };
  if (vf.kind === "blank" && nf.kind === "blank" && df.kind === "blank") return null;
  const indicator = g.measure ?? ctx.label ?? fileMeasure;
  if (!indicator) return "no-label";
  const source = v ?? n ?? d!;

  if (vf.kind === "text") {
    warn("INGEST_UNPARSED_VALUE", `"${vf.text}" is not a number or a recognised mark (such as *, <5, n/a or -), so it is left out.`, source.col);
    return null;
  }
  const period = g.period ?? ctx.period ?? layout.titlePeriod;
  if (!period) {
    warn("INGEST_NO_PERIOD", "No heading, column or title says which period this figure is for, so it is left out.", source.col);
    return null;
  }
  const numerator = nf.kind === "figure" && nf.status === "ok" ? nf.value : null;
  const denominator = df.kind === "figure" && df.status === "ok" ? df.value : null;

  let status: Observation["status"] = "ok";
  let value: number | null = null;
  let mark: string | undefined;
  let percent = false;
  if (vf.kind === "error") {
    status = "missing";
    mark = vf.error;
    warn("INGEST_CELL_ERROR", `The cell shows the error ${vf.error}, so the figure is read as missing.`, source.col);
  } else if (vf.kind === "figure") {
    status = vf.status;
    value = vf.value;
    mark = vf.mark;
    percent = vf.percent;
  } else if (numerator !== null && denominator !== null) {
    // No value column, or an empty one: the figure is the numerator over the denominator.
    if (denominator === 0) {
      status = "missing";
      warn("INGEST_ZERO_DENOMINATOR", "The denominator is zero, so no percentage can be worked out.", source.col);
    } else {
      value = cleanNumber((numerator / denominator) * 100);
      percent = true;
    }
  } else {
    const mk = nf.kind === "figure" ? nf : df.kind === "figure" ? df : null;
    if (mk && mk.status !== "ok") {
      status = mk.status;
      mark = mk.mark;
    } else {
      warn("INGEST_INCOMPLETE_FRACTION", "Only one of the numerator and denominator is given, so no figure is worked out.", source.col);
      return null;
    }
  }
  if (value !== null && numerator !== null && denominator !== null && denominator !== 0 && !percent) {
    // A "%" column holding 0.875 beside 7 / 8 is a fraction, not 0.875 %.
    const ratio = numerator / denominator;
    if (Math.abs(value - ratio) < Math.abs(value - ratio * 100)) {
      value = cleanNumber(value * 100);
      percent = true;
    }
  }

  const formatUnit = v ? unitFromFormat(v.cell.numberFormat) : null;
  const typedUnit = vf.kind === "figure" ? vf.unit : undefined;
  // A unit typed in the cell ("3.5 hrs") says more than a guess from the name ("time from ...").
  const unit: Unit = ctx.unit ?? typedUnit ?? unitFromLabel(indicator) ?? g.unit ?? formatUnit ?? (percent || (numerator !== null && denominator !== null) ? "percent" : "count");
  const attrs = g.attributes;
  let target = ctx.target ?? attrs.target ?? (vf.kind === "figure" ? vf.target : undefined) ?? null;
  if (target !== null && unit === "percent" && target > 0 && target <= 1 && value !== null && value > 1) target = cleanNumber(target * 100);
  // A withheld or missing figure has no fraction either: "0 of 0" shown as n/a is not a percentage.
  if (status !== "ok") value = null;
  const fraction = status === "ok" && numerator !== null && denominator !== null;
  const obs: Observation = {
    indicator,
    indicatorId: ctx.id ?? attrs.indicatorId ?? null,
    agency: g.agency ?? attrs.agency ?? ctx.agency,
    period,
    value,
    status,
    unit,
    numerator: fraction ? numerator : null,
    denominator: fraction ? denominator : null,
    target,
    polarity: ctx.polarity ?? attrs.polarity ?? null,
    rag: null,
    source: { file, sheet: view.sheet, cell: view.address(ctx.row, source.col) },
  };
  if (mark !== undefined) obs.mark = mark;
  if (ctx.area) {
    obs.area = ctx.area;
    obs.agency = null;
  }
  if (ctx.breakdown) obs.breakdown = ctx.breakdown;
  return obs;
}

function breakdownOf(view: SheetView, row: number, cols: { col: number; heading: string }[]): Record<string, string> | null {
  if (cols.length === 0) return null;
  const out: Record<string, string> = {};
  for (const { col, heading } of cols) {
    const t = tidy(cellText(view.merged(row, col)));
    if (t !== "") out[heading] = t;
  }
  return out;
}

/** A file's name as a measure's name: "liia-growth_rate_table.xlsx" is "growth rate table". */
function measureOfFile(file: string): string | null {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return base === "" ? null : base;
}
