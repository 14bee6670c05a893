/**
 * The specification a Section 11 audit carries, on the same very hidden "_spec" sheet a return
 * uses and in the same form (see ../returns/spec.ts for why it lives in cells): settings as
 * key / value rows, then one row per standard. Its "kind" row says "section-11-audit", which is
 * how `validate`, `collate` and the task pane tell an audit from a quarterly return.
 *
 * The checksum is SHA-256 over a canonical JSON of the rest: it detects an edited
 * specification; it is not a security seal.
 */
import { z } from "zod";
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { cellAddress } from "../grid/address";
import { PeriodSchema } from "../model/model";
import type { PlanValue, SheetPlan } from "../plan/plan";
import { sha256Hex } from "../templates/sha256";
import { AUDIT_KIND, labelKey, SPEC_SHEET } from "./layout";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");

export const AuditStandardSpecSchema = z.object({
  number: z.number().int().min(1),
  name: z.string().min(1),
  /** Row of the standard on the Audit sheet, 1-based, as written. */
  row: z.number().int().positive(),
});
export type AuditStandardSpec = z.infer<typeof AuditStandardSpecSchema>;

export const AuditSpecSchema = z.object({
  kind: z.literal(AUDIT_KIND),
  partnership: z.string(),
  agency: z.string().min(1),
  period: PeriodSchema,
  due: isoDate.nullable(),
  templateVersion: z.string(),
  /** The scale, in order from best to worst. */
  ratings: z.array(z.string().min(1)).min(2),
  /** How many action rows the Actions sheet has. */
  actionRows: z.number().int().positive(),
  standards: z.array(AuditStandardSpecSchema).min(1),
  checksum: z.string(),
});
export type AuditSpec = z.infer<typeof AuditSpecSchema>;
export type UnsealedAuditSpec = Omit<AuditSpec, "checksum">;

function canonical(spec: UnsealedAuditSpec): unknown {
  return {
    kind: spec.kind,
    partnership: spec.partnership,
    agency: spec.agency,
    period: { start: spec.period.start, end: spec.period.end, label: spec.period.label },
    due: spec.due ?? null,
    templateVersion: spec.templateVersion,
    ratings: [...spec.ratings],
    actionRows: spec.actionRows,
    standards: spec.standards.map((s) => ({ number: s.number, name: s.name, row: s.row })),
  };
}

export function auditChecksum(spec: UnsealedAuditSpec): string {
  return sha256Hex(JSON.stringify(canonical(spec)));
}

export function sealAuditSpec(spec: UnsealedAuditSpec): AuditSpec {
  return { ...spec, checksum: auditChecksum(spec) };
}

export function auditChecksumOk(spec: AuditSpec): boolean {
  const { checksum, ...rest } = spec;
  return auditChecksum(rest) === checksum.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Writing

const FIELDS_MARK = "standard fields";
const STANDARD_MARK = "standard";
const FIELDS = ["number", "name", "row"] as const;

export function auditSpecSheetPlan(spec: AuditSpec): SheetPlan {
  const values: PlanValue[][] = [
    ["Audit specification", "Written with the Section 11 audit template; the audit is checked against it. Do not edit: a change is detected by the checksum (a tamper check, not a security seal)."],
    [],
    ["kind", spec.kind],
    ["partnership", spec.partnership],
    ["agency", spec.agency],
    ["period.start", spec.period.start],
    ["period.end", spec.period.end],
    ["period.label", spec.period.label],
    ["due", spec.due ?? ""],
    ["templateVersion", spec.templateVersion],
    ["ratings", JSON.stringify(spec.ratings)],
    ["actionRows", String(spec.actionRows)],
    ["checksum", spec.checksum],
    [],
    [FIELDS_MARK, ...FIELDS],
    ...spec.standards.map((s) => [STANDARD_MARK, String(s.number), s.name, String(s.row)]),
  ];
  const width = Math.max(...values.map((r) => r.length));
  return {
    name: SPEC_SHEET,
    state: "veryHidden",
    blocks: [{ at: "A1", values: values.map((r) => [...r, ...new Array<PlanValue>(width - r.length).fill(null)]) }],
    // Text throughout, so that no tool turns "2025-04-01" into a date or "1.0" into 1.
    numberFormats: [{ range: `A1:${cellAddress(values.length - 1, width - 1)}`, format: "@" }],
    protection: { protect: true, unlocked: [] },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

function cellString(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "string" ? cell.value : String(cell.value);
}

function kindOf(grid: Grid): string | null {
  for (const row of grid.rows) if (cellString(row[0]).trim() === "kind") return cellString(row[1]).trim();
  return null;
}

/** The sheet carrying an audit's specification: the "_spec" sheet, or (if renamed) the one that says it is one. */
export function findAuditSpecSheet(workbook: GridWorkbook): Grid | null {
  const byName = workbook.sheets.find((s) => labelKey(s.sheet) === labelKey(SPEC_SHEET) && kindOf(s) === AUDIT_KIND);
  return byName ?? workbook.sheets.find((s) => kindOf(s) === AUDIT_KIND) ?? null;
}

/** Whether the workbook carries a Section 11 audit's specification (readable or not). */
export function isAuditWorkbook(workbook: GridWorkbook): boolean {
  return findAuditSpecSheet(workbook) !== null;
}

export type AuditSpecRead =
  | { status: "absent" }
  | { status: "damaged"; sheet: string; problem: string }
  | { status: "ok"; sheet: string; spec: AuditSpec; checksumOk: boolean; checksumCell: string | null };

class Damaged extends Error {}

function whole(text: string, what: string): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isInteger(n)) throw new Damaged(`${what} is "${text}", not a whole number`);
  return n;
}

export function readAuditSpec(workbook: GridWorkbook): AuditSpecRead {
  const grid = findAuditSpecSheet(workbook);
  if (!grid) return { status: "absent" };
  const settings = new Map<string, { value: string; cell: string }>();
  const found: { fields: string[] | null } = { fields: null };
  const standards: string[][] = [];
  grid.rows.forEach((row, r) => {
    const head = cellString(row[0]).trim();
    const rest = row.slice(1).map(cellString);
    if (head === FIELDS_MARK) found.fields = rest.map((f) => f.trim());
    else if (head === STANDARD_MARK) standards.push(rest);
    else if (head !== "" && !settings.has(head)) settings.set(head, { value: rest[0] ?? "", cell: cellAddress(grid.origin.row + r, grid.origin.col + 1) });
  });
  try {
    const get = (key: string): string => settings.get(key)?.value ?? "";
    const need = (key: string): string => {
      const v = get(key);
      if (v.trim() === "") throw new Damaged(`its ${key} is missing`);
      return v;
    };
    const f = found.fields;
    if (!f) throw new Damaged("its list of standard fields is missing");
    const at = (cells: string[], name: (typeof FIELDS)[number]): string => cells[f.indexOf(name)] ?? "";
    let ratings: unknown;
    try {
      ratings = JSON.parse(need("ratings"));
    } catch (e) {
      if (e instanceof Damaged) throw e;
      throw new Damaged("its list of ratings cannot be read");
    }
    const raw = {
      kind: need("kind").trim(),
      partnership: get("partnership"),
      agency: need("agency"),
      period: { start: need("period.start").trim(), end: need("period.end").trim(), label: need("period.label") },
      due: get("due").trim() === "" ? null : get("due").trim(),
      templateVersion: need("templateVersion").trim(),
      ratings,
      actionRows: whole(need("actionRows"), "its number of action rows"),
      standards: standards.map((cells, i) => ({
        number: whole(at(cells, "number"), `standard ${i + 1}'s number`),
        name: at(cells, "name"),
        row: whole(at(cells, "row"), `standard ${i + 1}'s row`),
      })),
      checksum: need("checksum").trim(),
    };
    const parsed = AuditSpecSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Damaged(issue ? `${issue.path.join(".") || "it"}: ${issue.message}` : "it does not have the expected shape");
    }
    return { status: "ok", sheet: grid.sheet, spec: parsed.data, checksumOk: auditChecksumOk(parsed.data), checksumCell: settings.get("checksum")?.cell ?? null };
  } catch (e) {
    if (e instanceof Damaged) return { status: "damaged", sheet: grid.sheet, problem: e.message };
    throw e;
  }
}
