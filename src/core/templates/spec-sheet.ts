/**
 * The specification a template carries, kept in the workbook's CELLS on a very hidden sheet so that
 * it survives the file being re-saved by Excel, LibreOffice or any other spreadsheet tool (custom
 * XML parts, defined names and document properties are dropped or rewritten by some of them). A
 * quarterly return's (../returns/spec.ts) and a Section 11 audit's (../s11/spec.ts) are written,
 * found, read and checksummed here alike; each says only what its own settings and list hold.
 *
 * Layout of the sheet (every cell is text, so no tool can reformat a number):
 *   A1 a title and B1 a note saying what the sheet is;
 *   one row per setting: A = key ("kind", "agency", "period.start", ...), B = value;
 *   a row whose A names the list's fields ("indicator fields", "standard fields"), the fields in B onwards;
 *   one row per item of the list: A = "indicator" or "standard", then the fields in the same order.
 * Rows are found by their A cell, not their position, so the reader does not depend on the
 * exact rows. LibreOffice has no "very hidden" state and saves the sheet as plain hidden; that
 * is harmless, as the checksum (not the hiding) is what detects an edited specification.
 *
 * The checksum is SHA-256 over a canonical JSON of everything else. It detects edits; it is not
 * a security seal (anyone can recompute it), and does not claim to be one.
 */
import type { ZodType } from "zod";
import { cellAddress } from "../grid/address";
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import type { Period } from "../model/model";
import type { PlanValue, SheetPlan } from "../plan/plan";
import { labelKey, SPEC_SHEET } from "./layout";
import { sha256Hex } from "./sha256";

/** The settings every specification starts with; its "kind" says what the workbook is. */
export interface CommonSpec {
  kind: string;
  partnership: string;
  agency: string;
  period: Period;
  due?: string | null;
  templateVersion: string;
}

/** How a specification's list (a return's indicators, an audit's standards) is marked on the sheet. */
export interface SpecList<F extends string> {
  /** Column A of the row naming the fields: "indicator fields". */
  fieldsMark: string;
  /** Column A of each item's row: "indicator". */
  itemMark: string;
  fields: readonly F[];
}

// ---------------------------------------------------------------------------------------------
// The checksum

/** The common settings in one fixed shape: absent and null look the same, as they do in cells. */
export function commonCanonical(spec: CommonSpec): Record<string, unknown> {
  return {
    kind: spec.kind,
    partnership: spec.partnership,
    agency: spec.agency,
    period: { start: spec.period.start, end: spec.period.end, label: spec.period.label },
    due: spec.due ?? null,
    templateVersion: spec.templateVersion,
  };
}

/**
 * Checksum, seal and verify for one kind of specification, given its canonical form (the common
 * settings first, then its own: the key order is part of what is hashed, so it never changes).
 */
export function specSeal<S extends { checksum: string }>(canonical: (spec: Omit<S, "checksum">) => unknown) {
  const checksum = (spec: Omit<S, "checksum">): string => sha256Hex(JSON.stringify(canonical(spec)));
  return {
    checksum,
    seal: (spec: Omit<S, "checksum">): S => ({ ...spec, checksum: checksum(spec) }) as S,
    /** Whether the spec is as the template wrote it (its checksum matches the rest). */
    verify: (spec: S): boolean => {
      const { checksum: written, ...rest } = spec;
      return checksum(rest) === written.trim().toLowerCase();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

function commonSettingRows(spec: CommonSpec): [string, string][] {
  return [
    ["kind", spec.kind],
    ["partnership", spec.partnership],
    ["agency", spec.agency],
    ["period.start", spec.period.start],
    ["period.end", spec.period.end],
    ["period.label", spec.period.label],
    ["due", spec.due ?? ""],
    ["templateVersion", spec.templateVersion],
  ];
}

export interface SpecSheetContent<F extends string> {
  /** A1 and B1: what the sheet is, and not to edit it. */
  title: string;
  note: string;
  /** The settings after the common ones, before the checksum. */
  settings: [string, string][];
  list: SpecList<F>;
  items: Record<F, string>[];
}

/** The very hidden sheet that carries a spec. Protected (no password) against casual edits. */
export function specSheetPlan<F extends string>(spec: CommonSpec & { checksum: string }, content: SpecSheetContent<F>): SheetPlan {
  const { list } = content;
  const values: PlanValue[][] = [
    [content.title, content.note],
    [],
    ...commonSettingRows(spec),
    ...content.settings,
    ["checksum", spec.checksum],
    [],
    [list.fieldsMark, ...list.fields],
    ...content.items.map((item) => [list.itemMark, ...list.fields.map((f) => item[f])]),
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
// Finding

/**
 * A cell as the text the template wrote (a tool may have turned "90" into the number 90). Not the
 * cell's displayed text, as the sheet is read elsewhere: a number format must change nothing here.
 */
function specCell(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "string" ? cell.value : String(cell.value);
}

/** What a sheet's first "kind" row says it is, as the reader will read it; null where it has none. */
export function specKind(grid: Grid): string | null {
  for (const row of grid.rows) if (specCell(row[0]).trim() === "kind") return specCell(row[1]).trim();
  return null;
}

/** The sheet whose name is the spec sheet's, whatever it holds. */
export function sheetNamedSpec(workbook: GridWorkbook): Grid | null {
  return workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(SPEC_SHEET)) ?? null;
}

/** The sheet carrying a spec of this kind: the "_spec" sheet, or (if renamed) the one that says it is one. */
export function findSpecGrid(workbook: GridWorkbook, kind: string): Grid | null {
  const says = (grid: Grid): boolean => specKind(grid) === kind;
  return workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(SPEC_SHEET) && says(s)) ?? workbook.sheets.find(says) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type SpecRead<S> =
  | { status: "absent" }
  | { status: "damaged"; sheet: string; problem: string }
  | { status: "ok"; sheet: string; spec: S; checksumOk: boolean; checksumCell: string | null };

/** What makes a spec unreadable, in words that follow "cannot be read (...)". */
export class SpecDamaged extends Error {}

/** The sheet's rows by what their A cell says: settings (the first of each key), the list's fields, its items. */
export interface SpecRows {
  settings: Map<string, { value: string; cell: string }>;
  fields: string[] | null;
  items: string[][];
}

function scanSpecSheet(grid: Grid, list: SpecList<string>): SpecRows {
  const out: SpecRows = { settings: new Map(), fields: null, items: [] };
  grid.rows.forEach((row, r) => {
    const head = specCell(row[0]).trim();
    if (head === "") return;
    const rest = row.slice(1).map(specCell);
    if (head === list.fieldsMark) out.fields = rest.map((f) => f.trim());
    else if (head === list.itemMark) out.items.push(rest);
    else if (!out.settings.has(head)) out.settings.set(head, { value: rest[0] ?? "", cell: cellAddress(grid.origin.row + r, grid.origin.col + 1) });
  });
  return out;
}

/** A setting's text ("" when absent), and one that must be there. */
export function settingsOf(rows: SpecRows): { get: (key: string) => string; need: (key: string) => string } {
  const get = (key: string): string => rows.settings.get(key)?.value ?? "";
  const need = (key: string): string => {
    const v = get(key);
    if (v.trim() === "") throw new SpecDamaged(`its ${key} is missing`);
    return v;
  };
  return { get, need };
}

/** The fields the list's row names, in the order its items give them. */
export function listFields(rows: SpecRows, list: SpecList<string>): string[] {
  if (!rows.fields) throw new SpecDamaged(`its list of ${list.fieldsMark} is missing`);
  return rows.fields;
}

/** The common settings as read, in the order they are asked for (the first missing one is named). */
export function commonSettings(rows: SpecRows): Omit<CommonSpec, "due"> & { due: string | null } {
  const { get, need } = settingsOf(rows);
  return {
    kind: need("kind").trim(),
    partnership: get("partnership"),
    agency: need("agency"),
    period: { start: need("period.start").trim(), end: need("period.end").trim(), label: need("period.label") },
    due: get("due").trim() === "" ? null : get("due").trim(),
    templateVersion: need("templateVersion").trim(),
  };
}

/** The raw spec checked against its schema; the first thing wrong is the damage reported. */
export function specShaped<S>(schema: ZodType<S>, raw: unknown): S {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new SpecDamaged(issue ? `${issue.path.join(".") || "it"}: ${issue.message}` : "it does not have the expected shape");
}

/** Reads the spec on `grid`, saying whether it is absent (no sheet), damaged, or readable (and intact). */
export function readSpecGrid<S extends { checksum: string }>(grid: Grid | null, list: SpecList<string>, parse: (rows: SpecRows) => S, verify: (spec: S) => boolean): SpecRead<S> {
  if (!grid) return { status: "absent" };
  const rows = scanSpecSheet(grid, list);
  try {
    const spec = parse(rows);
    return { status: "ok", sheet: grid.sheet, spec, checksumOk: verify(spec), checksumCell: rows.settings.get("checksum")?.cell ?? null };
  } catch (e) {
    if (e instanceof SpecDamaged) return { status: "damaged", sheet: grid.sheet, problem: e.message };
    throw e;
  }
}
