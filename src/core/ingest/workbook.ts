/**
 * A whole workbook: detect each sheet, give sheet names to sheets that belong to one agency
 * each, extract, and list the indicators found. A sheet that is not an indicator table (a
 * cover, a read-me, a chart) is skipped with a warning, and so is a sheet the adapter left out
 * as too large to read (its grid's `leftOut` says why); a workbook with no indicator table at
 * all is an InputError.
 */
import { InputError } from "../errors";
import type { GridWorkbook } from "../grid/grid";
import type { Indicator, IngestResult, Observation, Period, Warning } from "../model/model";
import { detectOpenData, readOpenData } from "../opendata";
import { isGenericSheetName, looksLikeAgency } from "./agencies";
import { detectLayouts } from "./detect";
import { extractWithLayout } from "./extract";
import { FIGURE_ROLES, type SheetLayout } from "./layout";
import type { LayoutOverrides } from "./overrides";
import type { PeriodReader } from "./period-reader";
import { defaultPeriodReader } from "./periods";
import { notAnIndicatorTable } from "./sheet-kind";
import { assessReading, REVIEW_BELOW } from "./confidence";
import { groupWarnings, isDoubt } from "./warnings";
import { isTargetTable, joinTargets, readTargets } from "./target-sheets";
import { columnLetters } from "../grid/address";
import { withoutCopies } from "./copies";
import { fractionsAsPercentages } from "./fractions";

export interface IngestOptions {
  /** The analyst's corrections, by sheet name. */
  layoutOverrides?: LayoutOverrides;
  /**
   * The period of figures on any sheet that names none anywhere (a table by area with no year in
   * sight): the person reading the file says it, since the engine cannot.
   */
  defaultPeriod?: Period;
}

export interface IngestDetail extends IngestResult {
  /** The layout each sheet was read with (skipped sheets too), for the Import panel. */
  layouts: SheetLayout[];
}

/** Below this, a layout is not trusted to be an indicator table. */
const MIN_CONFIDENCE = 0.5;

const NO_PERIOD_REASON = "no heading, column or title names a period";

/** Why a layout cannot be used, in plain English, or null when it can. */
export function unusableReason(layout: SheetLayout): string | null {
  if (layout.kind === "none") return layout.notes[0] === "Not an indicator table." ? "it has no table of figures" : layout.notes[0]?.replace(/\.$/, "").toLowerCase() ?? "it has no table of figures";
  const figures = layout.columns.filter((c) => FIGURE_ROLES.includes(c.role));
  if (figures.length === 0) return "no column holds figures";
  if (layout.indicatorColumn === null && !figures.some((c) => c.measure) && (layout.areaColumn ?? null) === null) return "no column or heading names the indicators";
  if (layout.periodColumn === null && layout.titlePeriod === null && figures.every((c) => c.period === null)) return NO_PERIOD_REASON;
  if (layout.confidence < MIN_CONFIDENCE) return "its layout is not clear enough to read safely";
  return null;
}

export function ingestWorkbook(workbook: GridWorkbook, options: IngestOptions = {}, reader: PeriodReader = defaultPeriodReader): IngestDetail {
  const overrides = options.layoutOverrides ?? {};
  const warnings: Warning[] = [];
  const usable: { layout: SheetLayout; index: number }[] = [];
  const targetSheets: { layout: SheetLayout; index: number }[] = [];
  const layouts: SheetLayout[] = [];
  const reasons: string[] = [];
  const leftOut: string[] = [];
  const openData: Observation[] = [];
  let openDataSheets = 0;
  workbook.sheets.forEach((grid, index) => {
    const override = overrides[grid.sheet] ?? {};
    if (override.skip) {
      warnings.push({ code: "INGEST_SHEET_SKIPPED", message: `Sheet "${grid.sheet}" was left out, as asked.`, sheet: grid.sheet, cell: null });
      return;
    }
    // A very hidden sheet is one no person can unhide from Excel's menus: a macro or an add-in
    // hid it for its own use (a template's lists and thresholds, its specification). It is not
    // what was circulated to be read. A sheet merely hidden is read: hidden data is still data.
    if (grid.state === "veryHidden" && override.headerRows === undefined && override.firstDataRow === undefined) {
      warnings.push({ code: "INGEST_SHEET_SKIPPED", message: `Sheet "${grid.sheet}" was skipped because it is very hidden (kept by a macro or an add-in for its own use, not for reading); unhide it and read again if its figures are wanted.`, sheet: grid.sheet, cell: null });
      return;
    }
    if (grid.leftOut !== undefined) {
      // The adapter could not read its cells (too large): its reason is the sheet's.
      leftOut.push(`sheet "${grid.sheet}" was left out because ${grid.leftOut}`);
      reasons.push(`"${grid.sheet}": ${grid.leftOut}`);
      warnings.push({ code: "INGEST_SHEET_SKIPPED", message: `Sheet "${grid.sheet}" was skipped because ${grid.leftOut}.`, sheet: grid.sheet, cell: null });
      return;
    }
    // Official statistics in the open data standard have their own reader (src/core/opendata):
    // the layout detector would take their code and name columns for indicators and agencies.
    const tidy = detectOpenData(grid);
    if (tidy) {
      const read = readOpenData(grid, workbook.file, tidy);
      for (const o of read.observations) openData.push(o);
      for (const w of read.warnings) warnings.push(w);
      openDataSheets++;
      return;
    }
    const list = override.headerRows || override.firstDataRow !== undefined ? null : notAnIndicatorTable(grid);
    if (list) {
      const why = `it looks like ${list.looksLike}${list.evidence.length ? ` (${list.evidence.map((h) => `"${h}"`).join(", ")})` : ""}`;
      reasons.push(`"${grid.sheet}": ${why}`);
      warnings.push({ code: "INGEST_NOT_INDICATOR_TABLE", message: `Sheet "${grid.sheet}" was left out because ${why}: ${list.advice}.`, sheet: grid.sheet, cell: null });
      return;
    }
    const found = detectLayouts(grid, override, reader);
    if (options.defaultPeriod) {
      for (const l of found) {
        if (unusableReason(l) !== NO_PERIOD_REASON) continue;
        l.titlePeriod = options.defaultPeriod;
        l.notes.push(`The period was given when the file was read: ${options.defaultPeriod.label}.`);
      }
    }
    layouts.push(...found);
    // A sheet of targets keyed by the labels of the figures elsewhere: read for its targets, not as figures.
    const targetTables = found.filter((l) => isTargetTable(l) && [null, NO_PERIOD_REASON].includes(unusableReason(l)));
    for (const layout of targetTables) targetSheets.push({ layout, index });
    if (targetTables.length > 0 && targetTables.length === found.filter((l) => l.kind !== "none").length) return;
    const good = found.filter((l) => unusableReason(l) === null && !targetTables.includes(l));
    if (good.length === 0) {
      const why = unusableReason(found[0]!) ?? "it has no table of figures";
      reasons.push(`"${grid.sheet}": ${why}`);
      warnings.push({ code: "INGEST_SHEET_SKIPPED", message: `Sheet "${grid.sheet}" was skipped because ${why}.`, sheet: grid.sheet, cell: null });
      return;
    }
    for (const layout of good) usable.push({ layout, index });
  });
  if (usable.length === 0 && openDataSheets === 0 && leftOut.length > 0 && leftOut.length === reasons.length) {
    // Every sheet that could have been read was too large: say that, not that none looks like a table.
    throw new InputError(`Nothing in ${workbook.file} could be read: ${leftOut.join("; ")}.`, { file: workbook.file });
  }
  if (usable.length === 0 && openDataSheets === 0 && targetSheets.length > 0) reasons.push(...targetSheets.map((t) => `"${t.layout.sheet}": it holds targets only`));
  if (usable.length === 0 && openDataSheets === 0) {
    // Figures with no period anywhere can still be read once a person says the period.
    const advice = reasons.some((r) => r.endsWith(NO_PERIOD_REASON)) ? " If the figures are for one period, give it (--period on the command line, or the period of the whole sheet in the Import panel)." : "";
    throw new InputError(`No sheet in ${workbook.file} looks like an indicator table: ${reasons.join("; ") || "it has no sheets"}.${advice}`, { file: workbook.file });
  }
  nameAgenciesBySheet(usable.map((u) => u.layout), overrides);

  const observations: Observation[] = openData;
  for (const { layout, index } of usable) {
    const grid = workbook.sheets[index]!;
    const out = extractWithLayout(grid, layout, workbook.file, reader);
    const assessed = assessReading(grid, layout, out.observations, [...layout.warnings, ...out.warnings]);
    layout.confidence = assessed.confidence;
    layout.notes.push(...assessed.reasons);
    if (assessed.confidence < REVIEW_BELOW) {
      const where = layout.table > 0 ? `The table ${layout.table + 1} of sheet "${grid.sheet}"` : `Sheet "${grid.sheet}"`;
      warnings.push({
        code: "INGEST_LOW_CONFIDENCE",
        message: `${where} was read with ${Math.round(assessed.confidence * 100)}% confidence; check its reading before using it. ${assessed.reasons[0] ?? ""}`.trim(),
        sheet: grid.sheet,
        cell: layout.headerRows.length ? `${columnLetters(layout.columns[0]?.col ?? 0)}${(layout.headerRows[0] ?? 0) + 1}` : null,
      });
    }
    warnings.push(...layout.warnings);
    // Not push(...): spreading a sheet's worth of observations (a million-row CSV) overflows the stack.
    for (const o of out.observations) observations.push(o);
    for (const w of out.warnings) warnings.push(w);
  }
  if (observations.length === 0) {
    // Tables were found but not one figure could be read from them: nothing to write, and a
    // person should see why rather than an empty result that looks like success.
    const why = groupWarnings(warnings.filter((w) => isDoubt(w.code))).slice(0, 3).map((w) => w.message.replace(/\.$/, ""));
    throw new InputError(`No figure in ${workbook.file} could be read${why.length ? `: ${why.join("; ")}` : ""}.`, { file: workbook.file });
  }
  // A summary's cells that only point at figures read on another sheet are not counted twice.
  const copies = withoutCopies(observations, workbook);
  if (copies.warnings.length) {
    observations.length = 0;
    for (const o of copies.kept) observations.push(o);
    for (const w of copies.warnings) warnings.push(w);
  }
  for (const w of fractionsAsPercentages(observations, workbook)) warnings.push(w);
  const targets = targetSheets.flatMap(({ layout, index }) => readTargets(workbook.sheets[index]!, layout, workbook.file, reader));
  for (const w of joinTargets(observations, targets)) warnings.push(w);
  harmoniseUnits(observations);
  for (const w of duplicateWarnings(observations)) warnings.push(w);
  return { observations, indicators: indicatorsOf(observations), warnings: groupWarnings(warnings), layouts };
}

/**
 * One tab per agency: when several sheets are read the same way and none names its agency
 * any nearer, each sheet's name is its agency ("Probation", "Barnardo's"), unless the names
 * are generic ("Sheet1", "Data") or periods.
 */
function nameAgenciesBySheet(layouts: SheetLayout[], overrides: LayoutOverrides): void {
  const sheetLevel = layouts.filter((l) => l.agencySource === "none" || l.agencySource === "sheet" || l.agencySource === "title");
  const names = [...new Set(sheetLevel.map((l) => l.sheet))];
  // Tabs named by theme ("Front door & CP" beside "Family help") are not agencies, even where one
  // theme is also a service's name: more than half the tabs must read as agencies for any tab's
  // name to be its agency, and then the rest are taken as agencies too ("Catch22" beside "Police"
  // and "Health").
  const byAgency = names.filter((n) => looksLikeAgency(n) && !isGenericSheetName(n)).length * 2 > names.length;
  if (!byAgency) {
    for (const l of sheetLevel) {
      if (l.agencySource !== "sheet" || overrides[l.sheet]?.sheetAgency !== undefined || l.sheetAgency !== l.sheet.trim()) continue;
      l.sheetAgency = null;
      l.agencySource = "none";
      l.notes.push(`The sheet's name is not read as an agency: the workbook's tabs are named by theme.`);
    }
    return;
  }
  const open = sheetLevel.filter((l) => l.agencySource === "none" && overrides[l.sheet]?.sheetAgency === undefined);
  if (names.length < 2 || open.length === 0) return;
  if (sheetLevel.some((l) => isGenericSheetName(l.sheet) || /\d{4}|\b(q[1-4]|quarter|month|year)\b/i.test(l.sheet))) return;
  for (const l of open) {
    l.sheetAgency = l.sheet.trim();
    l.agencySource = "sheet";
    l.notes.push(`Agency from the sheet name: ${l.sheetAgency}.`);
  }
}

/**
 * One unit per indicator. A mark ("*", "n/a") carries no unit of its own, so when an indicator's
 * other figures show a percentage, its marked cells are percentages too.
 */
function harmoniseUnits(observations: Observation[]): void {
  const units = new Map<string, Map<string, number>>();
  const keyOf = (o: Observation): string => `${o.source.sheet}\u0000${o.indicatorId ?? ""}\u0000${o.indicator}\u0000${o.agency ?? ""}`;
  for (const o of observations) {
    if (o.unit === "count") continue;
    const k = keyOf(o);
    const m = units.get(k) ?? new Map<string, number>();
    m.set(o.unit, (m.get(o.unit) ?? 0) + 1);
    units.set(k, m);
  }
  for (const o of observations) {
    if (o.unit !== "count") continue;
    const m = units.get(keyOf(o));
    if (!m) continue;
    const best = [...m.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) o.unit = best[0] as Observation["unit"];
  }
  // A mark ("TBC") takes the unit its indicator's figures have, where they agree on one.
  const okUnits = new Map<string, Set<string>>();
  for (const o of observations) {
    if (o.status !== "ok") continue;
    const set = okUnits.get(keyOf(o)) ?? new Set<string>();
    set.add(o.unit);
    okUnits.set(keyOf(o), set);
  }
  for (const o of observations) {
    if (o.status === "ok") continue;
    const set = okUnits.get(keyOf(o));
    if (set && set.size === 1) o.unit = [...set][0] as Observation["unit"];
  }
}

function duplicateWarnings(observations: Observation[]): Warning[] {
  const seen = new Map<string, Map<number, Observation>>();
  const out: Warning[] = [];
  const where = placeIds();
  for (const o of observations) {
    const key = `${o.indicatorId ?? ""}\u0000${o.indicator}\u0000${o.agency ?? ""}\u0000${o.period.start}\u0000${o.period.end}`;
    let inner = seen.get(key);
    if (!inner) seen.set(key, (inner = new Map()));
    const place = where(o);
    const before = inner.get(place);
    if (before && before.value !== o.value) {
      out.push({
        code: "INGEST_DUPLICATE_OBSERVATION",
        message: `"${o.indicator}"${o.agency ? ` for ${o.agency}` : ""}${o.area ? ` for ${o.area.name}` : ""} in ${o.period.label} appears twice with different figures (here and at ${before.source.sheet}!${before.source.cell}).`,
        sheet: o.source.sheet,
        cell: o.source.cell,
      });
    } else if (!before) inner.set(place, o);
  }
  return out;
}

/**
 * Open data: one indicator has a figure per area and breakdown, so they are part of the duplicate
 * check's key, as a number (a file of 180,000 figures would otherwise make 180,000 long strings).
 * The reader shares one area and one breakdown object among many figures, so each object's
 * text is worked out once; equal texts get equal numbers. Other observations have neither: 0.
 */
function placeIds(): (o: Observation) => number {
  const byObject = new Map<object, number>();
  const byText = new Map<string, number>();
  const idOf = (x: object | null | undefined, text: () => string): number => {
    if (!x) return 0;
    let id = byObject.get(x);
    if (id === undefined) {
      const t = text();
      id = byText.get(t) ?? byText.size + 1;
      byText.set(t, id);
      byObject.set(x, id);
    }
    return id;
  };
  return (o) =>
    idOf(o.area, () => `area\u0001${o.area!.level}\u0001${o.area!.oldCode ?? ""}\u0001${o.area!.code ?? ""}\u0001${o.area!.name}`) * 2 ** 26 +
    idOf(o.breakdown, () => `breakdown\u0001${Object.entries(o.breakdown!).join("\u0001")}`);
}

/** How often an indicator is reported, from the length of its periods. */
function frequencyOf(observations: Observation[], lengths: Map<string, number>): string | null {
  let shortest = Infinity;
  for (const o of observations) {
    // Many observations share a few periods: measure each period once.
    const key = o.period.start + o.period.end;
    let days = lengths.get(key);
    if (days === undefined) {
      days = (Date.parse(o.period.end) - Date.parse(o.period.start)) / 86_400_000 + 1;
      lengths.set(key, days);
    }
    if (days < shortest) shortest = days;
  }
  if (!Number.isFinite(shortest)) return null;
  if (shortest <= 31) return "monthly";
  if (shortest <= 92) return "quarterly";
  if (shortest <= 366) return "annual";
  return null;
}

/** One indicator per distinct (ID, label, agency), with the unit, polarity and target the sheet gives. */
export function indicatorsOf(observations: Observation[]): Indicator[] {
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.indicatorId ?? ""}\u0000${o.indicator}\u0000${o.agency ?? ""}`;
    const list = byKey.get(key);
    if (list) list.push(o);
    else byKey.set(key, [o]);
  }
  const out: Indicator[] = [];
  const lengths = new Map<string, number>();
  for (const list of byKey.values()) {
    const first = list[0]!;
    out.push({
      id: first.indicatorId,
      name: first.indicator,
      agency: first.agency,
      unit: first.unit,
      polarity: list.find((o) => o.polarity !== null)?.polarity ?? null,
      target: list.find((o) => o.target !== null)?.target ?? null,
      contentArea: null,
      type: null,
      source: null,
      frequency: frequencyOf(list, lengths),
    });
  }
  return out;
}
