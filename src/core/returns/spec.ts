/**
 * The specification a return carries, kept in the workbook's CELLS on a very hidden sheet so that
 * it survives the file being re-saved by Excel, LibreOffice or any other spreadsheet tool (custom
 * XML parts, defined names and document properties are dropped or rewritten by some of them).
 *
 * Layout of the sheet (every cell is text, so no tool can reformat a number):
 *   A1 a title and B1 a note saying what the sheet is;
 *   one row per setting: A = key ("agency", "period.start", ...), B = value;
 *   a row whose A is "indicator fields" naming the fields in B onwards;
 *   one row per indicator: A = "indicator", then the fields in the same order.
 * Rows are found by their A cell, not their position, so the reader does not depend on the
 * exact rows. LibreOffice has no "very hidden" state and saves the sheet as plain hidden; that
 * is harmless, as the checksum (not the hiding) is what detects an edited specification.
 *
 * The checksum is SHA-256 over a canonical JSON of everything else. It detects edits; it is not
 * a security seal (anyone can recompute it), and does not claim to be one.
 */
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { cellAddress } from "../grid/address";
import { ReturnSpecSchema, type ReturnIndicatorSpec, type ReturnSpec } from "../model/model";
import type { PlanValue, SheetPlan } from "../plan/plan";
import { labelKey, SPEC_SHEET } from "./layout";
import { sha256Hex } from "../templates/sha256";

export type UnsealedSpec = Omit<ReturnSpec, "checksum">;

const KIND = "safeguarding-return";

/** The spec in one fixed shape: absent and null optional fields look the same, as they do in cells. */
function canonical(spec: UnsealedSpec): unknown {
  return {
    kind: spec.kind,
    partnership: spec.partnership,
    agency: spec.agency,
    period: { start: spec.period.start, end: spec.period.end, label: spec.period.label },
    due: spec.due ?? null,
    templateVersion: spec.templateVersion,
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

export function specChecksum(spec: UnsealedSpec): string {
  return sha256Hex(JSON.stringify(canonical(spec)));
}

export function sealSpec(spec: UnsealedSpec): ReturnSpec {
  return { ...spec, checksum: specChecksum(spec) };
}

/** Whether the spec is as the template wrote it (its checksum matches the rest). */
export function verifyChecksum(spec: ReturnSpec): boolean {
  const { checksum, ...rest } = spec;
  return specChecksum(rest) === checksum.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Writing

const INDICATOR_FIELDS = ["id", "name", "unit", "polarity", "target", "fraction", "choices", "row", "previous", "band.low", "band.high"] as const;
type IndicatorField = (typeof INDICATOR_FIELDS)[number];
const FIELDS_MARK = "indicator fields";
const INDICATOR_MARK = "indicator";

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

function settingRows(spec: ReturnSpec): [string, string][] {
  const rows: [string, string][] = [
    ["kind", spec.kind],
    ["partnership", spec.partnership],
    ["agency", spec.agency],
    ["period.start", spec.period.start],
    ["period.end", spec.period.end],
    ["period.label", spec.period.label],
    ["due", text(spec.due)],
    ["templateVersion", spec.templateVersion],
    ["changeThreshold", String(spec.changeThreshold)],
  ];
  if (spec.rag) rows.push(["rag.green", String(spec.rag.green)], ["rag.amber", String(spec.rag.amber)]);
  rows.push(["checksum", spec.checksum]);
  return rows;
}

/** The very hidden sheet that carries the spec. Protected (no password) against casual edits. */
export function specSheetPlan(spec: ReturnSpec): SheetPlan {
  const values: PlanValue[][] = [
    ["Return specification", "Written with the template; the return is checked against it. Do not edit: a change is detected by the checksum (a tamper check, not a security seal)."],
    [],
    ...settingRows(spec),
    [],
    [FIELDS_MARK, ...INDICATOR_FIELDS],
    ...spec.indicators.map((i) => {
      const cells = indicatorCells(i);
      return [INDICATOR_MARK, ...INDICATOR_FIELDS.map((f) => cells[f])];
    }),
  ];
  const width = Math.max(...values.map((r) => r.length));
  return {
    name: SPEC_SHEET,
    state: "veryHidden",
    blocks: [{ at: "A1", values: values.map((r) => [...r, ...new Array<PlanValue>(width - r.length).fill(null)]) }],
    // Every cell is text ("@") so that no tool turns "1.0" into 1 or "2025-04-01" into a date.
    numberFormats: [{ range: `A1:${cellAddress(values.length - 1, width - 1)}`, format: "@" }],
    protection: { protect: true, unlocked: [] },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export type SpecRead =
  | { status: "absent" }
  | { status: "damaged"; sheet: string; problem: string }
  | { status: "ok"; sheet: string; spec: ReturnSpec; checksumOk: boolean; checksumCell: string | null };

/** A cell as the text the template wrote (a tool may have turned "90" into the number 90). */
function cellString(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "string" ? cell.value : String(cell.value);
}

interface SheetRows {
  settings: Map<string, { value: string; cell: string }>;
  fields: string[] | null;
  indicators: string[][];
}

function scanSheet(grid: Grid): SheetRows {
  const out: SheetRows = { settings: new Map(), fields: null, indicators: [] };
  grid.rows.forEach((row, r) => {
    const head = cellString(row[0]).trim();
    if (head === "") return;
    const rest = row.slice(1).map(cellString);
    if (head === FIELDS_MARK) out.fields = rest.map((f) => f.trim());
    else if (head === INDICATOR_MARK) out.indicators.push(rest);
    else if (!out.settings.has(head)) out.settings.set(head, { value: rest[0] ?? "", cell: cellAddress(grid.origin.row + r, grid.origin.col + 1) });
  });
  return out;
}

function isSpecSheet(grid: Grid): boolean {
  return grid.rows.some((row) => cellString(row[0]).trim() === "kind" && cellString(row[1]).trim() === KIND);
}

/** The sheet holding the spec: by name, or (if renamed) the one whose cells say what they are. */
export function findSpecSheet(workbook: GridWorkbook): Grid | null {
  const byName = workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(SPEC_SHEET));
  if (byName && isSpecSheet(byName)) return byName;
  return workbook.sheets.find(isSpecSheet) ?? byName ?? null;
}

class Damaged extends Error {}

function numberOf(textValue: string, what: string): number {
  const n = Number(textValue.trim());
  if (textValue.trim() === "" || !Number.isFinite(n)) throw new Damaged(`${what} is "${textValue}", not a number`);
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
      throw new Damaged(`${what("choices")} cannot be read`);
    }
  }
  const low = optionalNumber(get("band.low"), what("band"));
  const high = optionalNumber(get("band.high"), what("band"));
  const fraction = get("fraction").trim().toLowerCase();
  if (fraction !== "true" && fraction !== "false") throw new Damaged(`${what("fraction")} is "${get("fraction")}", not true or false`);
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

function parseSpec(rows: SheetRows): ReturnSpec {
  const get = (key: string): string => rows.settings.get(key)?.value ?? "";
  const need = (key: string): string => {
    const v = get(key);
    if (v.trim() === "") throw new Damaged(`its ${key} is missing`);
    return v;
  };
  if (!rows.fields) throw new Damaged("its list of indicator fields is missing");
  const fields = rows.fields;
  const green = get("rag.green");
  const amber = get("rag.amber");
  const raw: Record<string, unknown> = {
    kind: need("kind").trim(),
    partnership: get("partnership"),
    agency: need("agency"),
    period: { start: need("period.start").trim(), end: need("period.end").trim(), label: need("period.label") },
    due: get("due").trim() === "" ? null : get("due").trim(),
    templateVersion: need("templateVersion").trim(),
    changeThreshold: numberOf(need("changeThreshold"), "its change threshold"),
    indicators: rows.indicators.map((cells, i) => parseIndicator(fields, cells, i)),
    checksum: need("checksum").trim(),
  };
  if (green.trim() !== "" || amber.trim() !== "") raw["rag"] = { green: numberOf(green, "its green threshold"), amber: numberOf(amber, "its amber threshold") };
  const parsed = ReturnSpecSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Damaged(issue ? `${issue.path.join(".") || "it"}: ${issue.message}` : "it does not have the expected shape");
  }
  return parsed.data;
}

/** Finds and reads the spec, saying whether it is absent, damaged, or readable (and intact). */
export function readSpec(workbook: GridWorkbook): SpecRead {
  const sheet = findSpecSheet(workbook);
  if (!sheet) return { status: "absent" };
  const rows = scanSheet(sheet);
  try {
    const spec = parseSpec(rows);
    return { status: "ok", sheet: sheet.sheet, spec, checksumOk: verifyChecksum(spec), checksumCell: rows.settings.get("checksum")?.cell ?? null };
  } catch (e) {
    if (e instanceof Damaged) return { status: "damaged", sheet: sheet.sheet, problem: e.message };
    throw e;
  }
}

/** The spec a return carries, or null when it carries none (or one that cannot be read). */
export function readReturnSpec(workbook: GridWorkbook): ReturnSpec | null {
  const read = readSpec(workbook);
  return read.status === "ok" ? read.spec : null;
}
