/**
 * The specification a return carries, on the very hidden "_spec" sheet every template has: its
 * settings (the common ones, then the change threshold and RAG thresholds), then one row per
 * indicator. How the sheet is laid out, found, read and checksummed is common to every template
 * (../templates/spec-sheet.ts, which also says why it lives in cells); this file says what a
 * return's specification holds.
 */
import type { Grid, GridWorkbook } from "../grid/grid";
import { ReturnSpecSchema, type ReturnIndicatorSpec, type ReturnSpec } from "../model/model";
import type { SheetPlan } from "../plan/plan";
import {
  commonCanonical,
  commonSettings,
  findSpecGrid,
  listFields,
  readSpecGrid,
  settingsOf,
  sheetNamedSpec,
  specSeal,
  specShaped,
  SpecDamaged,
  specSheetPlan as specSheet,
  type SpecList,
  type SpecRead as TemplateSpecRead,
  type SpecRows,
} from "../templates/spec-sheet";

export type UnsealedSpec = Omit<ReturnSpec, "checksum">;

const KIND = "safeguarding-return";

/** The spec in one fixed shape: absent and null optional fields look the same, as they do in cells. */
function canonical(spec: UnsealedSpec): unknown {
  return {
    ...commonCanonical(spec),
    changeThreshold: spec.changeThreshold,
    rag: spec.rag ? { green: spec.rag.green, amber: spec.rag.amber } : null,
    indicators: spec.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      polarity: i.polarity,
      target: i.target,
      fraction: i.fraction,
      choices: i.choices && i.choices.length ? [...i.choices] : null,
      row: i.row,
      previous: i.previous ?? null,
      band: i.band ? { low: i.band.low, high: i.band.high } : null,
    })),
  };
}

const seal = specSeal<ReturnSpec>(canonical);

export function specChecksum(spec: UnsealedSpec): string {
  return seal.checksum(spec);
}

export function sealSpec(spec: UnsealedSpec): ReturnSpec {
  return seal.seal(spec);
}

/** Whether the spec is as the template wrote it (its checksum matches the rest). */
export function verifyChecksum(spec: ReturnSpec): boolean {
  return seal.verify(spec);
}

// ---------------------------------------------------------------------------------------------
// Writing

const INDICATOR_FIELDS = ["id", "name", "unit", "polarity", "target", "fraction", "choices", "row", "previous", "band.low", "band.high"] as const;
type IndicatorField = (typeof INDICATOR_FIELDS)[number];
const INDICATORS: SpecList<IndicatorField> = { fieldsMark: "indicator fields", itemMark: "indicator", fields: INDICATOR_FIELDS };

function text(v: string | number | boolean | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

function indicatorCells(i: ReturnIndicatorSpec): Record<IndicatorField, string> {
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    polarity: text(i.polarity),
    target: text(i.target),
    fraction: String(i.fraction),
    choices: i.choices && i.choices.length ? JSON.stringify(i.choices) : "",
    row: String(i.row),
    previous: text(i.previous),
    "band.low": text(i.band?.low),
    "band.high": text(i.band?.high),
  };
}

/** A return's own settings, after the common ones. */
function settingRows(spec: ReturnSpec): [string, string][] {
  const rows: [string, string][] = [["changeThreshold", String(spec.changeThreshold)]];
  if (spec.rag) rows.push(["rag.green", String(spec.rag.green)], ["rag.amber", String(spec.rag.amber)]);
  return rows;
}

/** The very hidden sheet that carries the spec. */
export function specSheetPlan(spec: ReturnSpec): SheetPlan {
  return specSheet(spec, {
    title: "Return specification",
    note: "Written with the template; the return is checked against it. Do not edit: a change is detected by the checksum (a tamper check, not a security seal).",
    settings: settingRows(spec),
    list: INDICATORS,
    items: spec.indicators.map(indicatorCells),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export type SpecRead = TemplateSpecRead<ReturnSpec>;

/**
 * The sheet holding the spec: by name, or (if renamed) the one whose cells say what they are.
 * Failing both, a "_spec" sheet that no longer says it is a return's is still read, so that it is
 * reported as a damaged specification rather than none at all.
 */
export function findSpecSheet(workbook: GridWorkbook): Grid | null {
  return findSpecGrid(workbook, KIND) ?? sheetNamedSpec(workbook);
}

function numberOf(textValue: string, what: string): number {
  const n = Number(textValue.trim());
  if (textValue.trim() === "" || !Number.isFinite(n)) throw new SpecDamaged(`${what} is "${textValue}", not a number`);
  return n;
}

function optionalNumber(textValue: string, what: string): number | null {
  return textValue.trim() === "" ? null : numberOf(textValue, what);
}

function parseIndicator(fields: string[], cells: string[], index: number): unknown {
  const get = (f: IndicatorField): string => {
    const at = fields.indexOf(f);
    return at < 0 ? "" : (cells[at] ?? "");
  };
  const what = (f: string) => `indicator ${index + 1}'s ${f}`;
  const choicesText = get("choices").trim();
  let choices: unknown;
  if (choicesText !== "") {
    try {
      choices = JSON.parse(choicesText);
    } catch {
      throw new SpecDamaged(`${what("choices")} cannot be read`);
    }
  }
  const low = optionalNumber(get("band.low"), what("band"));
  const high = optionalNumber(get("band.high"), what("band"));
  const fraction = get("fraction").trim().toLowerCase();
  if (fraction !== "true" && fraction !== "false") throw new SpecDamaged(`${what("fraction")} is "${get("fraction")}", not true or false`);
  const out: Record<string, unknown> = {
    id: get("id"),
    name: get("name"),
    unit: get("unit").trim(),
    polarity: get("polarity").trim() === "" ? null : get("polarity").trim(),
    target: optionalNumber(get("target"), what("target")),
    fraction: fraction === "true",
    row: numberOf(get("row"), what("row")),
    previous: optionalNumber(get("previous"), what("last return value")),
    band: low === null || high === null ? null : { low, high },
  };
  if (choices !== undefined) out["choices"] = choices;
  return out;
}

function parseSpec(rows: SpecRows): ReturnSpec {
  const fields = listFields(rows, INDICATORS);
  const { get, need } = settingsOf(rows);
  const green = get("rag.green");
  const amber = get("rag.amber");
  const raw: Record<string, unknown> = {
    ...commonSettings(rows),
    changeThreshold: numberOf(need("changeThreshold"), "its change threshold"),
    indicators: rows.items.map((cells, i) => parseIndicator(fields, cells, i)),
    checksum: need("checksum").trim(),
  };
  if (green.trim() !== "" || amber.trim() !== "") raw["rag"] = { green: numberOf(green, "its green threshold"), amber: numberOf(amber, "its amber threshold") };
  return specShaped(ReturnSpecSchema, raw);
}

/** Finds and reads the spec, saying whether it is absent, damaged, or readable (and intact). */
export function readSpec(workbook: GridWorkbook): SpecRead {
  return readSpecGrid(findSpecSheet(workbook), INDICATORS, parseSpec, verifyChecksum);
}

/** The spec a return carries, or null when it carries none (or one that cannot be read). */
export function readReturnSpec(workbook: GridWorkbook): ReturnSpec | null {
  const read = readSpec(workbook);
  return read.status === "ok" ? read.spec : null;
}
